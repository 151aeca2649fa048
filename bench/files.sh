#!/usr/bin/env bash
# bench/files.sh: how fast does the hub move files, and does the chat stay fast meanwhile?
# Against our hub (lanchat --headless) and, for downloads, Debian's nginx (sendfile on) serving
# the same file in the same run. Servers run on CPU 0, the clients on CPU 1. See bench/README.md.
#
#   bench/files.sh                     upload, download (ours vs nginx), chat with downloads
#   bench/files.sh --repeat 3          medians of 3 runs of the upload and the downloads
#   bench/files.sh --only "download"   a subset of: upload download chat
#   bench/files.sh --size-mib 256      a smaller file (default 1024 = 1 GiB)
#   bench/files.sh --no-build          use build-bench/ as it is
#
# Needs: the project's build dependencies, python3, taskset, and nginx for the reference
# (apt-get install --no-install-recommends nginx-light; only for this benchmark).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD:-$ROOT/build-bench}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
REPEAT=1
ONLY="upload download chat"
SIZE_MIB=1024
CLIENTS=10
CHAT_SECONDS=15
NO_BUILD=0

while [[ $# -gt 0 ]]; do
    case $1 in
    --repeat) REPEAT=$2; shift 2 ;;
    --only) ONLY=$2; shift 2 ;;
    --size-mib) SIZE_MIB=$2; shift 2 ;;
    --clients) CLIENTS=$2; shift 2 ;;
    --chat-seconds) CHAT_SECONDS=$2; shift 2 ;;
    --no-build) NO_BUILD=1; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "files.sh: unknown option $1" >&2; exit 2 ;;
    esac
done

LANCHAT=$BUILD/app/lanchat
LOADGEN=$BUILD/bench/loadgen
FILESGET=$BUILD/bench/filesget
CLIENT=$ROOT/bench/filesclient.py
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$BUILD/files-results/$STAMP
mkdir -p "$OUT"
RESULTS=$OUT/results.jsonl
: >"$RESULTS"
log() { printf '%s\n' "$*" >&2; }
on_clients() { taskset -c "$CLIENT_CPU" "$@"; }

if [[ $NO_BUILD == 0 ]]; then
    log "== building (Release) in $BUILD"
    if [[ ! -f $BUILD/build.ninja ]]; then
        cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release \
            $(command -v ccache >/dev/null && echo -DCMAKE_CXX_COMPILER_LAUNCHER=ccache) >"$OUT/cmake.log" 2>&1 \
            || { cat "$OUT/cmake.log" >&2; exit 1; }
    fi
    cmake --build "$BUILD" --target lanchat loadgen filesget -j2 >"$OUT/build.log" 2>&1 \
        || { tail -30 "$OUT/build.log" >&2; exit 1; }
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[[ -x $NGINX ]] || { log "files.sh: no nginx (apt-get install --no-install-recommends nginx-light)"; exit 1; }
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

# The file: random bytes (nothing compresses or dedups them), made once and kept.
DATA=$BUILD/files-bench
FILE=$DATA/big-$SIZE_MIB.bin
mkdir -p "$DATA"
if [[ ! -f $FILE || $(stat -c %s "$FILE") != $((SIZE_MIB * 1048576)) ]]; then
    log "== making $FILE ($SIZE_MIB MiB of random bytes)"
    head -c $((SIZE_MIB * 1048576)) /dev/urandom >"$FILE.part" && mv "$FILE.part" "$FILE"
fi
cat "$FILE" >/dev/null # into the page cache, as for every run after it

# ---- our hub ---------------------------------------------------------------------------------
HUB_PID=
HUB_PORT=
start_hub() {
    local hublog=$OUT/hub-$1.log
    rm -rf "$OUT/data"
    taskset -c "$SERVER_CPU" "$LANCHAT" --headless --rate-limit 0 --max-clients 20000 \
        --max-file-mib $((SIZE_MIB * 2)) --files-quota-gib 0 --bind 127.0.0.1 --port 0 \
        --no-announce --data-dir "$OUT/data" >"$hublog" 2>&1 &
    HUB_PID=$!
    HUB_PORT=
    for _ in $(seq 100); do
        HUB_PORT=$(sed -n 's/.* on port \([0-9][0-9]*\).*/\1/p' "$hublog" | head -1)
        [[ -n $HUB_PORT ]] && break
        kill -0 "$HUB_PID" 2>/dev/null || break
        sleep 0.1
    done
    if [[ -z $HUB_PORT ]] || ! kill -0 "$HUB_PID" 2>/dev/null; then
        log "files.sh: our hub did not start:"; cat "$hublog" >&2; exit 1
    fi
    sleep 0.3 # let it settle before its RSS is read
}
stop_pid() {
    local pid=$1
    [[ -n $pid ]] || return 0
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

# ---- nginx (the reference), one worker on the servers' CPU ---------------------------------
NGINX_PID=
NGINX_WORKER=
NGINX_PORT=
start_nginx() {
    local dir=$OUT/nginx
    mkdir -p "$dir/logs" "$dir/tmp"
    NGINX_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    cat >"$dir/nginx.conf" <<EOF
daemon off;
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    client_body_temp_path $dir/tmp;
    proxy_temp_path $dir/tmp;
    fastcgi_temp_path $dir/tmp;
    uwsgi_temp_path $dir/tmp;
    scgi_temp_path $dir/tmp;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $DATA;
    }
}
EOF
    taskset -c "$SERVER_CPU" "$NGINX" -c "$dir/nginx.conf" -p "$dir" >"$dir/logs/stdout.log" 2>&1 &
    NGINX_PID=$!
    for _ in $(seq 50); do
        if curl -sf -o /dev/null -r 0-0 "http://127.0.0.1:$NGINX_PORT/$(basename "$FILE")"; then
            NGINX_WORKER=$(pgrep -P "$NGINX_PID" | head -1) # the one that serves, for its RSS
            return 0
        fi
        sleep 0.1
    done
    log "files.sh: nginx did not start:"; cat "$dir/logs/"* >&2; exit 1
}
cleanup() { stop_pid "$HUB_PID"; stop_pid "$NGINX_PID"; }
trap cleanup EXIT

keep() { # keep LABEL JSON: one result line, labelled
    local label=$1 line=$2
    printf '%s\n' "${line/#\{/\{\"scenario\":\"$label\",}" >>"$RESULTS"
}

# The hub's copy: upload once (also the upload measurement) and learn its URL and SHA-256.
FILE_URL=
FILE_SHA=
upload_once() {
    local line
    line=$(on_clients python3 "$CLIENT" upload --port "$HUB_PORT" --file "$FILE" --pid "$HUB_PID") \
        || { log "files.sh: the upload failed"; cat "$OUT/hub-$1.log" >&2; exit 1; }
    FILE_URL=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["url"])' "$line")
    FILE_SHA=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["sha256"] or "")' "$line")
    keep upload "$line"
    log "   upload: $line"
}

want() { [[ " $ONLY " == *" $1 "* ]]; }

if want upload || want download; then
    start_nginx
    start_hub files
    upload_once files
    expected=$(sha256sum "$FILE" | cut -d' ' -f1)
    [[ $FILE_SHA == "$expected" ]] || log "files.sh: the hub announced sha256 $FILE_SHA, the file has $expected"
    # One checked download first: the bytes that come back are the file's.
    on_clients python3 "$CLIENT" download --clients 1 --url "http://127.0.0.1:$HUB_PORT$FILE_URL" \
        --sha256 "$expected" --label check >"$OUT/check.json" \
        || { log "files.sh: the downloaded file differs:"; cat "$OUT/check.json" >&2; exit 1; }
    for ((rep = 1; rep <= REPEAT; rep++)); do
        if want upload && ((rep > 1)); then
            stop_pid "$HUB_PID"
            start_hub files
            upload_once files
        fi
        if want download; then
            for server in ours nginx; do
                if [[ $server == ours ]]; then
                    url="http://127.0.0.1:$HUB_PORT$FILE_URL"; pid=$HUB_PID
                else
                    url="http://127.0.0.1:$NGINX_PORT/$(basename "$FILE")"; pid=$NGINX_WORKER
                fi
                line=$(on_clients "$FILESGET" --clients "$CLIENTS" --url "$url" --pid "$pid" \
                    --label "$server") || { log "files.sh: $server: download failed: $line"; exit 1; }
                keep "download-$server" "$line"
                log "   download $server: $line"
            done
        fi
    done
fi

if want chat; then
    # 1,000 clients, 10 chat messages/s in all (10,000 deliveries/s): p99 without, then with
    # CLIENTS downloads of the file running all the time. A fresh hub for each.
    for variant in quiet downloads; do
        stop_pid "$HUB_PID"
        start_hub "chat-$variant"
        DL_PID=
        if [[ $variant == downloads ]]; then
            upload_once "chat-$variant"
            # nginx's worker would share the CPU otherwise; it has no part here.
            on_clients "$FILESGET" --clients "$CLIENTS" \
                --url "http://127.0.0.1:$HUB_PORT$FILE_URL" --seconds $((CHAT_SECONDS + 5)) \
                --pid "$HUB_PID" --label chat-downloads >"$OUT/chat-downloads.json" &
            DL_PID=$!
            sleep 1 # the downloads are under way before the first chat message
        fi
        line=$(timeout 300 on_clients "$LOADGEN" --port "$HUB_PORT" --hub-pid "$HUB_PID" \
            --clients 1000 --senders 10 --rate 10 --duration "$CHAT_SECONDS" --label "chat-$variant" \
            | tee -a "$OUT/loadgen.txt" | grep '^{' || true)
        [[ -n $line ]] || { log "files.sh: loadgen gave no result"; tail -20 "$OUT/loadgen.txt" >&2; exit 1; }
        keep "chat-$variant" "$line"
        if [[ -n $DL_PID ]]; then
            wait "$DL_PID" || log "files.sh: the downloads during the chat failed"
            keep chat-downloads-files "$(cat "$OUT/chat-downloads.json")"
        fi
        log "   chat $variant: $line"
    done
fi

{
    echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores, $(uname -sr)"
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
    echo "file: $SIZE_MIB MiB; $CLIENTS download clients; servers on CPU $SERVER_CPU, clients on CPU $CLIENT_CPU; repeats: $REPEAT"
    echo
    python3 - "$RESULTS" <<'EOF'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
def med(scenario, key):
    v = [r[key] for r in rows if r.get("scenario") == scenario and key in r]
    return statistics.median(v) if v else None
def fmt(v, unit=""):
    return "—" if v is None else f"{v:,.1f}{unit}"
print("| what | ours | nginx | target |")
print("| --- | --- | --- | --- |")
ours, ref = med("download-ours", "mb_per_s"), med("download-nginx", "mb_per_s")
ratio = f" ({100 * ours / ref:.0f} % of nginx)" if ours and ref else ""
def mib(scenario):
    v = med(scenario, "rss_growth_kib")
    return None if v is None else v / 1024
print(f"| download, all clients together: MB/s | {fmt(ours)}{ratio} | {fmt(ref)} | ≥ 80 % of nginx |")
print(f"| download: server RSS growth | {fmt(mib('download-ours'), ' MiB')} | {fmt(mib('download-nginx'), ' MiB')} | ≤ 32 MiB |")
print(f"| upload: MB/s | {fmt(med('upload', 'mb_per_s'))} | — | ≥ 500 MB/s |")
print(f"| upload: hub RSS growth | {fmt(mib('upload'), ' MiB')} | — | ≤ 32 MiB |")
q, d = med("chat-quiet", "p99_ms"), med("chat-downloads", "p99_ms")
print(f"| chat p99, 1,000 clients at 10 msg/s, quiet | {fmt(q, ' ms')} | — | — |")
print(f"| chat p99, the same during the downloads | {fmt(d, ' ms')} | — | ≤ 10 ms |")
dl = med("chat-downloads-files", "mb_per_s")
if dl is not None:
    print(f"| downloads during the chat: MB/s | {fmt(dl)} | — | — |")
lost = [r.get("lost") for r in rows if r.get("scenario", "").startswith("chat-") and "lost" in r]
if lost:
    print(f"\nchat messages lost: {lost}")
EOF
} | tee "$OUT/summary.md"
log "results: $RESULTS"
