#!/usr/bin/env bash
# Builds LAN Chat (Release) and starts it: with a display it opens the window and hosts a room;
# without one it hosts headless. Extra arguments go to lanchat (try --help).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh build
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DLANCHAT_BUILD_TESTS=OFF "${launcher[@]}" >/dev/null
cmake --build build-release --target lanchat
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [[ " $* " != *" --headless "* ]]; then
    echo "No display found: hosting without a window (Ctrl+C ends the room)."
    exec build-release/app/lanchat --headless "$@"
fi
exec build-release/app/lanchat "$@"
