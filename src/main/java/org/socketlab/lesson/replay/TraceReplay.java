// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.socketlab.lesson.LocalizedText;
import org.socketlab.lesson.strace.NotAStraceLogException;
import org.socketlab.lesson.strace.ParsedTrace;
import org.socketlab.lesson.strace.StraceParser;
import org.socketlab.lesson.strace.TraceEvent;

/**
 * Turns a real strace log into a lesson: the log's lines are the code, every socket(),
 * socketpair(), accept(), dup(), close(), bind(), listen(), connect(), shutdown() and send
 * becomes the kernel model's steps, files the log opens take their drawers, and each call that
 * creates descriptors carries the model's prediction beside the kernel's answer
 * ({@link org.socketlab.lesson.Frame#check()}).
 *
 * <p>The entry point for the window: {@code Replay r = TraceReplay.importTrace(path);
 * player.load(r.lesson()); r.warnings(); r.mismatches();}. The command line, which needs no
 * lesson, streams instead: {@code ReplayReport report = TraceReplay.summarize(path, call -> ...);}
 */
public final class TraceReplay {
    /** {@link #keepsEvents}: the share of the heap a log kept in memory may have as bytes of text. */
    private static final long KEEP_SHARE = 16;

    private TraceReplay() {
    }

    /**
     * Reads and replays a log file.
     *
     * @throws NotAStraceLogException when the file is not a strace log (binary, not UTF-8,
     *                                empty, no strace lines, too large); its message says which
     * @throws IOException            when the file cannot be read
     */
    public static Replay importTrace(Path file) throws IOException {
        ParsedTrace trace = StraceParser.parse(file);
        return replay(trace, readLines(file));
    }

    /**
     * Reads and replays a log file as {@link #importTrace(Path)} does, telling {@code progress}
     * how far it has come.
     *
     * @throws java.io.InterruptedIOException when the thread is interrupted: the import stops
     */
    public static Replay importTrace(Path file, ReplayProgress progress) throws IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        ParsedTrace trace;
        try (InputStream in = new ProgressStream(Files.newInputStream(file), Files.size(file), progress)) {
            trace = StraceParser.parse(in, name);
        }
        Replayer replayer = new Replayer(trace, processName(trace)).onProgress(progress);
        try {
            return replay(replayer, trace, readLines(file));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Replays a log held in memory; {@code sourceName} names it in messages and the lesson. */
    public static Replay importTrace(String text, String sourceName) throws NotAStraceLogException {
        ParsedTrace trace = StraceParser.parse(text, sourceName);
        return replay(trace, split(text));
    }

    /**
     * Replays a log file for the command line: each call goes to {@code calls} as it is replayed,
     * the frames are counted, not kept, and the log is read line by line ({@link StraceParser#stream}),
     * which checks it and learns what the replay must know first ({@link TraceFacts}). A log small
     * enough for the heap ({@link #keepsEvents}) keeps that reading's events and is replayed from them;
     * a longer one is read a second time to be replayed, so memory does not grow with it. The calls
     * and the report are those of {@link #importTrace(Path)}.
     *
     * @throws NotAStraceLogException as {@link #importTrace(Path)}
     * @throws IOException            when the file cannot be read
     */
    public static ReplayReport summarize(Path file, Consumer<ReplayedCall> calls) throws IOException {
        return summarize(file, calls, Runtime.getRuntime().maxMemory());
    }

    /** {@link #summarize(Path, Consumer)} as in a heap of at most {@code maxHeap} bytes ({@link #keepsEvents}). */
    static ReplayReport summarize(Path file, Consumer<ReplayedCall> calls, long maxHeap) throws IOException {
        Objects.requireNonNull(calls, "calls");
        // The facts are learned while the log is checked, so it is read twice, not three times; a log
        // small enough for the heap keeps that reading's events, so it is read once.
        TraceFacts.Learning learning = new TraceFacts.Learning();
        boolean[] withoutPid = {false};
        List<TraceEvent> kept = keepsEvents(Files.size(file), maxHeap)
                ? new ArrayList<>() : null;
        ParsedTrace trace = StraceParser.stream(file, event -> {
            withoutPid[0] |= event.pid() == null;
            learning.accept(event);
            if (kept != null) {
                kept.add(event);
            }
        });
        try {
            // In a log with pids, the first reading's events printed without one have none yet.
            boolean asRead = !(trace.hasPids() && withoutPid[0]);
            TraceFacts facts = asRead ? learning.facts() : TraceFacts.of(trace);
            if (asRead && kept != null) {
                trace = new ParsedTrace(trace.sourceName(), kept, trace.warnings(), trace.hasPids(), trace.mainPid(),
                        trace.lineCount(), trace.format());
            }
            return new Replayer(trace, facts, processName(trace), calls).summarize();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Whether {@link #summarize} keeps the events of a log of {@code bytes} in a heap of at most
     * {@code maxHeap} bytes instead of reading the log again: the parsed events take about three times
     * the log's bytes (13 MB for the 4.5 MB, 100,805-line log of docs/BENCHMARKS.md), so a log of up to
     * a sixteenth of the heap is kept (under {@code -Xmx256m}: 16 MB, some 350,000 lines), a longer
     * one is read again line by line.
     */
    static boolean keepsEvents(long bytes, long maxHeap) {
        return bytes <= maxHeap / KEEP_SHARE;
    }

    /** Replays a parsed log whose lines (for the code panel) are {@code lines}. */
    public static Replay replay(ParsedTrace trace, List<String> lines) {
        String name = trace.sourceName();
        return replay(new Replayer(trace, processName(trace)), trace, lines);
    }

    private static Replay replay(Replayer replayer, ParsedTrace trace, List<String> lines) {
        String name = trace.sourceName();
        LocalizedText title = LocalizedText.of(name);
        LocalizedText description = new LocalizedText("用内核模型重放的 strace 记录", "A strace log replayed on the kernel model");
        return replayer.run("trace:" + name, title, description, lines);
    }

    /** The name the model gives the traced program: the log's name without ".strace". */
    private static String processName(ParsedTrace trace) {
        String name = trace.sourceName();
        String stem = name.endsWith(".strace") ? name.substring(0, name.length() - 7) : name;
        return stem.isBlank() ? "traced" : stem;
    }

    private static List<String> readLines(Path file) throws IOException {
        return split(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** The lines as the parser numbers them: split at "\n", a trailing "\r" and a leading BOM dropped. */
    static List<String> split(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        while (start < n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            String line = text.substring(start, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (lines.isEmpty() && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            lines.add(line);
            start = end + 1;
        }
        return lines;
    }
}
