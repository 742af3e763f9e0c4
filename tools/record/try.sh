#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Records a command under strace the way the fixtures in src/test/resources/recorded are recorded
# (every thread and child, -yy decorations, wall-clock times, from the command's own execve) and
# replays the log on Socket Lab's kernel model at once: the quickest way to see whether a new
# program replays cleanly before making it a fixture with record.py / record-all.sh.
#
# usage: tools/record/try.sh [-o LOG] [-j JAR] -- COMMAND [ARG...]
#   -o LOG   where the log goes (default: a new file in ${TMPDIR:-/tmp})
#   -j JAR   the Socket Lab jar (default: target/socket-lab.jar; build it with `mvn -q package -DskipTests`)
# Prints the replay's table, its warnings and the open descriptors of each process at the end;
# exits 0 when the replay found no mismatch and no disagreement, 1 otherwise, 2 on a usage error.
set -eu

log=""
jar="target/socket-lab.jar"
while [ $# -gt 0 ]; do
    case "$1" in
        -o) log="$2"; shift 2 ;;
        -j) jar="$2"; shift 2 ;;
        --) shift; break ;;
        *) break ;;
    esac
done
if [ $# -eq 0 ]; then
    echo "usage: $0 [-o LOG] [-j JAR] -- COMMAND [ARG...]" >&2
    exit 2
fi
if [ ! -f "$jar" ]; then
    echo "$0: no $jar (build it with: mvn -q package -DskipTests)" >&2
    exit 2
fi
if [ -z "$log" ]; then
    log=$(mktemp "${TMPDIR:-/tmp}/socketlab-try.XXXXXX")
fi

# The command's own exit status does not matter here: the log is what is judged.
strace -f -yy -tt -o "$log" -- "$@" || true
echo "log: $log ($(wc -l < "$log") lines)"
out=$(java -jar "$jar" replay "$log")
printf '%s\n' "$out"
summary=$(printf '%s\n' "$out" | tail -n 1)
case "$summary" in
    *" 0 mismatches, 0 disagreements,"*) exit 0 ;;
    *) exit 1 ;;
esac
