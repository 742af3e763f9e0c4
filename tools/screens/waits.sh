#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
#
# The waits shots.sh, lab-shots.sh and lessons.sh share (sourced, not run): they look at the screen
# of $display with imagemagick's import, and never sleep longer than they must.
: "${display:?the script that sources waits.sh sets display}"

# filled TARGET [MIN_COLOURS] [SECONDS]: waits until TARGET (a window id, or root) shows more than
# MIN_COLOURS colours (16 unless given): the window first shows bare, in one colour, and a still bare
# window would otherwise pass for a settled picture. Gives up, and stops the script, after SECONDS (60).
filled() {
    min=${2:-16}; seconds=${3:-60}
    i=0
    while [ $i -lt $((seconds * 4)) ]; do
        colours=$(DISPLAY=$display timeout 20 import -window "$1" -format %k info: 2>/dev/null || echo 0)
        [ "${colours:-0}" -gt "$min" ] && return 0
        sleep 0.25; i=$((i + 1))
    done
    echo "$(basename "$0"): the window stayed bare for $seconds s" >&2
    exit 1
}

# settle [SECONDS] [EVERY]: waits until the picture stops changing (the step animations end): two
# looks EVERY seconds apart (0.25 unless given) see the same screen; at most about SECONDS (5).
settle() {
    seconds=${1:-5}; every=${2:-0.25}
    looks=$(awk "BEGIN { print int($seconds / $every) }")
    last=; i=0
    while [ $i -lt "$looks" ]; do
        sleep "$every"
        now=$(DISPLAY=$display timeout 20 import -window root -depth 8 rgb:- 2>/dev/null | md5sum)
        [ "$now" = "$last" ] && return 0
        last=$now; i=$((i + 1))
    done
}
