#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
#
# Takes the pictures in docs/images/screens: the real window under a real window manager
# (openbox on Xvfb) at 1024x768, 1280x720, 1920x1080 and 3840x2160, normal and presenting, at the
# first and the last step of the after-socket lesson; ink while presenting; and the presenter
# view (two screens pretended with -Dsocketlab.screens, since Xvfb cannot make two monitors); and a
# Chinese presentation on a 1280x720 projector at udp-refused's send() that reports ECONNREFUSED.
#
#   mvn -q package -DskipTests && tools/screens/shots.sh [OUT]
#
# Needs Xvfb, openbox, xdotool, x11-utils (xdpyinfo) and imagemagick (import, convert). Pictures wider than
# 1920 px are scaled to 1920 px wide for the repository. Settings go to a fresh folder, so the
# pictures do not depend on what the app remembered.
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd -P)
out=${1:-$here/docs/images/screens}
jar=$here/target/socket-lab.jar
lesson=$here/assets/lessons/after-socket.c
lang=en
display=${SHOTS_DISPLAY:-:93}
[ -f "$jar" ] || { echo "shots.sh: build first: mvn -q package -DskipTests" >&2; exit 1; }
for tool in Xvfb openbox xdotool import convert; do
    command -v "$tool" >/dev/null 2>&1 || { echo "shots.sh: $tool is missing" >&2; exit 1; }
done
mkdir -p "$out"
prefs=$(mktemp -d)
xvfb=; wm=; app=
stop() {
    for pid in $app $wm $xvfb; do kill "$pid" 2>/dev/null || true; done
    for pid in $app $wm $xvfb; do wait "$pid" 2>/dev/null || true; done
    app=; wm=; xvfb=
}
trap 'stop; rm -rf "$prefs"' EXIT INT TERM
# shellcheck source=tools/screens/waits.sh disable=SC1091
. "$here/tools/screens/waits.sh"

# start WIDTHxHEIGHT [java options...]: a screen, openbox, and the app on $lesson in $lang
start() {
    if xdpyinfo -display "$display" >/dev/null 2>&1; then
        echo "shots.sh: display $display is taken; set SHOTS_DISPLAY to a free one" >&2
        exit 1
    fi
    Xvfb "$display" -screen 0 "${1}x24" -nolisten tcp >/dev/null 2>&1 &
    xvfb=$!
    shift
    sleep 1
    kill -0 "$xvfb" 2>/dev/null || { echo "shots.sh: Xvfb did not start on $display" >&2; exit 1; }
    DISPLAY=$display openbox >/dev/null 2>&1 &
    wm=$!
    DISPLAY=$display java -Djava.util.prefs.userRoot="$prefs" "$@" -jar "$jar" --lang "$lang" "$lesson" \
        >/dev/null 2>&1 &
    app=$!
    win=$(DISPLAY=$display timeout 60 xdotool search --sync --onlyvisible --name 'Socket Lab' | head -n 1)
    filled "$win"
    settle
}

key() { DISPLAY=$display xdotool key "$@"; settle; }

shot() {
    DISPLAY=$display import -window root "$out/$1.png"
    width=$(identify -format %w "$out/$1.png")
    if [ "$width" -gt 1920 ]; then convert "$out/$1.png" -resize 1920x "$out/$1.png"; fi
    echo "$out/$1.png"
}

for size in 1024x768 1280x720 1920x1080 3840x2160; do
    start "$size"
    shot "window-$size-first"
    key End
    shot "window-$size-last"
    key F11 # present (F5 would reload the open lesson file)
    DISPLAY=$display xdotool mousemove 0 0
    sleep 3.6 # the controls fade after 3 s without the mouse
    settle
    shot "present-$size-last"
    key Home
    shot "present-$size-first"
    stop
done

# Ink: pen, the next colour, highlighter, laser pointer (1280x720, step 2).
start 1280x720
key Right Right F11
draw() { # draw X1 Y1 X2 Y2: a stroke in eight moves
    DISPLAY=$display xdotool mousemove "$1" "$2" mousedown 1
    for k in 1 2 3 4 5 6 7 8; do
        DISPLAY=$display xdotool mousemove $(($1 + ($3 - $1) * k / 8)) $(($2 + ($4 - $2) * k / 8 + (k % 2) * 6))
        sleep 0.05
    done
    DISPLAY=$display xdotool mouseup 1
}
key p; draw 300 300 600 360
key p; draw 300 450 650 455
key h; draw 620 98 780 98
key l; DISPLAY=$display xdotool mousemove 900 500 mousemove 905 505
settle
shot "ink-1280x720"
stop

# The presenter view: a 1920x1080 laptop beside a 1280x720 projector, pretended on one screen.
start 3200x1080 -Dsocketlab.screens=0,0,1920,1080\;1920,0,1280,720
key Right Right F11
presenter=$(DISPLAY=$display timeout 60 xdotool search --sync --onlyvisible --name 'presenter' | head -n 1)
DISPLAY=$display xdotool windowactivate --sync "$presenter" windowraise "$presenter"
settle
DISPLAY=$display import -window "$presenter" "$out/presenter-view-1920x1080.png"
echo "$out/presenter-view-1920x1080.png"
stop

# Chinese on a 1280x720 projector: udp-refused at the send() that reports ECONNREFUSED (step 6).
lang=zh
lesson=$here/assets/lessons/udp-refused.c
start 1280x720
key Right Right Right Right Right Right F11
DISPLAY=$display xdotool mousemove 0 0
sleep 3.6 # the controls fade after 3 s without the mouse
settle
shot "present-1280x720-udp-refused-zh"
stop
