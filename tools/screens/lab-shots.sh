#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
#
# Takes docs/images/lab-run-en.png and lab-run-zh.png: the window as it opens on a 1600x1000 screen
# (1280x800), the lesson in the editor beside the picture (Ctrl+L), and Run it for real (F9) done:
# the model's answers beside the kernel's, with the one known disagreement, ioctl(FIONREAD), marked
# (the lesson is testing.KnownDisagreement's). Needs what shots.sh needs, and gcc and strace.
#
#   mvn -q package -DskipTests && tools/screens/lab-shots.sh [OUT]
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd -P)
out=${1:-$here/docs/images}
jar=$here/target/socket-lab.jar
display=${SHOTS_DISPLAY:-:94}
[ -f "$jar" ] || { echo "lab-shots.sh: build first: mvn -q package -DskipTests" >&2; exit 1; }
for tool in Xvfb openbox xdotool import gcc strace; do
    command -v "$tool" >/dev/null 2>&1 || { echo "lab-shots.sh: $tool is missing" >&2; exit 1; }
done
if xdpyinfo -display "$display" >/dev/null 2>&1; then
    echo "lab-shots.sh: display $display is taken; set SHOTS_DISPLAY to a free one" >&2
    exit 1
fi
work=$(mktemp -d)
xvfb=; wm=; app=
stop() {
    for pid in $app $wm $xvfb; do kill "$pid" 2>/dev/null || true; done
    for pid in $app $wm $xvfb; do wait "$pid" 2>/dev/null || true; done
    app=; wm=; xvfb=
}
trap 'stop; rm -rf "$work"' EXIT INT TERM
sed -n '/FIONREAD_UNKNOWN = """/,/""";/p' "$here/src/test/java/org/socketlab/testing/KnownDisagreement.java" \
    | sed '1d;$d' | sed 's/^            //' > "$work/two-datagrams-then-fionread.c"

# shellcheck source=tools/screens/waits.sh disable=SC1091
. "$here/tools/screens/waits.sh"

for lang in en zh; do
    Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb=$!
    sleep 1
    DISPLAY=$display openbox >/dev/null 2>&1 &
    wm=$!
    rm -rf "$work/prefs"; mkdir "$work/prefs"
    DISPLAY=$display java -Djava.util.prefs.userRoot="$work/prefs" -jar "$jar" --lang "$lang" \
        "$work/two-datagrams-then-fionread.c" >/dev/null 2>&1 &
    app=$!
    win=$(DISPLAY=$display timeout 60 xdotool search --sync --onlyvisible --name 'Socket Lab' | head -n 1)
    filled "$win"
    sleep 3; settle 10 0.5
    DISPLAY=$display xdotool windowactivate --sync "$win"
    DISPLAY=$display xdotool key ctrl+l
    sleep 3; settle 10 0.5
    DISPLAY=$display xdotool key F9
    sleep 3; settle 10 0.5
    DISPLAY=$display xdotool key Return # OK, the notice before the first run
    sleep 5; settle 30 0.5
    DISPLAY=$display import -window root "$out/lab-run-$lang.png"
    echo "$out/lab-run-$lang.png"
    stop
done
