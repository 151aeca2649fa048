#!/usr/bin/env bash
# bench/run.sh: build what the benchmark needs, then run the issue-6 scenarios against our hub
# (lanchat --headless) and the seeds' Go hub in the same run, each hub pinned to one core and the
# load generator to the other, and print a side-by-side table with ratios. See bench/README.md.
#
#   bench/run.sh                      every scenario, both hubs, once
#   bench/run.sh --repeat 3           medians of 3 runs per scenario
#   bench/run.sh --hubs ours          only our hub (or: seed; ours-ephemeral: ours with --ephemeral)
#   bench/run.sh --scenarios "throughput idle"   a subset
#   bench/run.sh --quick              short runs (a few seconds each) to check the set-up
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD:-$ROOT/build-bench}
SEED_SRC=${SEED_SRC:-$ROOT/../shared/peers/seedhub}
HUB_CPU=${HUB_CPU:-0}
HUB_ENV=${HUB_ENV:-} # e.g. HUB_ENV=QT_NO_GLIB=1 bench/run.sh
GEN_CPU=${GEN_CPU:-1}
REPEAT=1
HUBS="ours seed"
SCENARIOS="throughput c10k-10 c1k-100 sweep idle slow"
QUICK=0
NO_BUILD=0

while [[ $# -gt 0 ]]; do
    case $1 in
    --repeat) REPEAT=$2; shift 2 ;;
    --hubs) HUBS=$2; shift 2 ;;
    --scenarios) SCENARIOS=$2; shift 2 ;;
    --quick) QUICK=1; shift ;;
    --no-build) NO_BUILD=1; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    esac
done

LANCHAT=$BUILD/app/lanchat
LOADGEN=$BUILD/bench/loadgen
SEEDHUB=$BUILD/seedhub
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$BUILD/bench-results/$STAMP
mkdir -p "$OUT"
RESULTS=$OUT/results.jsonl
: >"$RESULTS"

# Durations (seconds of sending per run).
if [[ $QUICK == 1 ]]; then D_LONG=3; D_SHORT=2; D_SLOW=5; else D_LONG=10; D_SHORT=5; D_SLOW=15; fi

log() { printf '%s\n' "$*" >&2; }

# ---- build ----------------------------------------------------------------------------------
if [[ $NO_BUILD == 0 ]]; then
    log "== building (Release) in $BUILD"
    if [[ ! -f $BUILD/build.ninja ]]; then
        cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release \
            $(command -v ccache >/dev/null && echo -DCMAKE_CXX_COMPILER_LAUNCHER=ccache) >"$OUT/cmake.log" 2>&1 \
            || { cat "$OUT/cmake.log" >&2; exit 1; }
    fi
    targets=(--target loadgen)
    [[ " $HUBS " == *" ours"* ]] && targets+=(--target lanchat)
    cmake --build "$BUILD" "${targets[@]}" -j2 >"$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log" >&2; exit 1; }
    if [[ " $HUBS " == *" seed "* ]]; then
        (cd "$SEED_SRC" && GO111MODULE=off GOPATH=/usr/share/gocode go build -o "$SEEDHUB" main.go) \
            || { log "run.sh: cannot build the seeds' hub (apt-get install golang-go golang-github-gorilla-websocket-dev)"; exit 1; }
    fi
fi

# 10,000 clients on each side need file descriptors.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if (( $(ulimit -n) < 10100 )); then
    log "run.sh: ulimit -n is $(ulimit -n); 10,000-client scenarios need more (raise the hard limit)"
fi

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

HUB_PID=
HUB_PORT=
start_hub() { # $1 = ours|seed
    local hub=$1 hublog=$OUT/hub-$1.log
    : >"$hublog"
    if [[ $hub == ours* ]]; then
        # ours: the room's history in a fresh store (a file per run, as a host keeps it);
        # ours-ephemeral: nothing on disk.
        local store=(--data-dir "$OUT/data-$RANDOM$RANDOM")
        [[ $hub == ours-ephemeral ]] && store=(--ephemeral)
        # shellcheck disable=SC2086 # HUB_ENV: extra VAR=value words for our hub, for experiments
        taskset -c "$HUB_CPU" env ${HUB_ENV:-} "$LANCHAT" --headless --rate-limit 0 --max-clients 20000 \
            --bind 127.0.0.1 --port 0 --no-announce "${store[@]}" >"$hublog" 2>&1 &
        HUB_PID=$!
        HUB_PORT=
        for _ in $(seq 100); do
            HUB_PORT=$(sed -n 's/.* on port \([0-9][0-9]*\).*/\1/p' "$hublog" | head -1)
            [[ -n $HUB_PORT ]] && break
            kill -0 "$HUB_PID" 2>/dev/null || break
            sleep 0.1
        done
    else
        HUB_PORT=$(free_port)
        taskset -c "$HUB_CPU" "$SEEDHUB" -port "$HUB_PORT" >"$hublog" 2>&1 &
        HUB_PID=$!
        for _ in $(seq 100); do
            grep -q listening "$hublog" && break
            kill -0 "$HUB_PID" 2>/dev/null || break
            sleep 0.1
        done
    fi
    if [[ -z $HUB_PORT ]] || ! kill -0 "$HUB_PID" 2>/dev/null; then
        log "run.sh: the $hub hub did not start:"; cat "$hublog" >&2; exit 1
    fi
    sleep 0.3 # let it finish starting before its RSS is read
}

stop_hub() {
    [[ -n $HUB_PID ]] || return 0
    kill "$HUB_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$HUB_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$HUB_PID" 2>/dev/null || true
    wait "$HUB_PID" 2>/dev/null || true
    HUB_PID=
}
trap stop_hub EXIT

# run_gen HUB LABEL loadgen-args… : one fresh hub, one generator run, one JSON line kept.
run_gen() {
    local hub=$1 label=$2; shift 2
    local proto=lanchat
    [[ $hub == seed ]] && proto=raw
    start_hub "$hub"
    log "-- $hub: $label: loadgen $*"
    local line
    line=$(timeout 300 taskset -c "$GEN_CPU" "$LOADGEN" --port "$HUB_PORT" --hub-pid "$HUB_PID" \
        --protocol "$proto" --label "$label" "$@" | tee -a "$OUT/loadgen-$hub.txt" | grep '^{' || true)
    stop_hub
    if [[ -z $line ]]; then
        log "   (no result)"
        return 0
    fi
    # Our hub logs each client it drops for not reading ("… bytes unsent (client stopped reading)",
    # then close 1008); the slow client itself cannot read that close frame behind its backlog.
    local drops
    drops=$(grep -c 'client stopped reading' "$OUT/hub-$hub.log" || true)
    cp "$OUT/hub-$hub.log" "$OUT/hub-$hub-$label.log"
    printf '%s\n' "${line/#\{/\{\"hub\":\"$hub\",\"hub_log_slow_drops\":${drops:-0},}" >>"$RESULTS"
    python3 - "$line" <<'EOF' >&2
import json, sys
r = json.loads(sys.argv[1])
print("   connected %d in %.3f s; delivered %d/%d (lost %d) %.0f/s; p50 %.2f p99 %.2f max %.2f ms; RSS/conn %.2f KiB"
      % (r["connected"], r["connect_s"], r["received"], r["expected"], r["lost"], r["deliveries_per_s"],
         r["p50_ms"], r["p99_ms"], r["max_ms"], r["rss_per_conn_kib"]))
EOF
}

for ((rep = 1; rep <= REPEAT; rep++)); do
    for scenario in $SCENARIOS; do
        for hub in $HUBS; do
            case $scenario in
            throughput) # 1,000 clients, 10 senders, as fast as delivered (100 messages in flight)
                run_gen "$hub" throughput --clients 1000 --senders 10 --window 100 --duration "$D_LONG" ;;
            c10k-10) # 10,000 clients, 10 msg/s in all: 100 k deliveries/s
                run_gen "$hub" c10k-10 --clients 10000 --senders 10 --rate 10 --duration "$D_LONG" ;;
            c1k-100) # 1,000 clients, 100 msg/s in all
                run_gen "$hub" c1k-100 --clients 1000 --senders 10 --rate 100 --duration "$D_LONG" ;;
            sweep) # how many clients stay under 100 ms p99 at 100 msg/s; stops at the first miss
                for n in 1000 2000 3000 4000 5000 6000; do
                    run_gen "$hub" "sweep-$n" --clients "$n" --senders 10 --rate 100 --duration "$D_SHORT" --drain 3
                    p99=$(tail -1 "$RESULTS" | python3 -c 'import json,sys; r=json.loads(sys.stdin.read()); print(1 if r["p99_ms"] < 100 and r["lost"] == 0 and r["connected"] == r["clients"] else 0)')
                    [[ $p99 == 1 ]] || break
                done ;;
            idle) # 10,000 idle clients: connection time and RSS per connection
                run_gen "$hub" idle-10k --clients 10000 --idle --duration 2 ;;
            slow) # one client stops reading while 100 others each receive 800 KiB/s
                run_gen "$hub" slow --clients 100 --senders 10 --slow-client --duration "$D_SLOW" ;;
            *) log "run.sh: unknown scenario $scenario"; exit 2 ;;
            esac
        done
    done
done

{
    echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores, $(uname -sr)"
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD -- server app 2>/dev/null || echo ' (+ local changes)')"
    echo "hub on CPU $HUB_CPU, loadgen on CPU $GEN_CPU; repeats: $REPEAT; results: $RESULTS"
    echo
    python3 "$ROOT/bench/summarize.py" "$RESULTS"
} | tee "$OUT/summary.md"
