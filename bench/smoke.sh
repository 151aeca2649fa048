#!/usr/bin/env bash
# bench/smoke.sh LANCHAT LOADGEN: the benchmark's CTest smoke run. Starts our hub on a free port
# (--port 0), runs the load generator against it for a few seconds with a small N, and passes
# only if every client connected, deliveries happened and none was lost (loadgen --check).
# Not a timing assertion.
set -euo pipefail
lanchat=$1
loadgen=$2
work=$(mktemp -d)
hub=
cleanup() {
    if [[ -n $hub ]]; then
        kill "$hub" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$hub" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$hub" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

"$lanchat" --headless --rate-limit 0 --bind 127.0.0.1 --port 0 --no-announce >"$work/hub.log" 2>&1 &
hub=$!
port=
for _ in $(seq 100); do
    port=$(sed -n 's/.* on port \([0-9][0-9]*\).*/\1/p' "$work/hub.log" | head -1)
    [[ -n $port ]] && break
    kill -0 "$hub" 2>/dev/null || break
    sleep 0.1
done
if [[ -z $port ]]; then
    echo "smoke: the hub did not start:" >&2
    cat "$work/hub.log" >&2
    exit 1
fi
echo "smoke: hub pid $hub on port $port"
# 50 clients (5 joined senders, 45 lurkers), 200 msg/s for 10 s: 100,000 deliveries expected.
"$loadgen" --port "$port" --hub-pid "$hub" --protocol lanchat --clients 50 --senders 5 \
    --rate 200 --duration 10 --drain 5 --label smoke --check
