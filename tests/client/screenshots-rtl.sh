#!/bin/sh
# Takes docs/screenshots/window-rtl.png (a Hebrew and Arabic conversation) and window-busy.png
# (a busy room) with the real lanchat binary under Xvfb.
# Usage: tests/client/screenshots-rtl.sh BUILD_DIR   (needs xvfb-run, ImageMagick, xdotool, node)
set -eu
build=$(cd "${1:?build dir}" && pwd)
src=$(cd "$(dirname "$0")/../.." && pwd)
out="$src/docs/screenshots"
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
port=18775

cat > "$work/run.sh" <<INNER
#!/bin/sh
set -eu
export XDG_CONFIG_HOME="$work/config" HOME="$work" USER=Alice LANG=en_US.UTF-8 LANGUAGE=en
shot() { # \$1: guest mode, \$2: file
    "$build/app/lanchat" --port $port --room "\$3" --no-announce --rate-limit 0 &
    app=\$!
    for i in \$(seq 1 50); do
        xdotool search --name "LAN Chat" >/dev/null 2>&1 && break
        sleep 0.2
    done
    win=\$(xdotool search --name "LAN Chat" | head -n 1)
    xdotool windowsize "\$win" 1100 700
    xdotool windowmove "\$win" 0 0
    sleep 1
    node --experimental-websocket "$src/tests/client/screenshot-rtl.mjs" $port \$1 &
    peers=\$!
    sleep 6
    import -window root "\$2"
    kill \$peers || true
    kill \$app || true
    wait \$app || true
}
shot rtl "$out/window-rtl.png" "Team Room"
shot busy "$out/window-busy.png" "Build Room"
INNER
chmod +x "$work/run.sh"
xvfb-run -a -s "-screen 0 1100x700x24" "$work/run.sh"
echo "wrote $out/window-rtl.png $out/window-busy.png"
