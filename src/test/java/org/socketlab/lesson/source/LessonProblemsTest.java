// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socketlab.lesson.source.Lessons.assertFails;
import static org.socketlab.lesson.source.Lessons.errorOf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed lessons fail with a compiler-style message: where, the line, a caret, and what to do. */
class LessonProblemsTest {

    @Test
    void anUnknownCallSuggestsTheClosestOne() {
        assertThat(errorOf("int a = sockt(AF_INET, SOCK_STREAM, 0);")).isEqualTo("""
                lesson.c:1:9: unknown call 'sockt'
                int a = sockt(AF_INET, SOCK_STREAM, 0);
                        ^
                hint: did you mean 'socket'?""");
    }

    @Test
    void aCallFromOrdinaryCThatLessonsDoNotMakeSaysWhatToDoInstead() {
        assertThat(errorOf("close(1); getsockname(1, NULL, NULL);")).isEqualTo("""
                lesson.c:1:11: unknown call 'getsockname'
                close(1); getsockname(1, NULL, NULL);
                          ^
                hint: Socket Lab shows the local address itself; leave the call out""");
    }

    @Test
    void aReceiveLongerThanItsBufferIsRefusedAsCWouldOverflowIt() {
        assertThat(errorOf("char buf[64];", "int fd = socket(AF_INET, SOCK_STREAM, 0);", "recv(fd, buf, 100, 0);"))
                .isEqualTo("""
                        lesson.c:3:15: recv() length 100 does not fit the 64 bytes of buf
                        recv(fd, buf, 100, 0);
                                      ^
                        hint: pass sizeof buf""");
    }

    @Test
    void aReceiveNeedsACharBufferAndSetsockoptAPointerToAnInt() {
        assertThat(errorOf("int fd = socket(AF_INET, SOCK_STREAM, 0);", "read(fd, fd, 4);")).isEqualTo("""
                lesson.c:2:10: read() needs a char buffer here
                read(fd, fd, 4);
                         ^
                hint: declare it first and pass its name: read(fd, buf, sizeof buf) with char buf[64];""");
        assertThat(errorOf("int fd = socket(AF_INET, SOCK_STREAM, 0);",
                "setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, 1, 4);")).isEqualTo("""
                lesson.c:2:42: setsockopt() needs a pointer here, as C does
                setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, 1, 4);
                                                         ^
                hint: e.g. setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) with int one = 1;""");
    }

    @Test
    void setrlimitShowsTheDescriptorLimitOnly() {
        assertThat(errorOf("struct rlimit lim = {8, 8};", "setrlimit(0, &lim);")).isEqualTo("""
                lesson.c:2:11: Socket Lab shows the descriptor limit only
                setrlimit(0, &lim);
                          ^
                hint: write setrlimit(RLIMIT_NOFILE, &lim)""");
        assertThat(errorOf("struct rlimit lim;")).isEqualTo("""
                lesson.c:1:18: expected '=', found ';'
                struct rlimit lim;
                                 ^
                hint: give both limits where it is declared: struct rlimit lim = {8, 8};""");
    }

    @Test
    void aFeatureTestDefineIsIgnoredButADefinedValueIsNot() throws Exception {
        assertThat(Lessons.parse("#define _GNU_SOURCE", "#include <sys/socket.h>",
                "int fd = accept4(3, NULL, NULL, SOCK_CLOEXEC);").statements()).hasSize(1);
        assertThat(errorOf("#define PORT 8080", "int fd = socket(AF_INET, SOCK_STREAM, 0);")).isEqualTo("""
                lesson.c:1:1: only #include and feature-test lines (#define _GNU_SOURCE) may appear in a lesson
                #define PORT 8080
                ^
                hint: Socket Lab ignores #include lines and #define _GNU_SOURCE; other #define and preprocessor \
                lines are not supported, so write the value itself where it is used""");
    }

    @Test
    void anUnknownConstantSuggestsTheClosestOne() {
        assertThat(errorOf("int a = socket(AF_INTE, SOCK_STREAM, 0);")).isEqualTo("""
                lesson.c:1:16: unknown constant 'AF_INTE'
                int a = socket(AF_INTE, SOCK_STREAM, 0);
                               ^
                hint: did you mean 'AF_INET'?""");
    }

    @Test
    void anUnknownVariableSuggestsADeclaredOne() {
        assertThat(errorOf("int sock = socket(AF_INET, SOCK_STREAM, 0);", "close(sokc);")).isEqualTo("""
                lesson.c:2:7: unknown variable 'sokc'
                close(sokc);
                      ^
                hint: did you mean 'sock'?""");
    }

    @Test
    void aVariableUsedAfterItsBlockEndedIsExplained() {
        assertThat(errorOf("{", "  int t = socket(AF_INET, SOCK_STREAM, 0);", "}", "close(t);")).isEqualTo("""
                lesson.c:4:7: unknown variable 't'
                close(t);
                      ^
                hint: 't' was declared on line 2 inside a block, and is gone after that block's '}'""");
    }

    @Test
    void theWrongNumberOfArgumentsSaysHowManyTheCallTakes() {
        assertThat(errorOf("socket(AF_INET, SOCK_STREAM);", "int s = accept(3, NULL);", "fork(1);")).isEqualTo("""
                lesson.c:1:1: socket() takes 3 arguments, got 2
                socket(AF_INET, SOCK_STREAM);
                ^
                hint: write socket(AF_INET, SOCK_STREAM, 0)
                lesson.c:2:9: accept() takes 1 or 3 arguments, got 2
                int s = accept(3, NULL);
                        ^
                hint: write accept(fd) or accept(fd, NULL, NULL)
                lesson.c:3:1: fork() takes no arguments, got 1
                fork(1);
                ^
                hint: write fork()""");
    }

    @Test
    void anUnterminatedStringIsReportedOnceWhereItStarts() {
        assertThat(errorOf("int s = socket(AF_INET, SOCK_DGRAM, 0);", "send(s, \"hello);")).isEqualTo("""
                lesson.c:2:9: unterminated string
                send(s, "hello);
                        ^
                hint: close the string with " on the same line""");
    }

    @Test
    void anUnterminatedCommentIsReportedWhereItStarts() {
        assertThat(errorOf("int main(void) {", "  close(0);", "/* never closed", "}")).isEqualTo("""
                lesson.c:3:1: unterminated comment
                /* never closed
                ^
                hint: close it with */""");
    }

    @Test
    void aMissingSemicolonIsReportedJustAfterTheCall() {
        assertThat(errorOf("close(0)", "close(1);")).isEqualTo("""
                lesson.c:1:9: missing ';' after ')'
                close(0)
                        ^
                hint: end each statement with ';' as in C""");
    }

    @Test
    void aDirectiveWithABadValueNamesTheValueAndTheRange() {
        assertThat(errorOf("// limit: lots", "close(0);")).isEqualTo("""
                lesson.c:1:11: limit must be a whole number from 0 to 1048576, not 'lots'
                // limit: lots
                          ^
                hint: limit sets RLIMIT_NOFILE, the highest descriptor number plus one; \
                Linux's default is 1024, e.g. limit: 8""");
        assertThat(errorOf("// memory: 16 KB", "close(0);")).isEqualTo("""
                lesson.c:1:12: unknown unit 'KB' in memory: 16 KB
                // memory: 16 KB
                           ^
                hint: write B, KiB, MiB or GiB (powers of 1024), e.g. memory: 16 KiB""");
        assertThat(errorOf("// privileges: admin", "close(0);")).startsWith(
                "lesson.c:1:16: expected 'user' or 'root', not 'admin'");
    }

    @Test
    void aDuplicateTitlePointsAtTheFirstOne() {
        assertThat(errorOf("// title: A", "// title: B", "close(0);")).isEqualTo("""
                lesson.c:2:4: duplicate 'title:' (the first is on line 1)
                // title: B
                   ^
                hint: a lesson gives each directive once; delete one of them""");
    }

    @Test
    void anUnknownDirectiveSuggestsAKnownOneOrListsThemAll() {
        assertThat(errorOf("// titel: x", "// Author: me", "close(0);")).isEqualTo("""
                lesson.c:1:4: unknown directive 'titel:'
                // titel: x
                   ^
                hint: did you mean 'title:'?
                lesson.c:2:4: unknown directive 'Author:'
                // Author: me
                   ^
                hint: the directives are title, description, limit, memory, privileges, ping-group, process, pid, \
                predict, model-only, say; for a plain comment, leave out the colon or use /* ... */""");
    }

    @Test
    void aDirectiveAfterTheCodeIsRefused() {
        assertThat(errorOf("close(0);", "// limit: 8")).startsWith("""
                lesson.c:2:4: 'limit:' must be in the header
                // limit: 8
                   ^
                hint: header directives come before the first line of code""");
    }

    @Test
    void saysWithNothingToNarrateAreReported() {
        assertThat(errorOf("close(0);", "// say: 结束 | the end")).isEqualTo("""
                lesson.c:2:1: 'say:' has no call after it to narrate
                // say: 结束 | the end
                ^
                hint: put say: at the end of a call's line, or on its own line just before the call""");
        assertThat(errorOf("close(0); // say:")).startsWith("lesson.c:1:18: 'say:' needs some text");
    }

    @Test
    void fullWidthPunctuationFromAChineseInputMethodIsNamed() {
        assertThat(errorOf("int s = socket(AF_INET, SOCK_STREAM, 0)；")).isEqualTo("""
                lesson.c:1:40: unexpected character '；'
                int s = socket(AF_INET, SOCK_STREAM, 0)；
                                                       ^
                hint: this is a full-width or typographic '；'; type the ASCII ';' (switch the input method to half-width)""");
    }

    @Test
    void theCaretLinesUpUnderWideCharactersAndTabs() {
        assertThat(errorOf("\tclose(0); /* 中文 */ clse(1);")).isEqualTo("""
                lesson.c:1:21: unknown call 'clse'
                \tclose(0); /* 中文 */ clse(1);
                \t             　　    ^
                hint: did you mean 'close'?""");
    }

    @Test
    void addressesThatAreNotAddressesSayWhatAnAddressLooksLike() {
        assertThat(errorOf("int s = socket(AF_INET, SOCK_STREAM, 0);", "bind(s, \"localhost:80\");",
                "connect(s, \"127.0.0.1\");", "bind(s, 8080);")).isEqualTo("""
                lesson.c:2:9: Socket Lab does not look up host names like 'localhost'
                bind(s, "localhost:80");
                        ^
                hint: write the address itself: "127.0.0.1:8080" or "[::1]:8080"; an AF_UNIX path starts with /
                lesson.c:3:12: the address has no port
                connect(s, "127.0.0.1");
                           ^
                hint: write the port after a colon: "127.0.0.1:8080"
                lesson.c:4:9: bind() needs an address in quotes here
                bind(s, 8080);
                        ^
                hint: write "127.0.0.1:8080" (IPv4), "[::1]:8080" (IPv6) or "/tmp/lesson.sock" (AF_UNIX)""");
    }

    @Test
    void processMistakesAreExplained() {
        assertThat(errorOf("int s = socket(AF_INET, SOCK_STREAM, 0);", "if (s == 0) { close(s); }")).isEqualTo("""
                lesson.c:2:5: 's' does not hold the result of fork() here
                if (s == 0) { close(s); }
                    ^
                hint: Socket Lab reads if (...) as 'which process runs this block': test the variable that fork() \
                set, e.g. pid_t child = fork(); if (child == 0) { ... }""");
        assertThat(errorOf("pid_t c = fork();", "if (c == 0) { exit(0); }", "if (c == 0) { close(3); }"))
                .isEqualTo("""
                        lesson.c:3:15: no process runs this line
                        if (c == 0) { close(3); }
                                      ^
                        hint: no process that is still running takes this branch of the if on line 3""");
        assertThat(errorOf("return 0;", "close(1);")).endsWith("""
                hint: the processes that got this far ended on line 1 (exit or return)""");
    }

    @Test
    void aVeryLongLineIsShownAroundTheProblemAndHugeNamesAreCut() {
        String line = "close(0); ".repeat(30) + "clse(1);" + " close(2);".repeat(30);
        assertThat(errorOf(line)).isEqualTo("lesson.c:1:301: unknown call 'clse'\n..."
                + "close(0); ".repeat(8) + "clse(1);" + " close(2);".repeat(7) + " c...\n"
                + " ".repeat(83) + "^\nhint: did you mean 'close'?");
        assertThat(errorOf("int " + "y".repeat(5000) + " = ;").lines().findFirst().orElseThrow())
                .isEqualTo("lesson.c:1:5008: expected a number, a constant or a variable, found ';'");
        assertThat(errorOf("x".repeat(5000) + ";").lines().findFirst().orElseThrow())
                .isEqualTo("lesson.c:1:5001: expected '(' or '=' after '" + "x".repeat(57) + "...', found ';'");
    }

    @Test
    void severalProblemsAreReportedInFileOrderUpToTen() {
        String[] lines = new String[14];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = "clos(" + i + ");";
        }
        try {
            Lessons.parse(lines);
            throw new AssertionError("parsed");
        } catch (LessonParseException e) {
            assertThat(e.problems()).hasSize(10).extracting(Problem::line).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
            assertThat(e.total()).isEqualTo(14);
            assertThat(e.getMessage()).endsWith("hint: did you mean 'close'?\n(4 more problems not shown)");
            assertThat(e).hasToString(e.getMessage());
        }
    }

    @Test
    void aBinaryFileIsRefusedByName() {
        byte[] elf = {0x7f, 'E', 'L', 'F', '\n', 'x', 0, 1};
        assertFails(() -> LessonParser.parse("a.out", elf), """
                a.out:2:2: this is a binary file, not a lesson (it contains a NUL byte)
                hint: a lesson is a text file saved as UTF-8; is this the right file?""");
    }

    @Test
    void textInAnotherEncodingIsRefusedAtItsFirstBadByte() {
        byte[] latin1 = "// title: Café\nclose(1);\n".getBytes(StandardCharsets.ISO_8859_1);
        assertFails(() -> LessonParser.parse("latin1.c", latin1), """
                latin1.c:1:14: the file is not valid UTF-8 (byte 0xE9)
                // title: Caf\uFFFD
                             ^
                hint: save the file as UTF-8 (most editors: Save As, Encoding: UTF-8)""");
        byte[] truncated = {'c', 'l', 'o', 's', 'e', '(', '1', ')', ';', '\n', '/', '/', ' ', (byte) 0xE4, (byte) 0xB8};
        assertThat(errorOfBytes(truncated)).startsWith("t.c:2:4: the file is not valid UTF-8 (byte 0xE4)");
    }

    @Test
    void aFileOverOneMebibyteIsRefusedBeforeItIsRead(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.c");
        Files.write(big, new byte[LessonParser.MAX_BYTES + 1]);
        assertFails(() -> LessonParser.parse(big), big + """
                :1:1: the file is too large: 1048577 bytes (a lesson may be at most 1 MiB, 1048576 bytes)
                hint: a lesson is a small C program; is this the right file?""");
        assertFails(() -> LessonParser.parse(dir.resolve("missing.c")), dir.resolve("missing.c") + ":1:1: no such file");
    }

    @Test
    void anEmptyLessonIsRefused() {
        assertFails(() -> LessonParser.parse("empty.c", new byte[0]), """
                empty.c:1:1: this lesson makes no calls
                hint: write at least one, e.g. int fd = socket(AF_INET, SOCK_STREAM, 0);""");
    }

    private static String errorOfBytes(byte[] content) {
        try {
            LessonParser.parse("t.c", content);
        } catch (LessonParseException e) {
            return e.getMessage();
        }
        throw new AssertionError("parsed");
    }
}
