#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Frame rate while playing (docs/BENCHMARKS.md): Socket Lab plays a lesson at speed 4 in a
real 1280x800 window under Xvfb, and JavaFX's own pulse logger (-Djavafx.pulseLogger) reports
every pulse with the time since the one before; this counts the pulses per second over a few
seconds of play (and those that drew a frame: a pause between steps draws nothing), how long
a drawing pulse took on the JavaFX thread, and how many nodes it drew. Two lessons take turns, run after run: the three-socket lesson (three-tabs) from its
start, and a full cabinet (tools/bench/many-sockets.sh: 1,024 open descriptors at the end)
from 60 frames before its end; then the full cabinet again, not playing, its rows scrolled down
and up with the mouse wheel (a notch every 25 ms).

    mvn package; tools/bench/pulses.py [--seconds 5] [--runs 3] [--launcher target/socket-lab]

Needs Xvfb and xdotool; BENCH_DISPLAY (default :96) is the display, started when none runs.
The settings live in a scratch directory (JAVA_TOOL_OPTIONS), so a user's are not touched.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PLAY_BUTTON = (256, 767)  # in a 1280x800 window: the Play button of the player controls
CABINET = (400, 440)  # and the rows of a big cabinet


def xdotool(*args):
    return subprocess.run(["xdotool", *args], check=True, capture_output=True, text=True).stdout


def ensure_display(display):
    if os.path.exists("/tmp/.X11-unix/X" + display.lstrip(":")):
        return None
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1920x1200x24", "-dpi", "96", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(30):
        if os.path.exists("/tmp/.X11-unix/X" + display.lstrip(":")):
            break
        time.sleep(0.1)
    return xvfb


def play(launcher, lesson, back_from_end, seconds, scratch, scroll=False):
    # java.util.prefs.userRoot=R keeps a user's settings under R/.java/.userPrefs.
    prefs = os.path.join(scratch, "prefs", ".java", ".userPrefs", "org", "socketlab")
    os.makedirs(prefs, exist_ok=True)
    with open(os.path.join(prefs, "prefs.xml"), "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
                '<!DOCTYPE map SYSTEM "http://java.sun.com/dtd/preferences.dtd">\n'
                '<map MAP_XML_VERSION="1.0">\n  <entry key="speed" value="4.0"/>\n</map>\n')
    env = dict(os.environ)
    env["JAVA_TOOL_OPTIONS"] = ("-Djavafx.pulseLogger=true -Djavafx.pulseLogger.threshold=0 "
                                "-Djava.util.prefs.userRoot=" + os.path.join(scratch, "prefs"))
    # The log goes to a file: a pipe read while the app runs slowed the logging pulses down.
    log_path = os.path.join(scratch, "pulses-" + os.path.basename(lesson) + ".log")
    with open(log_path, "w") as log:
        app = subprocess.Popen([launcher, lesson], stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        # This run's own window (a launcher that execs java keeps the pid).
        window = xdotool("search", "--sync", "--onlyvisible", "--pid", str(app.pid), "--name", "Socket Lab").split()[0]
        xdotool("windowmove", window, "0", "0")
        xdotool("windowsize", window, "1280", "800")
        xdotool("mousemove", "1275", "5")  # out of the way: a tooltip waiting to show keeps pulsing
        time.sleep(3)
        if back_from_end:
            xdotool("key", "End")
            for _ in range(back_from_end):
                xdotool("key", "Left")
        else:
            xdotool("key", "Home")
        time.sleep(2.5)  # idle: no pulse; play starts after this gap
        if scroll:
            # The wheel over the cabinet's rows, a notch every 25 ms, up after down.
            notches = str(int(seconds * 20))
            xdotool("mousemove", str(CABINET[0]), str(CABINET[1]), "click", "--repeat", notches, "--delay", "25", "4",
                    "click", "--repeat", notches, "--delay", "25", "5")
        else:
            xdotool("mousemove", str(PLAY_BUTTON[0]), str(PLAY_BUTTON[1]), "click", "1", "mousemove", "1275", "5")
        time.sleep(seconds + 1.5)
    finally:
        app.terminate()
        app.wait(10)
    # The logger writes a pulse that did something as "PULSE: n [since:took]" with a report below
    # ("Nodes rendered: k"), and runs of pulses that did nothing as "[n since:took]" on one line.
    pulses = {}  # number -> [ms since the previous pulse, ms the pulse took, nodes it rendered]
    last = None
    with open(log_path) as log:
        for line in log:
            full = re.match(r"PULSE: (\d+) \[(\d+)ms:(\d+)ms\]", line)
            if full:
                last = int(full.group(1))
                pulses[last] = [int(full.group(2)), int(full.group(3)), 0]
            elif "Nodes rendered:" in line and last is not None:
                pulses[last][2] = int(line.split(":")[1])
            else:
                for n, since, took in re.findall(r"\[(\d+) (\d+)ms:(\d+)ms\]", line):
                    pulses[int(n)] = [int(since), int(took), 0]
    pulses = [pulses[n] for n in sorted(pulses)]
    # Time is taken from the log itself: play begins with the first pulse after the idle seconds
    # (no pause while playing at speed 4 is that long);
    # the first half second of play is not counted, nor anything after the lesson's end (the
    # three-socket lesson plays in about three seconds at speed 4).
    begin = max(i for i, p in enumerate(pulses) if p[0] >= 2000)
    times, elapsed = [], 0
    for since, took, rendered in pulses[begin + 1:]:
        elapsed += since
        times.append((elapsed, took, rendered))
    until = min(500 + seconds * 1000, times[-1][0]) if times else 500
    counted = [(took, rendered) for t, took, rendered in times if 500 < t <= until]
    drawn = [c for c in counted if c[1]]
    span = max(until - 500, 1) / 1000
    durations = sorted(c[0] for c in drawn)
    return {
        "pulses": len(counted) / span,
        "drawn": len(drawn) / span,
        "span": span,
        "p50": statistics.median(durations) if durations else float("nan"),
        "p95": durations[int(0.95 * (len(durations) - 1))] if durations else float("nan"),
        "nodes": statistics.median(c[1] for c in drawn) if drawn else float("nan"),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--launcher", default=os.path.join(ROOT, "target", "socket-lab"))
    args = parser.parse_args()
    display = os.environ.get("BENCH_DISPLAY", ":96")
    os.environ["DISPLAY"] = display
    xvfb = ensure_display(display)
    scratch = os.environ.get("BENCH_SCRATCH") or tempfile.mkdtemp()
    many = os.path.join(scratch, "many-sockets.c")
    with open(many, "w") as f:
        subprocess.run([os.path.join(ROOT, "tools", "bench", "many-sockets.sh")], stdout=f, check=True)
    lessons = [("three-tabs (3 sockets)", os.path.join(ROOT, "assets", "lessons", "three-tabs.c"), 0, False),
               ("many-sockets (1,024 descriptors)", many, 60, False),
               ("many-sockets, scrolling the cabinet (not playing)", many, 60, True)]
    results = {name: [] for name, _, _, _ in lessons}
    try:
        for run in range(args.runs):
            for name, lesson, back, scroll in lessons:
                results[name].append(play(args.launcher, lesson, back, args.seconds, scratch, scroll))
                print(f"run {run + 1}: {name}: {results[name][-1]}", file=sys.stderr)
    finally:
        if xvfb:
            xvfb.terminate()
    print(f"\n{args.launcher}, speed 4, {args.seconds:g} s of play counted per run, {args.runs} runs, "
          f"load {os.getloadavg()[0]:.1f}\n")
    print("| lesson | pulses/s: median (min–max) | of them drawing a frame /s | seconds counted "
          "| drawing pulse time p50 / p95 ms | nodes drawn per frame |")
    print("|---|---|---|---|---|---|")
    for name, runs in results.items():
        rates = [r["pulses"] for r in runs]
        print(f"| {name} | {statistics.median(rates):.1f} ({min(rates):.1f}–{max(rates):.1f}) | "
              f"{statistics.median(r['drawn'] for r in runs):.1f} | "
              f"{statistics.median(r['span'] for r in runs):.1f} | {statistics.median(r['p50'] for r in runs):.0f} / {statistics.median(r['p95'] for r in runs):.0f} | "
              f"{statistics.median(r['nodes'] for r in runs):.0f} |")


if __name__ == "__main__":
    main()
