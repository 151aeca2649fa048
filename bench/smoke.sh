#!/usr/bin/env bash
# bench/smoke.sh LANCHAT LOADGEN: the benchmark's CTest smoke run. Starts our hub on a free port
# (--port 0), runs the load generator against it for a few seconds with a small N, and passes
# only if every client connected, deliveries happened and none was lost (loadgen --check).
# Not a timing assertion.
set -euo pipefail
lanchat=$1
loadgen=$2
work=$(mktemp -d)
source "$(dirname "$0")/hub.sh"
trap 'stop_hub; rm -rf "$work"' EXIT

start_hub "$lanchat" "$work/hub.log"
echo "smoke: hub pid $HUB_PID on port $HUB_PORT"
# 50 clients (5 joined senders, 45 lurkers), 200 msg/s for 10 s: 100,000 deliveries expected.
"$loadgen" --port "$HUB_PORT" --hub-pid "$HUB_PID" --protocol lanchat --clients 50 --senders 5 \
    --rate 200 --duration 10 --drain 5 --label smoke --check
