# Sourced by bench scripts: start_hub LANCHAT LOG [extra options] starts our hub headless on a
# free loopback port and sets HUB_PID and HUB_PORT; stop_hub ends it (by its PID, at most 5 s,
# then SIGKILL). Both return non-zero on failure.
HUB_PID=
HUB_PORT=
start_hub() {
    local lanchat=$1 log=$2
    shift 2
    "$lanchat" --headless --rate-limit 0 --bind 127.0.0.1 --port 0 --no-announce "$@" >"$log" 2>&1 &
    HUB_PID=$!
    for _ in $(seq 100); do
        HUB_PORT=$(sed -n 's/.* on port \([0-9][0-9]*\).*/\1/p' "$log" | head -1)
        [[ -n $HUB_PORT ]] && return 0
        kill -0 "$HUB_PID" 2>/dev/null || break
        sleep 0.1
    done
    echo "the hub did not start:" >&2
    cat "$log" >&2
    return 1
}
stop_hub() {
    [[ -n $HUB_PID ]] || return 0
    kill "$HUB_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$HUB_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$HUB_PID" 2>/dev/null || true
    HUB_PID=
}
