#!/usr/bin/env bash
# bench/clients.sh: how much the hosting window costs in a busy room. Starts the real window
# (lanchat, hosting) under Xvfb, fills its room with --prefill messages, then lets five scripted
# guests (bench/loadgen) chat at --rate messages/s for --duration seconds, and reports the CPU of
# the window's GUI thread and of the hub thread (from /proc/PID/task/TID/stat) as % of one core,
# and the window's VmRSS. With --memory N it then sends N more messages at --memory-rate (1,000/s)
# and samples VmRSS every 10,000 (a bounded window stays flat).
#
#   bench/clients.sh --rate 100                  # 2,000 prefilled, 5 guests at 100 msg/s, 20 s
#   bench/clients.sh --rate 20 --lanchat OTHER/app/lanchat
#   bench/clients.sh --rate 100 --memory 100000
#   bench/clients.sh --no-window --during 'node page-bench.mjs'   # reuse for other clients
#
# --during CMD runs CMD (with LANCHAT_PORT set) while the guests chat and waits for it; with
# --no-window the hub is `lanchat --headless` and only the hub thread is measured. Prints a
# table and one JSON line. Needs xvfb-run, a built lanchat and loadgen (default: build-ci/).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LANCHAT=${LANCHAT:-$ROOT/build-ci/app/lanchat}
LOADGEN=${LOADGEN:-$ROOT/build-ci/bench/loadgen}
RATE=100
DURATION=20
PREFILL=2000
GUESTS=5
MEMORY=0
MEMORY_RATE=1000
WINDOW=1
DURING=""
PORT=${PORT:-0}
LABEL=""

while [[ $# -gt 0 ]]; do
    case $1 in
    --rate) RATE=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --prefill) PREFILL=$2; shift 2 ;;
    --guests) GUESTS=$2; shift 2 ;;
    --memory) MEMORY=$2; shift 2 ;;
    --memory-rate) MEMORY_RATE=$2; shift 2 ;;
    --lanchat) LANCHAT=$2; shift 2 ;;
    --loadgen) LOADGEN=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --label) LABEL=$2; shift 2 ;;
    --no-window) WINDOW=0; shift ;;
    --during) DURING=$2; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "clients.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
[[ $PORT == 0 ]] && PORT=$((20000 + RANDOM % 20000))

WORK=$(mktemp -d)
cleanup() {
    [[ -n ${APP_PID:-} ]] && kill "$APP_PID" 2>/dev/null || true
    [[ -n ${XVFB_PID:-} ]] && kill "$XVFB_PID" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

export HOME=$WORK XDG_CONFIG_HOME=$WORK/config XDG_DATA_HOME=$WORK/data LANG=C.UTF-8
common=(--port "$PORT" --bind 127.0.0.1 --room Bench --no-announce --rate-limit 0)
if [[ $WINDOW == 1 ]]; then
    # One X server for the run; the window is the app's own (hosting, in its own room).
    DISPLAY_NUM=$((90 + RANDOM % 100))
    Xvfb ":$DISPLAY_NUM" -screen 0 1280x800x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
    XVFB_PID=$!
    export DISPLAY=":$DISPLAY_NUM" QT_QPA_PLATFORM=xcb
    for _ in $(seq 50); do [[ -S /tmp/.X11-unix/X$DISPLAY_NUM ]] && break; sleep 0.1; done
    "$LANCHAT" "${common[@]}" --nick host >"$WORK/app.log" 2>&1 &
else
    "$LANCHAT" --headless "${common[@]}" >"$WORK/app.log" 2>&1 &
fi
APP_PID=$!
for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
    sleep 0.1
done

hub_tid() {
    for t in /proc/$APP_PID/task/*; do
        [[ $(cat "$t/comm") == lanchat-hub ]] && { basename "$t"; return; }
    done
}
ticks() { awk '{print $14 + $15}' "/proc/$APP_PID/task/$1/stat"; }
rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$APP_PID/status"; }
HZ=$(getconf CLK_TCK)
HUB=$(hub_tid)
GUI=$APP_PID

gen() { "$LOADGEN" --port "$PORT" --clients "$GUESTS" --senders "$GUESTS" --join senders --quiet "$@"; }

# Prefill (as fast as the room takes it), then let the window settle.
gen --window 50 --count "$PREFILL" --duration 120 --drain 2 >"$WORK/prefill.json"
sleep 3
rss_before=$(rss_kib)

gui0=$(ticks "$GUI"); hub0=$(ticks "$HUB"); t0=$(date +%s.%N)
during_pid=""
if [[ -n $DURING ]]; then
    LANCHAT_PORT=$PORT bash -c "$DURING" &
    during_pid=$!
fi
gen --rate "$RATE" --duration "$DURATION" --drain 2 >"$WORK/load.json"
gui1=$(ticks "$GUI"); hub1=$(ticks "$HUB"); t1=$(date +%s.%N)
[[ -n $during_pid ]] && wait "$during_pid"
rss_after=$(rss_kib)

pct() { awk -v a="$1" -v b="$2" -v t0="$t0" -v t1="$t1" -v hz="$HZ" \
    'BEGIN { printf "%.1f", 100 * (b - a) / hz / (t1 - t0) }'; }
gui_pct=$(pct "$gui0" "$gui1")
hub_pct=$(pct "$hub0" "$hub1")
[[ $WINDOW == 0 ]] && gui_pct=null

mem_samples=""
if [[ $MEMORY -gt 0 ]]; then
    sent=0
    while [[ $sent -lt $MEMORY ]]; do
        gen --rate "$MEMORY_RATE" --count 10000 --duration 300 --drain 2 >/dev/null
        sent=$((sent + 10000))
        mem_samples+="${mem_samples:+,}[$sent,$(rss_kib)]"
    done
fi

printf '%-28s %s\n' "lanchat" "$LANCHAT" "rate (msg/s)" "$RATE" "duration (s)" "$DURATION" \
    "prefill" "$PREFILL" "GUI thread (% of a core)" "$gui_pct" "hub thread (% of a core)" "$hub_pct" \
    "VmRSS before/after (KiB)" "$rss_before / $rss_after" >&2
[[ -n $mem_samples ]] && printf '%-28s %s\n' "VmRSS after N more (KiB)" "$mem_samples" >&2
printf '{"label":"%s","rate":%s,"duration":%s,"prefill":%s,"gui_pct":%s,"hub_pct":%s,"rss_before_kib":%s,"rss_after_kib":%s,"memory":[%s],"load":%s}\n' \
    "$LABEL" "$RATE" "$DURATION" "$PREFILL" "$gui_pct" "$hub_pct" "$rss_before" "$rss_after" \
    "$mem_samples" "$(tail -n 1 "$WORK/load.json")"
