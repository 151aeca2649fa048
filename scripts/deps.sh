#!/usr/bin/env bash
# Installs the Debian packages LAN Chat needs that are missing. Usage: scripts/deps.sh build|test
# Run as root (or with sudo available); does nothing when everything is there already.
set -euo pipefail

build_pkgs=(g++ cmake ninja-build pkg-config qt6-base-dev qt6-websockets-dev qt6-tools-dev libsqlite3-dev
            libssl-dev
            qt6-l10n-tools qt6-tools-dev-tools qt6-qpa-plugins libqrencode-dev fonts-dejavu-core
            qt6-translations-l10n qt6-image-formats-plugins)
# qt6-image-formats-plugins: Qt's WebP reader, for the thumbnails of WebP pictures (PNG, JPEG, GIF
# and BMP come with libqt6gui6); tst_thumbnailer checks it is there.
# Browser end-to-end tests (chromium + playwright-core via npm), QR oracle, network namespaces,
# a private session bus for the desktop-notification test; the Debian package's build
# (dpkg-dev: dpkg-shlibdeps) and checks (lintian, appstreamcli, desktop-file-validate,
# systemd-analyze, man); clang-14 + libfuzzer-14-dev: the fuzz harnesses (tests/fuzz, libFuzzer
# with ASan+UBSan); a colour emoji font (without one, emoji in the window and the page render as
# empty boxes).
test_pkgs=(chromium zbar-tools iproute2 xvfb xauth clang-format dbus-daemon fonts-noto-color-emoji
           dpkg-dev lintian appstream desktop-file-utils systemd man-db
           clang-14 libfuzzer-14-dev)

want=("${build_pkgs[@]}")
[ "${1:-build}" = test ] && want+=("${test_pkgs[@]}")

missing=()
for pkg in "${want[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
# Node.js for the browser tests: the machine's own (Node 20) if present, else Debian's.
if [ "${1:-build}" = test ] && ! command -v node >/dev/null 2>&1; then
    missing+=(nodejs npm)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
