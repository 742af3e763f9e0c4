#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
#
# Start-up and memory of the packaged Socket Lab beside a hello-world JavaFX window
# (docs/BENCHMARKS.md). Each program is started as a user would start it, under Xvfb, and
# measures itself (app.StartupProbe; tools/bench/HelloFx.java): the first frame after launch, the
# frame with the app's content (it shows the bare window first), and its resident memory at the
# first frame and 30 pulses after the content's. The programs take turns, round after round,
# so a busy machine slows them alike; the table gives medians, the spread, and each program's
# time over the hello-world's in the same round.
#
#   mvn package [-Papp]; tools/bench/startup.sh [rounds]      (default 10 rounds)
#
# BENCH_DISPLAY (default :96) is the X display; an Xvfb is started there when none runs.
# Variants: hello (java -cp, the JDK's default options), hello+cds (the same with its own
# AppCDS archive, for reference), jar (java -jar target/socket-lab.jar), launcher
# (target/socket-lab: the archive and options of docs/decisions/0007), image (the jpackage
# launcher target/app/SocketLab/bin/SocketLab, when `mvn -Papp package` built it), and image-aot
# (target/app-aot/SocketLab/bin/SocketLab: a copy of the image `mvn -Papp,aot package
# -Dapp.jdk=<a Java 25 JDK>` built, with its ahead-of-time cache). BENCH_EXTRA adds variants, one
# "name|command" a line.
set -eu
rounds=${1:-10}
root=$(cd "$(dirname "$0")/../.." && pwd -P)
target=$root/target
display=${BENCH_DISPLAY:-:96}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
javac=${JAVA_HOME:+$JAVA_HOME/bin/}javac
jar=${JAVA_HOME:+$JAVA_HOME/bin/}jar

[ -f "$target/socket-lab.jar" ] || { echo "run 'mvn package' first" >&2; exit 2; }
work=$(mktemp -d)
xvfb=
cleanup() {
    [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

number=${display#:}
if [ ! -S "/tmp/.X11-unix/X$number" ]; then
    Xvfb "$display" -screen 0 1920x1200x24 -dpi 96 -nolisten tcp >/dev/null 2>&1 &
    xvfb=$!
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        [ -S "/tmp/.X11-unix/X$number" ] && break
        sleep 0.3
    done
fi
export DISPLAY="$display"

# The hello-world, built against the very JavaFX jars the app ships with.
fxpath=$(printf '%s:' "$target"/lib/javafx-*.jar)
mkdir -p "$work/hello"
"$javac" --release 17 -d "$work/hello" -cp "$fxpath" "$root/tools/bench/HelloFx.java"
"$jar" cf "$work/hello.jar" -C "$work/hello" .
hello="$java -cp $work/hello.jar:$fxpath 'HelloFx\$Main'"
# Its own archive, trained the way the app's is (for reference only). ('HelloFx$Main' is a class name.)
# shellcheck disable=SC2016
$java -XX:ArchiveClassesAtExit="$work/hello.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -cp "$work/hello.jar:$fxpath" 'HelloFx$Main' >/dev/null 2>&1 || true

variants="hello|$hello"
[ -f "$work/hello.jsa" ] && variants="$variants
hello+cds|$java -XX:SharedArchiveFile=$work/hello.jsa -Xlog:cds=off -cp $work/hello.jar:$fxpath 'HelloFx\$Main'"
variants="$variants
jar|$java -jar $target/socket-lab.jar"
[ -x "$target/socket-lab" ] && variants="$variants
launcher|$target/socket-lab"
[ -x "$target/app/SocketLab/bin/SocketLab" ] && variants="$variants
image|$target/app/SocketLab/bin/SocketLab"
[ -x "$target/app-aot/SocketLab/bin/SocketLab" ] && variants="$variants
image-aot|$target/app-aot/SocketLab/bin/SocketLab"
[ -n "${BENCH_EXTRA:-}" ] && variants="$variants
$BENCH_EXTRA"

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg), $rounds rounds"
"$java" -version 2>&1 | head -2 | sed 's/^/# /'

results=$work/results
: > "$results"
# Round 0 warms the file cache and writes each program's settings; it is not counted.
round=0
while [ "$round" -le "$rounds" ]; do
    echo "$variants" | while IFS='|' read -r name command; do
        # Every program gets its own settings (java.util.prefs ignores HOME) and the probe, through
        # JAVA_TOOL_OPTIONS, which the JVM reads whatever launched it (jpackage's launcher too).
        start=$(date +%s%3N)
        line=$(JAVA_TOOL_OPTIONS="-Djava.util.prefs.userRoot=$work/prefs-$name -Dsocketlab.startup.probe=true" \
            timeout 120 sh -c "exec $command" 2>/dev/null | grep '^startup-probe' || true)
        if [ "$round" -eq 0 ]; then
            :
        elif [ -n "$line" ]; then
            echo "$round $name $start $line" >> "$results"
        else
            echo "$round $name failed" >> "$results"
        fi
    done
    round=$((round + 1))
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
cp "$results" "$target/startup-results.txt" 2>/dev/null || true

/usr/bin/python3 - "$results" <<'PY'
import re, statistics, sys
runs = {}
order = []
for line in open(sys.argv[1]):
    parts = line.split()
    rnd, name = int(parts[0]), parts[1]
    if name not in order:
        order.append(name)
    if parts[2] == "failed":
        runs.setdefault(name, {})[rnd] = None
        continue
    fields = dict(re.findall(r"([\w-]+)=(\d+)", line))
    launch = int(fields["first-frame-epoch-ms"]) - int(parts[2])
    # The app's content comes a frame or two after its first (bare) frame; the hello-world has one.
    content = int(fields.get("content-frame-epoch-ms", fields["first-frame-epoch-ms"])) - int(parts[2])
    runs.setdefault(name, {})[rnd] = (launch, int(fields["first-frame-ms"]),
                                     int(fields["rss-first-frame-kb"]), int(fields["rss-settled-kb"]), content)

def quartiles(values):
    values = sorted(values)
    if len(values) < 4:
        return values[0], values[-1]
    q = statistics.quantiles(values, n=4)
    return q[0], q[2]

base = runs.get("hello", {})
print()
print("| program | runs | first frame after launch: median (IQR, min–max) ms | JVM uptime ms | "
      "× hello (medians) | × hello (median of same-round ratios) | content's frame after launch: median ms | "
      "content × hello (same-round ratios) | RSS at first frame MB | RSS 30 pulses later MB |")
print("|---|---|---|---|---|---|---|---|---|---|")
for name in order:
    ok = {r: v for r, v in runs[name].items() if v}
    failed = len(runs[name]) - len(ok)
    if not ok:
        print(f"| {name} | 0 ({failed} failed) | | | | | | | | |")
        continue
    launch = [v[0] for v in ok.values()]
    uptime = [v[1] for v in ok.values()]
    rss = [v[2] / 1024 for v in ok.values()]
    settled = [v[3] / 1024 for v in ok.values()]
    q1, q3 = quartiles(launch)
    base_ok = [v[0] for v in base.values() if v]
    ratio = statistics.median(launch) / statistics.median(base_ok) if base_ok else float("nan")
    pairs = [ok[r][0] / base[r][0] for r in ok if base.get(r)]
    paired = statistics.median(pairs) if pairs else float("nan")
    base_rss = [v[2] / 1024 for v in base.values() if v]
    base_settled = [v[3] / 1024 for v in base.values() if v]
    rss_ratio = statistics.median(rss) / statistics.median(base_rss) if base_rss else float("nan")
    settled_ratio = statistics.median(settled) / statistics.median(base_settled) if base_settled else float("nan")
    content = [v[4] for v in ok.values()]
    content_pairs = [ok[r][4] / base[r][0] for r in ok if base.get(r)]
    content_paired = statistics.median(content_pairs) if content_pairs else float("nan")
    note = f" ({failed} failed)" if failed else ""
    print(f"| {name} | {len(ok)}{note} | {statistics.median(launch):.0f} ({q1:.0f}–{q3:.0f}, "
          f"{min(launch)}–{max(launch)}) | {statistics.median(uptime):.0f} | {ratio:.2f} | {paired:.2f} | "
          f"{statistics.median(content):.0f} | {content_paired:.2f} | {statistics.median(rss):.0f} (× {rss_ratio:.2f}) | {statistics.median(settled):.0f} (× {settled_ratio:.2f}) |")
PY
