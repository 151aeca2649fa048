#!/usr/bin/env bash
# Builds LAN Chat with warnings as errors and runs the whole test suite: unit, GUI (offscreen),
# hub, headless process, discovery, browser end-to-end (headless Chromium), bench smoke; then the
# hub's tests again under AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh test
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
jobs=$(nproc)

echo "== build (warnings are errors)"
cmake -S . -B build-ci -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLANCHAT_WERROR=ON "${launcher[@]}" >/dev/null
cmake --build build-ci -j "$jobs"

echo "== tests"
ctest --test-dir build-ci --output-on-failure -j "$jobs" --timeout 300

echo "== hub tests under ASan+UBSan"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSANITIZE=address -DLANCHAT_WERROR=ON "${launcher[@]}" >/dev/null
asan_targets=$(ctest --test-dir build-asan -N -L server | sed -n 's/^ *Test *#[0-9]*: *//p')
# shellcheck disable=SC2086
cmake --build build-asan -j "$jobs" --target lanchat $asan_targets
ctest --test-dir build-asan --output-on-failure -j "$jobs" -L server --timeout 300
echo "== all tests passed"
