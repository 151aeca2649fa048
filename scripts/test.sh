#!/usr/bin/env bash
# Builds LAN Chat with warnings as errors and runs the whole test suite: unit, GUI (offscreen),
# hub, headless process, discovery, browser end-to-end (headless Chromium), bench smoke; then the
# hub's tests again on the portable transport (what macOS and Windows get instead of epoll), under
# AddressSanitizer + UndefinedBehaviorSanitizer, the tests that cross the hub thread under
# ThreadSanitizer, and every network parser under libFuzzer (45 s each). It also builds the Debian
# package and checks it (file places, lintian, appstreamcli, desktop-file-validate,
# systemd-analyze verify).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh test
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
# Paths relative to the checkout, so that a fresh clone elsewhere (CI's) reuses what another
# checkout already compiled; the cached objects' debug info then names that checkout's folder.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}" CCACHE_NOHASHDIR=1
jobs=$(nproc)

echo "== format (the repo's .clang-format)"
git ls-files '*.cpp' '*.h' | xargs clang-format --dry-run --Werror

echo "== build (warnings are errors)"
cmake -S . -B build-ci -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLANCHAT_WERROR=ON "${launcher[@]}" >/dev/null
cmake --build build-ci -j "$jobs"

echo "== tests"
ctest --test-dir build-ci --output-on-failure -j "$jobs" --timeout 300

echo "== hub tests on the portable transport (QSocketNotifier instead of epoll)"
cmake -S . -B build-portable -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLANCHAT_WERROR=ON \
    -DLANCHAT_PORTABLE_TRANSPORT=ON "${launcher[@]}" >/dev/null
portable_targets=$(ctest --test-dir build-portable -N -L server | sed -n 's/^ *Test *#[0-9]*: *//p')
# shellcheck disable=SC2086
cmake --build build-portable -j "$jobs" --target lanchat $portable_targets
ctest --test-dir build-portable --output-on-failure -j "$jobs" -L server --timeout 300

echo "== Debian package: a Release build of lanchat alone, cpack, then its checks"
package_start=$(date +%s)
cmake -S . -B build-package -G Ninja -DCMAKE_BUILD_TYPE=Release -DLANCHAT_BUILD_TESTS=OFF -DLANCHAT_WERROR=ON "${launcher[@]}" >/dev/null
cmake --build build-package -j "$jobs" --target lanchat
rm -f build-package/lanchat_*.deb
(cd build-package && cpack -G DEB >/dev/null)
bash tests/package/check-package.sh build-package/lanchat_*.deb
echo "package built and checked in $(( $(date +%s) - package_start )) s"

echo "== hub tests under ASan+UBSan"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSANITIZE=address -DLANCHAT_WERROR=ON "${launcher[@]}" >/dev/null
asan_targets=$(ctest --test-dir build-asan -N -L server | sed -n 's/^ *Test *#[0-9]*: *//p')
# shellcheck disable=SC2086
cmake --build build-asan -j "$jobs" --target lanchat $asan_targets
ctest --test-dir build-asan --output-on-failure -j "$jobs" -L server --timeout 300
echo "== the tests that cross the hub thread under ThreadSanitizer"
# Debian's Qt is not built with TSan: its own synchronisation is invisible, so only our code is
# checked (QT64-NOTES: 0 false reports with this option, a planted race still reported).
cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSANITIZE=thread "${launcher[@]}" >/dev/null
cmake --build build-tsan -j "$jobs" --target tst_hubhost tst_chatclient
TSAN_OPTIONS="ignore_noninstrumented_modules=1 halt_on_error=1" \
    ctest --test-dir build-tsan --output-on-failure -R "^(tst_hubhost|tst_chatclient)$" --timeout 300
echo "== fuzzing: every parser of network bytes, ${LANCHAT_FUZZ_SECONDS:-45} s each (libFuzzer, ASan+UBSan)"
# Its own clang build of only the harnesses and the libraries they link. Any finding fails;
# the input that found it is left in build-fuzz/tests/fuzz/findings/.
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
    -DLANCHAT_FUZZ=ON -DLANCHAT_FUZZ_SECONDS="${LANCHAT_FUZZ_SECONDS:-45}" -DLANCHAT_WERROR=ON \
    "${launcher[@]}" >/dev/null
cmake --build build-fuzz -j "$jobs"
ctest --test-dir build-fuzz --output-on-failure -L fuzz -j "$jobs"
echo "== all tests passed"
