#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
#
# Times `socket-lab replay LOG --json` on the big logs of tools/bench/make-big-logs.sh under a
# 256 MB heap, beside `socket-lab --version` (the JVM's start, the baseline) in the same run,
# alternating them, N rounds (default 3): both started as `java -jar target/socket-lab.jar` and
# through the launcher users run, target/socket-lab (C1 only, -XX:TieredStopAtLevel=1, and the
# class data sharing archive when `mvn package` made one; the heap through JAVA_TOOL_OPTIONS). Prints one line per run: wall seconds, CPU seconds (user +
# system, all threads: less sensitive than wall time to other work on the machine), peak resident
# memory, exit status, bytes of JSON written; a replay that dies (OutOfMemoryError) shows its
# exit status and the first line of its error.
#
#   mvn -q -o package -DskipTests && tools/bench/make-big-logs.sh
#   tools/bench/replay-big-logs.sh [rounds [other launchers...]]
#
# Other launchers (e.g. a launcher beside an earlier build's jar and archives) take their turn
# after target/socket-lab in every round, run the same way; BIG_LOGS="a.strace b.strace"
# replaces the two logs.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
rounds=${1:-3}
shift
others=("$@")
jar=target/socket-lab.jar
heap=-Xmx256m
read -r -a logs <<< "${BIG_LOGS:-target/big-logs/churn16000.strace target/big-logs/churn158730.strace}"
run() {
    local what="$1"
    shift
    local err
    err=$(mktemp)
    if [ "${launcher:-}" ]; then
        JAVA_TOOL_OPTIONS="$heap" /usr/bin/time -f "%e %U %S %M %x" -o "$err.time" "$launcher" "$@" \
            > "$err.out" 2> "$err"
    else
        /usr/bin/time -f "%e %U %S %M %x" -o "$err.time" java "$heap" -jar "$jar" "$@" > "$err.out" 2> "$err"
    fi
    read -r secs user sys kb status < <(tail -n 1 "$err.time")
    printf '%-45s %6.2f s wall %6.2f s cpu %5d MB peak RSS  exit %s %9d bytes' "$what" "$secs" \
        "$(awk "BEGIN { print $user + $sys }")" $((kb / 1024)) "$status" "$(stat -c %s "$err.out")"
    if [ "$status" != 0 ]; then
        printf '  (%s)' "$(grep -m1 -E 'Error|Exception' "$err" | cut -c1-100)"
    fi
    printf '\n'
    rm -f "$err" "$err.time" "$err.out"
}
echo "$(date -Iseconds) $(uname -r) nproc=$(nproc) load: $(cut -d' ' -f1-3 /proc/loadavg)"
java -version 2>&1 | head -1
for log in "${logs[@]}"; do
    echo "$log: $(wc -l < "$log") lines"
done
for i in $(seq "$rounds"); do
    echo "round $i, load: $(cut -d' ' -f1-3 /proc/loadavg)"
    for launcher in "" target/socket-lab "${others[@]}"; do
        how=${launcher:-java -jar}
        run "$how --version" --version
        for log in "${logs[@]}"; do
            run "$how replay $(basename "$log") --json" replay "$log" --json
        done
    done
done
