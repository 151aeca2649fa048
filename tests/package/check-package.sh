#!/usr/bin/env bash
# Checks a built lanchat_*.deb the way a person's machine would see it: unpacks it into a fresh
# folder (dpkg -x) and checks that every file is in its place, then runs the validators
# (lintian, appstreamcli, desktop-file-validate, systemd-analyze verify) on the unpacked files.
# Usage: tests/package/check-package.sh path/to/lanchat_VERSION_ARCH.deb
set -euo pipefail
deb=$(realpath "$1")
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg -x "$deb" "$root"
fail=0
bad() { echo "check-package: $*" >&2; fail=1; }

expect=(
    usr/bin/lanchat
    usr/share/applications/io.lanchat.LanChat.desktop
    usr/share/icons/hicolor/scalable/apps/lanchat.svg
    usr/share/metainfo/io.lanchat.LanChat.metainfo.xml
    usr/share/man/man1/lanchat.1.gz
    usr/share/bash-completion/completions/lanchat
    usr/share/doc/lanchat/copyright
    usr/share/doc/lanchat/changelog.gz
    usr/share/lintian/overrides/lanchat
    lib/systemd/system/lanchat-headless.service
    etc/ufw/applications.d/lanchat
    etc/default/lanchat
)
for size in 16 32 48 64 128 256; do
    expect+=("usr/share/icons/hicolor/${size}x${size}/apps/lanchat.png")
done
for file in "${expect[@]}"; do
    [ -f "$root/$file" ] || bad "missing /$file"
done
# Nothing else: a file in a place not listed above is a mistake (e.g. /usr/local or a build path).
while IFS= read -r file; do
    printf '%s\n' "${expect[@]}" | grep -qxF "$file" || bad "unexpected /$file"
done < <(cd "$root" && find . -type f | sed 's|^\./||' | sort)
[ -x "$root/usr/bin/lanchat" ] || bad "/usr/bin/lanchat is not executable"
! readelf -d "$root/usr/bin/lanchat" | grep -qE 'RPATH|RUNPATH' || bad "/usr/bin/lanchat has a RUNPATH"

# The package's metadata.
control=$(dpkg-deb -f "$deb")
grep -q '^Package: lanchat$' <<<"$control" || bad "Package is not lanchat"
grep -q '^Depends: .*libqt6widgets6' <<<"$control" || bad "Depends lacks the computed Qt libraries"
grep -q '^Recommends: qt6-translations-l10n, fonts-noto-color-emoji, qt6-wayland, qt6-image-formats-plugins$' \
    <<<"$control" \
    || bad "Recommends is not Qt's translations, the emoji font, Qt's Wayland and image plugins"
version=$(dpkg-deb -f "$deb" Version)
[ "$(basename "$deb")" = "lanchat_${version}_$(dpkg-deb -f "$deb" Architecture).deb" ] \
    || bad "file name is not lanchat_VERSION_ARCH.deb"
others=$(dpkg-deb -c "$deb" | grep -v ' root/root ' || true)
[ -z "$others" ] || bad "files not owned by root: $others"
dpkg-deb -e "$deb" "$root/DEBIAN"
grep -qx '/etc/default/lanchat' "$root/DEBIAN/conffiles" || bad "/etc/default/lanchat is no conffile"
grep -qx '/etc/ufw/applications.d/lanchat' "$root/DEBIAN/conffiles" \
    || bad "the ufw profile is no conffile"

# The ufw profile opens the room's TCP port and the announcements' UDP port.
grep -qx 'ports=8765/tcp|8766/udp' "$root/etc/ufw/applications.d/lanchat" || bad "ufw ports"

# The binary runs and is the packaged version; the man page lists every option it has.
LD_LIBRARY_PATH="" "$root/usr/bin/lanchat" --version | grep -qF "lanchat $version (Qt " \
    || bad "--version does not say $version"
help=$("$root/usr/bin/lanchat" --help)
man=$(zcat "$root/usr/share/man/man1/lanchat.1.gz" | sed 's/\\-/-/g')
for option in $(grep -o -- '--[a-z][a-z-]*' <<<"$help" | sort -u); do
    [ "$option" = --help-all ] && continue
    grep -qF -- "$option" <<<"$man" || bad "man page lacks $option"
done
MANROFFSEQ='' MANWIDTH=80 man --warnings -l "$root/usr/share/man/man1/lanchat.1.gz" 2>&1 >/dev/null \
    | grep . && bad "man page warnings"

desktop-file-validate "$root/usr/share/applications/io.lanchat.LanChat.desktop" || bad "desktop file"
appstreamcli validate --no-net --explain "$root/usr/share/metainfo/io.lanchat.LanChat.metainfo.xml" \
    || bad "AppStream metainfo"
# systemd-analyze checks that ExecStart's program exists: look for it in the unpacked tree.
unit=$root/lib/systemd/system/lanchat-headless.service
sed "s|/usr/bin/lanchat|$root/usr/bin/lanchat|" "$unit" >"$root/lanchat-headless.service"
verify=$(systemd-analyze verify --man=no "$root/lanchat-headless.service" 2>&1) || true
[ -z "$verify" ] || bad "systemd-analyze verify: $verify"
bash -n "$root/usr/share/bash-completion/completions/lanchat" || bad "bash completion syntax"

# lintian: no errors; warnings are fixed or overridden with a reason (lintian-overrides).
lintian --fail-on error,warning --info "$deb" || bad "lintian"

[ "$fail" = 0 ] && echo "check-package: $(basename "$deb") is in order"
exit "$fail"
