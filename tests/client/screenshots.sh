#!/bin/sh
# Takes docs/screenshots/window-start.png, window-hosting.png and window-join.png with the real
# lanchat binary under Xvfb. Usage: tests/client/screenshots.sh BUILD_DIR
# (needs xvfb-run, ImageMagick, xdotool, node)
set -eu
build=$(cd "${1:?build dir}" && pwd)
src=$(cd "$(dirname "$0")/../.." && pwd)
out="$src/docs/screenshots"
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
port=18765

# Recent rooms, as if this person had joined them before.
mkdir -p "$work/config/LanChat"
cat > "$work/config/LanChat/lanchat.conf" <<CONF
[recentRooms]
1\\room=Lobby
1\\url=ws://192.168.1.31:8765/ws
2\\room=Games Night
2\\url=ws://192.168.1.40:9000/ws
size=2
CONF

cat > "$work/run.sh" <<INNER
#!/bin/sh
set -eu
export XDG_CONFIG_HOME="$work/config" HOME="$work" USER=Alice LANG=en_US.UTF-8 LANGUAGE=en
window() {
    for i in \$(seq 1 50); do
        xdotool search --name "LAN Chat" >/dev/null 2>&1 && break
        sleep 0.2
    done
    win=\$(xdotool search --name "LAN Chat" | head -n 1)
    xdotool windowsize "\$win" 1100 720
    xdotool windowmove "\$win" 0 0
}
# Two other rooms on this machine announce themselves on the LAN; Bob's has guests.
"$build/app/lanchat" --headless --port $((port + 1)) --room Bob >/dev/null &
room1=\$!
"$build/app/lanchat" --headless --port $((port + 2)) --room "Build Farm" >/dev/null &
room2=\$!
node --experimental-websocket "$src/tests/client/screenshot-peers.mjs" $((port + 1)) stay &
guests=\$!
sleep 2

# Started without options: the window offers the rooms it hears.
"$build/app/lanchat" &
app=\$!
window
sleep 3
import -window root "$out/window-start.png"
kill \$app || true
wait \$app || true

# --host: straight to hosting.
"$build/app/lanchat" --host --port $port --room "Team Room" --no-announce &
app=\$!
window
sleep 1
node --experimental-websocket "$src/tests/client/screenshot-peers.mjs" $port stay &
peers=\$!
sleep 3
xdotool windowfocus --sync "\$win" || true
xdotool type --delay 20 "Sounds good, see you at 12:30!"
xdotool key Return
sleep 1
import -window root "$out/window-hosting.png"
sleep 4 # a few announcements
xdotool key ctrl+j
sleep 1
import -window root "$out/window-join.png"
kill \$peers \$guests \$room1 \$room2 || true
kill \$app || true
wait \$app || true
INNER
chmod +x "$work/run.sh"
xvfb-run -a -s "-screen 0 1100x720x24" "$work/run.sh"
echo "wrote $out/window-start.png $out/window-hosting.png $out/window-join.png"
