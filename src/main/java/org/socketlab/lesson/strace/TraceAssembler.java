// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.socketlab.kernel.SyscallKind;

/**
 * Turns a log's lines, one at a time, into events: works out whose line it is (pids, and
 * the process alone when strace printed none), pairs {@code <unfinished ...>} calls with
 * their {@code <... resumed>} rest per pid, glues lines strace split with a
 * "Process N attached" message, and collects warnings.
 */
final class TraceAssembler implements LineParser.Warnings {
    private static final int UNRESOLVED = -1;
    private static final int MAX_WARNINGS = 10_000;
    private static final String UNFINISHED = " <unfinished ...>";
    private static final String DETACHED = " <detached ...>";

    private final String sourceName;
    private final Interner interner = new Interner();
    private final LineParser lp = new LineParser(interner, this);
    /** The events kept, or null when they go to {@link #sink} instead. */
    private final ArrayList<TraceEvent> events;
    private final Consumer<TraceEvent> sink;
    /** In a second reading of a log: the process the first found for events printed without a pid. */
    private final Integer knownMainPid;
    private int eventCount;
    private int firstUnresolvedLine;
    private final ArrayList<TraceWarning> warnings = new ArrayList<>();
    private int droppedWarnings;
    private int[] unresolved = new int[64];
    private int unresolvedCount;
    private final Map<Integer, Integer> pids = new HashMap<>();
    private final Set<Integer> live = new LinkedHashSet<>();
    private final Set<Integer> children = new HashSet<>();
    private final Map<Integer, Pending> pending = new HashMap<>();
    private boolean sawPid;
    private Integer mainPid;
    private String held;
    private int heldLine;
    private int recognized;
    private TraceFormat.TimestampStyle style;
    private boolean durations;
    private boolean sawCall;
    private boolean summary;

    /** A call strace printed as {@code <unfinished ...>}, waiting for its rest. */
    private record Pending(int startLine, String rawText, int offset, String partial, String name, String timestamp) {
    }

    TraceAssembler(String sourceName) {
        this.sourceName = sourceName;
        this.events = new ArrayList<>();
        this.sink = null;
        this.knownMainPid = null;
    }

    /**
     * An assembler that hands each event to {@code sink} as soon as it is complete and keeps
     * none. {@code knownMainPid} is, when the log is read a second time, the main process the
     * first reading found ({@link ParsedTrace#mainPid()}): the events printed without a pid get it
     * at once instead of at the end. Null on a first reading, whose events without a pid keep none.
     */
    TraceAssembler(String sourceName, Consumer<TraceEvent> sink, Integer knownMainPid) {
        this.sourceName = sourceName;
        this.events = null;
        this.sink = sink;
        this.knownMainPid = knownMainPid;
    }

    /** How many events so far. */
    int eventCount() {
        return eventCount;
    }

    /** How many lines so far were understood as strace output. */
    int recognized() {
        return recognized;
    }

    @Override
    public void warn(Origin origin, int pos, String message) {
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(origin.warning(pos, message));
        } else {
            droppedWarnings++;
        }
    }

    void accept(int lineNo, String line) {
        String text = line;
        Origin origin = Origin.line(lineNo);
        int startLine = lineNo;
        if (held != null) {
            text = held + line;
            origin = Origin.joined(heldLine, 0, held.length(), lineNo, 0);
            startLine = heldLine;
            held = null;
        }
        if (text.isBlank() || summary) {
            return;
        }
        if (text.startsWith("% time ")) {
            summary = true;
            emit(new TraceNote(lineNo, null, "strace -c/-C summary table: its lines are statistics, not events"));
            recognized++;
            return;
        }
        lp.prefix(text);
        if (text.startsWith("> ", lp.body)) {
            return; // a -k stack frame of the call above it
        }
        int b = lp.body;
        if (lp.timestamp != null) {
            TraceFormat.TimestampStyle s = TraceFormat.TimestampStyle.of(lp.timestamp);
            style = style == null || style == s ? s : TraceFormat.TimestampStyle.MIXED;
        }
        int spliced = text.indexOf("strace: Process ", b + 1);
        if (spliced > b && !text.startsWith("strace: ", b) && isProcessMessage(text, spliced + 8)) {
            note(lineNo, lp.pid, text.substring(spliced + 8));
            held = text.substring(0, spliced);
            heldLine = startLine;
            return;
        }
        int key = key(lp.pid);
        if (text.startsWith("--- ", b)) {
            TraceSignal sig = lp.signal(text, lineNo, pidObject(key), origin);
            add(sig, key);
        } else if (text.startsWith("+++ ", b)) {
            exit(text, lineNo, key, origin, b);
        } else if (text.startsWith("strace: ", b)) {
            note(lineNo, lp.pid, text.substring(b + 8));
        } else if (text.startsWith("[ Process PID=", b)) {
            add(new TraceNote(lineNo, pidObject(key), text.substring(b).trim()), key);
        } else if (text.startsWith("<... ", b)) {
            resumed(text, lineNo, key, origin, b);
        } else if (LineParser.callNameEnd(text, b) > 0) {
            call(text, lineNo, startLine, key, origin, b);
        } else {
            warn(origin, b, "not a system call, signal or exit line as strace prints them");
        }
    }

    private void call(String text, int lineNo, int startLine, int key, Origin origin, int b) {
        String trimmed = text.stripTrailing();
        String marker = trimmed.endsWith(UNFINISHED) ? UNFINISHED : trimmed.endsWith(DETACHED) ? DETACHED : null;
        if (marker != null) {
            int m = trimmed.length() - marker.length();
            String name = text.substring(b, LineParser.callNameEnd(text, b));
            if (marker == DETACHED) {
                warn(origin, m + 1, name + "(...) was still running when strace detached; it has no result");
                recognized++;
                return;
            }
            Pending old = pending.put(key, new Pending(startLine, text, b, text.substring(b, m),
                    interner.intern(name), lp.timestamp));
            if (old != null) {
                neverCompleted(old, "the same process started another call before it resumed");
            }
            recognized++;
            return;
        }
        LineParser.CallParts parts = lp.call(text, b, origin);
        if (parts != null) {
            addCall(new TraceCall(lineNo, startLine, pidObject(key), parts.name(), parts.args(), parts.result(),
                    lp.timestamp, parts.duration(), text), key);
        }
    }

    private void resumed(String text, int lineNo, int key, Origin origin, int b) {
        int r = text.indexOf(" resumed>", b + 5);
        if (r < 0) {
            warn(origin, b, "expected \"<... NAME resumed>\"");
            return;
        }
        String name = interner.intern(text.substring(b + 5, r));
        int restStart = r + 9;
        String rest = text.substring(restStart);
        if (rest.stripLeading().startsWith(UNFINISHED.trim())) {
            int skip = rest.indexOf(UNFINISHED.trim()) + UNFINISHED.trim().length();
            if (rest.substring(skip).isBlank()) {
                recognized++;
                return;
            }
            restStart += skip;
            rest = rest.substring(skip);
        }
        Pending p = pending.remove(key);
        if (p != null && !p.name().equals(name)) {
            neverCompleted(p, "the same process resumed " + name + " instead");
            p = null;
        }
        LineParser.CallParts parts;
        String timestamp = lp.timestamp;
        int startLine = lineNo;
        String raw = text;
        if (p == null) {
            warn(origin, b, "\"<... " + name + " resumed>\" without the line where " + name
                    + " began; its first arguments are missing");
            int strip = 0;
            while (strip < rest.length() && (rest.charAt(strip) == ',' || rest.charAt(strip) == ' ')) {
                strip++;
            }
            String merged = name + "(" + rest.substring(strip);
            parts = lp.call(merged, 0, Origin.joined(lineNo, b, name.length() + 1, lineNo, restStart + strip));
        } else {
            String merged = p.partial() + rest;
            parts = lp.call(merged, 0, Origin.joined(p.startLine(), p.offset(), p.partial().length(), lineNo, restStart));
            startLine = p.startLine();
            raw = p.rawText() + "\n" + text;
            if (p.timestamp() != null) {
                timestamp = p.timestamp();
            }
        }
        if (parts != null) {
            addCall(new TraceCall(lineNo, startLine, pidObject(key), parts.name(), parts.args(), parts.result(),
                    timestamp, parts.duration(), raw), key);
        }
    }

    private void addCall(TraceCall c, int key) {
        durations |= c.durationSeconds() != null;
        sawCall = true;
        add(c, key);
        if (SyscallKind.traced(c.name()).orElse(null) == SyscallKind.FORK) {
            Long v = c.result().value();
            if (v != null && !c.result().isError() && v > 0 && v <= Integer.MAX_VALUE) {
                children.add(v.intValue());
                live.add(v.intValue());
            }
        }
    }

    private void exit(String text, int lineNo, int key, Origin origin, int b) {
        String body = text.substring(b).trim();
        if (body.startsWith("+++ superseded by execve")) {
            add(new TraceNote(lineNo, pidObject(key), body.substring(4, body.length() - 3).trim()), key);
            return;
        }
        TraceExit exit = lp.exit(text, lineNo, pidObject(key));
        if (exit == null) {
            warn(origin, b, "expected \"+++ exited with N +++\" or \"+++ killed by SIGNAL +++\"");
            return;
        }
        add(exit, key);
        Pending p = pending.remove(key);
        if (p != null) {
            neverCompleted(p, "process " + (key == UNRESOLVED ? "" : key + " ") + "ended first");
        }
        if (key != UNRESOLVED) {
            live.remove(key);
        }
    }

    private void note(int lineNo, int printedPid, String message) {
        String msg = message.trim();
        TraceNote n = new TraceNote(lineNo, null, msg);
        int about = n.attachedPid().orElse(-1);
        if (about >= 0) {
            if (mainPid == null && children.isEmpty() && !sawCall) {
                mainPid = pid(about);
            } else {
                children.add(about);
            }
            live.add(about);
            n = new TraceNote(lineNo, pid(about), msg);
            emit(n);
            recognized++;
            return;
        }
        int key = printedPid >= 0 ? key(printedPid) : UNRESOLVED;
        add(new TraceNote(lineNo, pidObject(key), msg), key);
    }

    private static boolean isProcessMessage(String text, int from) {
        String t = text.substring(from).stripTrailing();
        if (!t.startsWith("Process ") || !(t.endsWith(" attached") || t.endsWith(" detached"))) {
            return false;
        }
        String n = t.substring(8, t.length() - 9).trim();
        return !n.isEmpty() && n.length() < 10 && n.chars().allMatch(Character::isDigit);
    }

    /** The pid a line belongs to: printed, or the process alone at the time, or UNRESOLVED. */
    private int key(int printed) {
        if (printed >= 0) {
            sawPid = true;
            if (mainPid == null && !children.contains(printed)) {
                mainPid = pid(printed);
                Pending p = pending.remove(UNRESOLVED);
                if (p != null) {
                    pending.putIfAbsent(printed, p);
                }
            }
            live.add(printed);
            return printed;
        }
        if (sawPid) {
            if (live.size() == 1) {
                return live.iterator().next();
            }
            if (mainPid != null) {
                return mainPid;
            }
        }
        return UNRESOLVED;
    }

    private Integer pidObject(int key) {
        return key == UNRESOLVED ? null : pid(key);
    }

    private Integer pid(int p) {
        return pids.computeIfAbsent(p, Integer::valueOf);
    }

    private void add(TraceEvent e, int key) {
        if (e == null) {
            return;
        }
        if (key == UNRESOLVED) {
            if (unresolvedCount == 0) {
                firstUnresolvedLine = e.line();
            }
            if (knownMainPid != null) {
                e = withPid(e, knownMainPid);
            } else if (events != null) {
                if (unresolvedCount == unresolved.length) {
                    unresolved = Arrays.copyOf(unresolved, unresolvedCount * 2);
                }
                unresolved[unresolvedCount] = events.size();
            }
            unresolvedCount++;
        }
        emit(e);
        recognized++;
    }

    private void emit(TraceEvent e) {
        eventCount++;
        if (events != null) {
            events.add(e);
        } else {
            sink.accept(e);
        }
    }

    private void neverCompleted(Pending p, String why) {
        warn(Origin.line(p.startLine()), p.offset(), p.name() + "(...) never completed: " + why);
    }

    ParsedTrace finish(int lineCount) {
        return finish(lineCount, mainPid -> {
            events.trimToSize();
            return Collections.unmodifiableList(events);
        });
    }

    /**
     * The trace, with the events {@code eventsFor} gives for the log's main process (null in a
     * log without pids): the kept ones, or a second reading's ({@link StreamedEvents}).
     */
    ParsedTrace finish(int lineCount, Function<Integer, List<TraceEvent>> eventsFor) {
        if (held != null) {
            warn(Origin.line(heldLine), held.length(), "the line breaks off at a \"Process attached\" message"
                    + " and its rest never follows");
        }
        for (Pending p : pending.values()) {
            neverCompleted(p, "the log ends before its \"<... " + p.name() + " resumed>\" line");
        }
        if (sawPid && unresolvedCount > 0) {
            if (mainPid == null) {
                warn(Origin.line(firstUnresolvedLine), 0, unresolvedCount
                        + " events printed without a pid could not be given to a process");
            } else if (events != null) {
                for (int i = 0; i < unresolvedCount; i++) {
                    events.set(unresolved[i], withPid(events.get(unresolved[i]), mainPid));
                }
            }
        }
        if (droppedWarnings > 0) {
            warnings.add(new TraceWarning(Math.max(1, lineCount), 1, droppedWarnings + " more warnings not shown"));
        }
        warnings.sort(Comparator.comparingInt(TraceWarning::line).thenComparingInt(TraceWarning::column));
        TraceFormat format = new TraceFormat(style == null ? TraceFormat.TimestampStyle.NONE : style,
                durations, lp.sawDecoration, sawPid);
        return new ParsedTrace(sourceName, eventsFor.apply(sawPid ? mainPid : null), List.copyOf(warnings), sawPid, sawPid ? mainPid : null, lineCount,
                format);
    }

    private static TraceEvent withPid(TraceEvent e, Integer pid) {
        if (e instanceof TraceCall c) {
            return new TraceCall(c.line(), c.startLine(), pid, c.name(), c.args(), c.result(), c.timestamp(),
                    c.durationSeconds(), c.rawText());
        }
        if (e instanceof TraceSignal s) {
            return new TraceSignal(s.line(), pid, s.signal(), s.info(), s.stopped(), s.timestamp(), s.rawText());
        }
        if (e instanceof TraceExit x) {
            return new TraceExit(x.line(), pid, x.exitCode(), x.killedBy(), x.coreDumped(), x.timestamp(), x.rawText());
        }
        TraceNote n = (TraceNote) e;
        return new TraceNote(n.line(), pid, n.message());
    }
}
