#!/usr/bin/env bash
# bench/store.sh: a room store with 1,000,000 messages, then what the host does with it: start to
# listening (the lanchat binary, 5 starts), one history page of 100 and one search (p50/p99 over
# 100 each, bench/storebench.cpp). See docs/PERFORMANCE.md.
#
#   bench/store.sh                 Release build in build-bench/, store made once and reused
#   COUNT=200000 bench/store.sh    another size
#   BUILD=build-ci bench/store.sh --no-build   use an existing build
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD:-$ROOT/build-bench}
COUNT=${COUNT:-1000000}
ROOM="Bench room"
NO_BUILD=0
[[ ${1:-} == --no-build ]] && NO_BUILD=1

if [[ $NO_BUILD == 0 ]]; then
    if [[ ! -f $BUILD/build.ninja ]]; then
        cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release \
            $(command -v ccache >/dev/null && echo -DCMAKE_CXX_COMPILER_LAUNCHER=ccache) >/dev/null
    fi
    cmake --build "$BUILD" --target lanchat storebench -j2 >/dev/null
fi
DATA=$BUILD/bench-store/$COUNT
if [[ ! -f $DATA/done ]]; then
    rm -rf "$DATA"
    "$BUILD/bench/storebench" fill "$DATA" "$ROOM" "$COUNT"
    touch "$DATA/done"
fi
du -sh "$DATA" | sed 's/^/store size: /'

"$BUILD/bench/storebench" measure "$DATA" "$ROOM"

# Host start to listening: from exec to the "on port" line, the real binary on this store.
python3 - "$BUILD/app/lanchat" "$DATA" "$ROOM" <<'PY'
import subprocess, sys, time, signal
lanchat, data, room = sys.argv[1:4]
times = []
for _ in range(5):
    start = time.monotonic()
    p = subprocess.Popen([lanchat, "--headless", "--bind", "127.0.0.1", "--port", "0",
                          "--no-announce", "--data-dir", data, "--room", room,
                          "--keep-days", "0", "--keep-messages", "0"],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    for line in p.stdout:
        if " on port " in line:
            times.append((time.monotonic() - start) * 1000)
            break
    p.send_signal(signal.SIGTERM)
    p.wait(timeout=10)
times.sort()
print("host start to listening, 5 starts: median %.0f ms, max %.0f ms" % (times[2], times[-1]))
PY
