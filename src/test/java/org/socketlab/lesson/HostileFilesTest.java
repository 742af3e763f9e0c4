// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.socketlab.fuzz.Mutations;
import org.socketlab.lesson.loading.LessonLoadException;
import org.socketlab.lesson.loading.LessonLoader;
import org.socketlab.lesson.source.LessonParseException;
import org.socketlab.lesson.source.LessonParser;
import org.socketlab.lesson.source.Problem;
import org.socketlab.lesson.strace.NotAStraceLogException;
import org.socketlab.lesson.strace.StraceParser;

/**
 * The worst files a user can hand the loader, each opened through {@link LessonLoader}: every
 * kind of invalid UTF-8, NUL bytes, 10,000-deep brackets and comment openers, lines of a
 * megabyte and more. A lesson file is refused at the exact line and column of the trouble; a
 * trace at the exact line (and column), or with a sentence about the whole file; nothing
 * overflows the stack or escapes unexplained.
 */
class HostileFilesTest {
    private static final String SOCKET = "int fd = socket(AF_INET, SOCK_STREAM, 0);\n";
    private static final String TRACED = "socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3\n";
    private static final int MIB = 1 << 20;

    @TempDir
    Path folder;

    static IntStream notUtf8() {
        return IntStream.range(0, Mutations.NOT_UTF8.size());
    }

    @ParameterizedTest
    @MethodSource("notUtf8")
    void aLessonFileThatIsNotUtf8IsRefusedAtTheBadByte(int which) throws IOException {
        Path file = write("bad.c", bytes(SOCKET + "// fine\n//ab"), Mutations.NOT_UTF8.get(which), bytes("\n"));

        Problem p = refusedLesson(file);

        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isEqualTo(5);
        assertThat(p.message()).startsWith("the file is not valid UTF-8 (byte 0x");
    }

    @ParameterizedTest
    @MethodSource("notUtf8")
    void aTraceThatIsNotUtf8IsRefusedAtTheLineAndColumnOfTheBadByte(int which) throws IOException {
        Path file = write("bad.strace", bytes(TRACED.repeat(100) + "write(1, \""), Mutations.NOT_UTF8.get(which),
                bytes("\", 1) = 1\n"));

        NotAStraceLogException refusal = refusedTrace(file);

        assertThat(refusal.reason()).isEqualTo(NotAStraceLogException.Reason.NOT_TEXT);
        assertThat(refusal.line()).as("not the line the reader had got to").isEqualTo(101);
        assertThat(refusal.getMessage()).isEqualTo("bad.strace is not a strace log: it is not text (bytes that are"
                + " not UTF-8 on line 101, column 11)");
    }

    @Test
    void nulBytesMakeEitherFileBinaryAtTheirPosition() throws IOException {
        Problem p = refusedLesson(write("nul.c", bytes(SOCKET + "int\0x;\n")));
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.column()).isEqualTo(4);
        assertThat(p.message()).contains("binary file");

        NotAStraceLogException refusal = refusedTrace(write("nul.strace", bytes(TRACED + TRACED + "close(\0) = 0\n")));
        assertThat(refusal.reason()).isEqualTo(NotAStraceLogException.Reason.BINARY);
        assertThat(refusal.getMessage()).contains("line 3, column 7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "(", "/*", "[", "if (1) "})
    void tenThousandNestedOpenersInALessonAreRefusedAtAPosition(String opener) throws Exception {
        String deep = opener.equals("(")
                ? "int x = socket(" + "(".repeat(10_000) + "2" + ")".repeat(10_000) + ", 1, 0);"
                : opener.repeat(10_000);
        Problem p = refusedLesson(write("deep.c", bytes(SOCKET + deep + "\n" + SOCKET)));

        assertThat(p.line()).isEqualTo(2);
        assertThat(p.column()).isBetween(1, deep.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "(", "[", "/*", "<", "{[("})
    void tenThousandNestedOpenersInATraceLineStayOnThatLine(String opener) throws Exception {
        Path file = write("deep.strace", bytes(TRACED + "bind(3, " + opener.repeat(10_000) + ", 16) = 0\n"
                + "socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 4\n"));

        LessonLoader.Opened opened = LessonLoader.open(file);

        assertThat(opened.replay().warnings()).allSatisfy(w -> assertThat(w.line()).isEqualTo(2));
        assertThat(opened.replay().calls()).anySatisfy(c -> {
            assertThat(c.line()).isEqualTo(3);
            assertThat(c.fds()).containsExactly(4);
        });
    }

    @Test
    void aLessonWithAOneMegabyteLineOpensAndOneByteMoreIsTooLarge() throws Exception {
        String comment = "// " + "x".repeat(MIB - SOCKET.length() - 4) + "\n";
        assertThat(LessonLoader.load(write("long.c", bytes(SOCKET + comment))).size()).isEqualTo(4);

        Problem p = refusedLesson(write("huge.c", bytes(SOCKET + comment + "x")));
        assertThat(p.line()).isEqualTo(1);
        assertThat(p.column()).isEqualTo(1);
        assertThat(p.message()).contains("too large: " + (MIB + 1) + " bytes");
    }

    @Test
    void aLessonWhoseOneLineIsAMegabyteOfCodeIsRefusedWithTheLineShortened() throws IOException {
        Problem p = refusedLesson(write("commas.c", bytes("int fd = socket(" + ",".repeat(MIB - 40) + ");\n")));

        assertThat(p.line()).isEqualTo(1);
        assertThat(p.column()).isEqualTo(17);
        assertThat(p.format().lines()).allMatch(line -> line.length() < 400);
    }

    @Test
    void aTraceLineOfAMegabyteOpensAndOneCharacterMoreIsRefusedAtItsLine() throws Exception {
        String write = "write(1, \"" + "x".repeat(StraceParser.MAX_LINE_CHARS - 20) + "\", 1) = 1\n";
        LessonLoader.Opened opened = LessonLoader.open(write("long.strace", bytes(TRACED + write)));
        assertThat(opened.replay().lineCount()).isEqualTo(2);
        assertThat(opened.replay().warnings()).as("the long line is read as strace wrote it").isEmpty();

        String longer = "write(1, \"" + "x".repeat(StraceParser.MAX_LINE_CHARS) + "\", 1) = 1\n";
        NotAStraceLogException refusal = refusedTrace(write("huge.strace", bytes(TRACED + longer)));
        assertThat(refusal.reason()).isEqualTo(NotAStraceLogException.Reason.LINE_TOO_LONG);
        assertThat(refusal.line()).isEqualTo(2);
    }

    @Test
    void emptyFilesAreExplainedAsAWhole() throws IOException {
        Problem p = refusedLesson(write("empty.c", bytes("\uFEFF")));
        assertThat(p.line()).isEqualTo(1);
        assertThat(p.message()).isEqualTo("this lesson makes no calls");

        NotAStraceLogException refusal = refusedTrace(write("empty.strace", bytes("\n\n")));
        assertThat(refusal.reason()).isEqualTo(NotAStraceLogException.Reason.EMPTY);
        assertThat(refusal.line()).isZero();
        assertThat(refusal.getMessage()).isEqualTo("empty.strace is empty: there is no strace output in it");
    }

    @Test
    void theLessonParserItselfGivesTheSamePositionAsTheLoader() {
        byte[] content = Mutations.bytes(0x2F, 0x2F, 0xED, 0xA0, 0x80);
        assertThatThrownBy(() -> LessonParser.parse("s.c", content)).isInstanceOfSatisfying(LessonParseException.class,
                e -> assertThat(e.getMessage()).startsWith("s.c:1:3: the file is not valid UTF-8 (byte 0xED)"));
    }

    private Path write(String name, byte[]... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return Files.write(folder.resolve(name), out.toByteArray());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The first problem of a lesson file the loader refuses; the summary names it as file:line:column. */
    private static Problem refusedLesson(Path file) {
        try {
            LessonLoader.load(file);
        } catch (LessonLoadException e) {
            assertThat(e.getCause()).isInstanceOf(LessonParseException.class);
            Problem first = ((LessonParseException) e.getCause()).problems().get(0);
            assertThat(e.getMessage()).startsWith(file + ":" + first.line() + ":" + first.column() + ": ");
            return first;
        }
        throw new AssertionError(file + " opened");
    }

    /** Why the loader refuses a trace; the summary is the refusal's own sentence. */
    private static NotAStraceLogException refusedTrace(Path file) {
        try {
            LessonLoader.load(file);
        } catch (LessonLoadException e) {
            assertThat(e.getCause()).isInstanceOf(NotAStraceLogException.class);
            assertThat(e.getMessage()).isEqualTo(e.getCause().getMessage()).contains(file.getFileName().toString());
            return (NotAStraceLogException) e.getCause();
        }
        throw new AssertionError(file + " opened");
    }
}
