#!/usr/bin/env bash
# bench/soak.sh LANCHAT LOADGEN [SECONDS] [OUTDIR]: the bounded soak. Our hub headless on a free
# loopback port; 2,000 clients, of which 200 connect, join, chat and leave in a loop (pausing 1 s
# between rounds) while 10 joined senders send 20 messages/s to everyone, for SECONDS (600).
# The hub's RSS and open descriptors are sampled every 5 s; the last lines say whether they
# plateau. Everything stops by itself (loadgen's own alarm, the hub by its PID).
set -euo pipefail
lanchat=$1
loadgen=$2
seconds=${3:-600}
out=${4:-$(mktemp -d)}
mkdir -p "$out"
source "$(dirname "$0")/hub.sh"
trap stop_hub EXIT
ulimit -n 8192
start_hub "$lanchat" "$out/hub.log" --max-clients 4000
echo "soak: hub pid $HUB_PID on port $HUB_PORT, results in $out"
"$loadgen" --port "$HUB_PORT" --hub-pid "$HUB_PID" --protocol lanchat --soak --clients 2000 \
    --churn 200 --churn-pause 1 --senders 10 --rate 20 --duration "$seconds" --sample 5 \
    --drain 5 2>&1 | tee "$out/soak.log"
