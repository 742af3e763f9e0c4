// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a lesson file (a small C program with directives and narration in comments) into a
 * {@link LessonSource}, or explains in a {@link LessonParseException} what is wrong with it.
 * The format is described in docs/lesson-format.md.
 */
public final class LessonParser {
    /** The largest lesson file accepted, in bytes (1 MiB). */
    public static final int MAX_BYTES = 1 << 20;

    private static final String TEXT_HINT = "a lesson is a text file saved as UTF-8; is this the right file?";

    private LessonParser() {
    }

    /** Reads and parses a lesson file; any failure, reading included, is a LessonParseException. */
    public static LessonSource parse(Path file) throws LessonParseException {
        String name = file.toString();
        try {
            if (Files.isDirectory(file)) {
                throw fileProblem(name, "this is a folder, not a lesson file", "");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw tooLarge(name, size);
            }
            return parse(name, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw fileProblem(name, "no such file", "");
        } catch (AccessDeniedException e) {
            throw fileProblem(name, "permission denied: the file cannot be read", "");
        } catch (IOException e) {
            throw fileProblem(name, "cannot read the file: " + e.getMessage(), "");
        }
    }

    /** Parses the bytes of a lesson file; {@code sourceName} names it in error messages. */
    public static LessonSource parse(String sourceName, byte[] content) throws LessonParseException {
        if (content.length > MAX_BYTES) {
            throw tooLarge(sourceName, content.length);
        }
        for (int i = 0; i < content.length; i++) {
            if (content[i] == 0) {
                int[] at = position(content, i);
                throw new LessonParseException(new Problem(sourceName, at[0], at[1],
                        "this is a binary file, not a lesson (it contains a NUL byte)", TEXT_HINT, ""));
            }
        }
        String text = decode(sourceName, content);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return parseText(sourceName, text);
    }

    /** Parses a lesson held as a string, such as the contents of an editor. */
    public static LessonSource parse(String sourceName, String text) throws LessonParseException {
        return parse(sourceName, text.getBytes(StandardCharsets.UTF_8));
    }

    private static LessonParseException tooLarge(String name, long size) {
        return fileProblem(name, "the file is too large: " + size + " bytes (a lesson may be at most 1 MiB, "
                + MAX_BYTES + " bytes)", "a lesson is a small C program; is this the right file?");
    }

    private static LessonParseException fileProblem(String name, String message, String hint) {
        return new LessonParseException(new Problem(name, 1, 1, message, hint, ""));
    }

    private static String decode(String name, byte[] content) throws LessonParseException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(content.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int bad = in.position();
            int[] at = position(content, bad);
            String lineText = lenientLine(content, bad);
            throw new LessonParseException(new Problem(name, at[0], at[1],
                    String.format("the file is not valid UTF-8 (byte 0x%02X)", content[bad] & 0xFF),
                    "save the file as UTF-8 (most editors: Save As, Encoding: UTF-8)", lineText));
        }
        out.flip();
        return out.toString();
    }

    /** The 1-based line and column (in characters) of a byte offset, decoding leniently up to it. */
    private static int[] position(byte[] content, int offset) {
        String before = new String(content, 0, offset, StandardCharsets.UTF_8);
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < before.length(); i++) {
            char c = before.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= before.length() || before.charAt(i + 1) != '\n')) {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, before.codePointCount(lineStart, before.length()) + 1};
    }

    private static String lenientLine(byte[] content, int offset) {
        int start = offset;
        while (start > 0 && content[start - 1] != '\n' && content[start - 1] != '\r') {
            start--;
        }
        int end = offset;
        while (end < content.length && content[end] != '\n' && content[end] != '\r') {
            end++;
        }
        return new String(content, start, end - start, StandardCharsets.UTF_8);
    }

    private static LessonSource parseText(String sourceName, String text) throws LessonParseException {
        List<String> lines = text.lines().toList();
        Problems problems = new Problems(sourceName, lines);
        Tokenizer.Result tokens = Tokenizer.tokenize(text, problems);
        Directives directives = new Directives(problems);
        directives.read(tokens.comments(), tokens.tokens().get(0).start());
        HeaderSettings settings = directives.settings();
        Narrator narrator = new Narrator(directives.says());
        StatementParser parser = new StatementParser(new TokenCursor(tokens.tokens(), problems), problems, narrator,
                new Processes(settings.processName()), tokens.unterminatedComment());
        List<Statement> statements = parser.program();
        narrator.reportLeftovers(problems);
        if (problems.count() == 0 && statements.isEmpty()) {
            problems.add(1, 1, "this lesson makes no calls",
                    "write at least one, e.g. int fd = socket(AF_INET, SOCK_STREAM, 0);");
        }
        if (problems.count() > 0) {
            throw problems.exception();
        }
        int firstCode = tokens.tokens().get(0).start();
        List<Comment> apart = tokens.comments().stream().filter(c -> Directives.isShownApart(c, firstCode)).toList();
        return new LessonSource(sourceName, directives.title(sourceName), directives.description(), settings,
                statements, lines, CodeListing.of(lines, apart), parser.globals());
    }
}
