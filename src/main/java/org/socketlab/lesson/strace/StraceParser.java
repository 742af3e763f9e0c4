// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads a strace log (any mix of {@code -f}, {@code -t/-tt/-ttt/-r}, {@code -T},
 * {@code -y/-yy}) into a {@link ParsedTrace}, streaming line by line. Lines it cannot
 * understand become {@link TraceWarning}s, never exceptions; input that is not a strace log
 * at all, or is too big, is refused with a {@link NotAStraceLogException}.
 */
public final class StraceParser {
    /** Largest input accepted: 200 MB (counted in chars; strace logs are ASCII). */
    public static final long MAX_FILE_CHARS = 200L * 1024 * 1024;
    /** Longest line accepted: 1 MB. strace cuts strings at 32 chars unless told otherwise. */
    public static final int MAX_LINE_CHARS = 1024 * 1024;
    /** This many non-blank lines without a single strace line, and the input is refused. */
    public static final int SNIFF_LINES = 64;

    private StraceParser() {
    }

    /** Parses a log file, which must be UTF-8 (strace writes ASCII). */
    public static ParsedTrace parse(Path file) throws IOException {
        String name = checkedName(file);
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, name);
        }
    }

    /**
     * Reads a log file without keeping its events: the first reading checks it as {@link
     * #parse(Path)} does and finds out what the whole log tells (pids, warnings, lines); the
     * trace's {@link ParsedTrace#events() events} read the file again each time they are gone
     * through, one line at a time ({@link StreamedEvents}). Memory stays that of a few events
     * however long the log.
     *
     * @throws NotAStraceLogException as {@link #parse(Path)}
     * @throws IOException            when the file cannot be read
     */
    public static ParsedTrace stream(Path file) throws IOException {
        return stream(file, e -> { });
    }

    /**
     * {@link #stream(Path)}, handing each event of the first reading to {@code firstReading} as it
     * is read, so what needs the whole log before a replay can be learned without reading it once
     * more. Those events are the ones {@link ParsedTrace#events()} gives again, except in a log with
     * pids ({@link ParsedTrace#hasPids()}): there an event printed without a pid is handed on with
     * none, and the events read again carry the main process's.
     */
    public static ParsedTrace stream(Path file, Consumer<TraceEvent> firstReading) throws IOException {
        String name = checkedName(file);
        TraceAssembler asm = new TraceAssembler(name, firstReading, null);
        int lineCount;
        try (InputStream in = Files.newInputStream(file)) {
            lineCount = read(utf8(in), name, asm);
        }
        int count = asm.eventCount();
        return asm.finish(lineCount, mainPid -> new StreamedEvents(file, name, count, mainPid));
    }

    private static String checkedName(Path file) throws IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        long size = Files.size(file);
        if (size > MAX_FILE_CHARS) {
            throw new NotAStraceLogException(NotAStraceLogException.Reason.FILE_TOO_LARGE, 0,
                    name + " is too large to replay: " + size / (1024 * 1024) + " MB, the limit is "
                            + MAX_FILE_CHARS / (1024 * 1024) + " MB. Record a shorter run, or trace fewer"
                            + " calls (strace -e trace=socket,close,...)");
        }
        return name;
    }

    /**
     * Parses a log from bytes, which must be UTF-8; the stream is not closed. Bytes that are not
     * UTF-8 become U+FFFD while decoding, so the refusal names the line they are on (a decoder
     * that throws would do so while reading ahead, lines before the bad bytes).
     */
    public static ParsedTrace parse(InputStream in, String sourceName) throws IOException {
        return parse(utf8(in), sourceName);
    }

    /** The stream's text, bytes that are not UTF-8 as U+FFFD. */
    static Reader utf8(InputStream in) {
        CharsetDecoder marking = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new InputStreamReader(in, marking);
    }

    /** Parses a log already in memory. */
    public static ParsedTrace parse(String text, String sourceName) throws NotAStraceLogException {
        try {
            return parse(new StringReader(text), sourceName);
        } catch (NotAStraceLogException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
    }

    /**
     * Parses a log from a Reader, line by line; the reader is not closed. Memory grows with
     * the events kept, not with the text: each call keeps its own line as {@code rawText}.
     *
     * @throws NotAStraceLogException when the input is not a strace log or is too large
     * @throws IOException            when reading fails
     */
    public static ParsedTrace parse(Reader reader, String sourceName) throws IOException {
        String name = sourceName == null || sourceName.isBlank() ? "the input" : sourceName;
        TraceAssembler asm = new TraceAssembler(name);
        return asm.finish(read(reader, name, asm));
    }

    /** Feeds every line to {@code asm}, refusing what is not a strace log; returns how many lines there are. */
    private static int read(Reader reader, String name, TraceAssembler asm) throws IOException {
        LineReader lines = new LineReader(reader, name, MAX_LINE_CHARS, MAX_FILE_CHARS);
        int nonBlank = 0;
        String first = null;
        try {
            String line;
            while ((line = lines.next()) != null) {
                int n = lines.lineNo();
                int nul = line.indexOf('\0');
                if (nul >= 0) {
                    throw new NotAStraceLogException(NotAStraceLogException.Reason.BINARY, n, name
                            + " is not a strace log: it contains binary data (a NUL byte on line " + n
                            + ", column " + (nul + 1) + ")");
                }
                int replaced = line.indexOf('\uFFFD');
                if (replaced >= 0) {
                    throw notText(name, n, ", column " + (line.codePointCount(0, replaced) + 1));
                }
                if (line.isBlank()) {
                    continue;
                }
                nonBlank++;
                if (first == null) {
                    first = line.length() > 200 ? line.substring(0, 200) : line;
                }
                asm.accept(n, line);
                if (nonBlank >= SNIFF_LINES && asm.recognized() == 0) {
                    throw noStraceLines(name, nonBlank, first);
                }
            }
        } catch (CharacterCodingException e) {
            throw notText(name, Math.max(1, lines.lineNo()), "");
        }
        if (nonBlank == 0) {
            throw new NotAStraceLogException(NotAStraceLogException.Reason.EMPTY, 0,
                    name + " is empty: there is no strace output in it");
        }
        if (asm.recognized() == 0) {
            throw noStraceLines(name, nonBlank, first);
        }
        return lines.lineNo();
    }

    private static NotAStraceLogException notText(String name, int line, String column) {
        return new NotAStraceLogException(NotAStraceLogException.Reason.NOT_TEXT, line, name
                + " is not a strace log: it is not text (bytes that are not UTF-8 on line " + line + column + ")");
    }

    private static NotAStraceLogException noStraceLines(String name, int lines, String first) {
        String hint = "";
        String f = first == null ? "" : first.stripLeading().toLowerCase(Locale.ROOT);
        if (f.startsWith("<!doctype") || f.startsWith("<html") || f.startsWith("<?xml")) {
            hint = " It looks like an HTML or XML document.";
        }
        String which = lines >= SNIFF_LINES ? "none of its first " + lines + " lines is"
                : lines == 1 ? "its only line is not" : "none of its " + lines + " lines is";
        return new NotAStraceLogException(NotAStraceLogException.Reason.NO_STRACE_LINES, 0, name
                + " is not a strace log: " + which + " a system call, signal or exit as strace prints them"
                + " (like \"socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3\")." + hint);
    }
}
