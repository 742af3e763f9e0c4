#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
#
# Takes the pictures in docs/images/lessons: the real window at 1280x800 under a real window manager
# (openbox on Xvfb), a built-in lesson at one of its steps, in English and in Chinese.
#
#   mvn -q package -DskipTests && tools/screens/lessons.sh [OUT]
#
# Each picture opens the lesson, goes to its last step (End) and back (Left) to the step it shows:
# going back draws a step at rest, with no animation to wait for. Needs Xvfb, openbox, xdotool,
# x11-utils (xdpyinfo) and imagemagick (import). Settings go to a fresh folder each time.
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd -P)
out=${1:-$here/docs/images/lessons}
jar=$here/target/socket-lab.jar
display=${SHOTS_DISPLAY:-:94}
[ -f "$jar" ] || { echo "lessons.sh: build first: mvn -q package -DskipTests" >&2; exit 1; }
for tool in Xvfb openbox xdotool import xdpyinfo; do
    command -v "$tool" >/dev/null 2>&1 || { echo "lessons.sh: $tool is missing" >&2; exit 1; }
done
if xdpyinfo -display "$display" >/dev/null 2>&1; then
    echo "lessons.sh: display $display is taken; set SHOTS_DISPLAY to a free one" >&2
    exit 1
fi
mkdir -p "$out"
prefs=; xvfb=; wm=; app=
stop_app() {
    if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; fi
    app=
    if [ -n "$prefs" ]; then rm -rf "$prefs"; fi
    prefs=
}
stop() {
    stop_app
    for pid in $wm $xvfb; do kill "$pid" 2>/dev/null || true; done
    for pid in $wm $xvfb; do wait "$pid" 2>/dev/null || true; done
}
trap stop EXIT INT TERM

Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1
kill -0 "$xvfb" 2>/dev/null || { echo "lessons.sh: Xvfb did not start on $display" >&2; exit 1; }
DISPLAY=$display openbox >/dev/null 2>&1 &
wm=$!

# shellcheck source=tools/screens/waits.sh disable=SC1091
. "$here/tools/screens/waits.sh"

# shot LESSON LANGUAGE BACK: the lesson's last step, BACK steps back, as OUT/LESSON-LANGUAGE.png
shot() {
    prefs=$(mktemp -d)
    DISPLAY=$display java -Djava.util.prefs.userRoot="$prefs" -jar "$jar" --lang "$2" "$here/assets/lessons/$1.c" >/dev/null 2>&1 &
    app=$!
    filled root 300 240 # the window first shows bare, in one colour; at most 4 min on a busy machine
    settle 20 0.5
    sleep 15 # keys sent while the window still starts up are lost
    DISPLAY=$display xdotool mousemove 440 560 click 1 # the narration: focus, and nothing else
    sleep 1
    DISPLAY=$display xdotool key End
    sleep 2
    settle 20 0.5
    n=$3
    while [ "$n" -gt 0 ]; do DISPLAY=$display xdotool key Left; sleep 0.6; n=$((n - 1)); done
    sleep 1
    settle 20 0.5
    DISPLAY=$display timeout 30 import -window root "$out/$1-$2.png"
    echo "$out/$1-$2.png"
    stop_app
}

# lesson, steps back from the last: the step each picture shows
for language in en zh; do
    shot threads "$language" 18
    shot exec-cloexec "$language" 2
    shot udp-datagrams "$language" 7
done
