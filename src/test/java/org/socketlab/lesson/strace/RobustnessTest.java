// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken lines become warnings with a line and column; input that is no strace log is refused clearly. */
class RobustnessTest {

    @Test
    void aGarbageLineIsAWarningAndTheRestStillParses() {
        ParsedTrace t = Traces.log(
                "socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3",
                "this is not strace",
                "close(3) = 0");
        assertThat(t.calls()).extracting(TraceCall::name).containsExactly("socket", "close");
        assertThat(t.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(2);
            assertThat(w.column()).isEqualTo(1);
            assertThat(w.message()).contains("not a system call");
        });
    }

    @Test
    void warningsPointAtTheColumnWhereTheLineBreaks() {
        ParsedTrace t = Traces.log(
                "socket(AF_INET, SOCK_STREAM",
                "write(1, \"abc, 3) = 3",
                "socket(AF_INET, SOCK_STREAM, IPPROTO_IP) 3",
                "5046  22:31:07 close(3) = zero",
                "+++ exited with 0 +++");
        assertThat(t.calls()).isEmpty();
        assertThat(t.warnings()).extracting(TraceWarning::line, TraceWarning::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, 28),
                org.assertj.core.groups.Tuple.tuple(2, 10),
                org.assertj.core.groups.Tuple.tuple(3, 42),
                org.assertj.core.groups.Tuple.tuple(4, 27));
        assertThat(t.warnings().get(1).message()).contains("unterminated string");
        assertThat(t.warnings().get(2).message()).contains("no result");
        assertThat(t.warnings().get(3).toString()).startsWith("line 4, column 27: ");
    }

    @Test
    void aBrokenArgumentStillGivesTheCallButWarns() {
        ParsedTrace t = Traces.log("bind(3, {sa_family=AF_INET, sin_port=htons(80)], 16) = 0");
        assertThat(t.warnings()).isNotEmpty().allSatisfy(w -> assertThat(w.line()).isEqualTo(1));
    }

    @Test
    void anUnfinishedCallThatNeverResumesIsReportedAtItsStart() {
        ParsedTrace t = Traces.log(
                "[pid 7] accept4(3,  <unfinished ...>",
                "[pid 8] socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 4");
        assertThat(t.calls()).extracting(TraceCall::name).containsExactly("socket");
        assertThat(t.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(1);
            assertThat(w.column()).isEqualTo(9);
            assertThat(w.message()).contains("accept4").contains("never completed").contains("log ends");
        });
    }

    @Test
    void aResumedCallWithoutItsStartIsKeptAsFarAsItGoes() {
        ParsedTrace t = Traces.log(
                "[pid 7] <... accept4 resumed>{sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr(\"1.2.3.4\")}, [16], SOCK_CLOEXEC) = 5",
                "[pid 7] <... clone resumed>, child_tidptr=0x7f) = 9");
        assertThat(t.calls()).hasSize(2);
        TraceCall accept = t.calls().get(0);
        assertThat(accept.name()).isEqualTo("accept4");
        assertThat(accept.startLine()).isEqualTo(1);
        assertThat(accept.args()).hasSize(3);
        assertThat(accept.arg(0).flatMap(Arg::asSockAddr).orElseThrow().address()).isEqualTo("1.2.3.4");
        assertThat(accept.result().value()).isEqualTo(5L);
        assertThat(t.calls().get(1).namedArg("child_tidptr")).isPresent();
        assertThat(t.warnings()).hasSize(2).allSatisfy(w -> assertThat(w.message()).contains("without the line where"));
        assertThat(t.warnings().get(0).column()).isEqualTo(9);
    }

    @Test
    void aProcessThatEndsInsideACallLeavesAWarning() {
        ParsedTrace t = Traces.log(
                "[pid 7] read(0,  <unfinished ...>",
                "[pid 7] +++ killed by SIGKILL +++");
        assertThat(t.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(1);
            assertThat(w.message()).contains("read").contains("process 7 ended first");
        });
    }

    @Test
    void windowsLineEndingsAByteOrderMarkAndNoFinalNewlineChangeNothing() throws IOException {
        String text = "\uFEFFsocket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3\r\nclose(3) = 0\r\n+++ exited with 0 +++";
        ParsedTrace t = StraceParser.parse(new StringReader(text), "crlf.strace");
        assertThat(t.warnings()).isEmpty();
        assertThat(t.events()).hasSize(3);
        assertThat(t.calls().get(0).rawText()).isEqualTo("socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3");
        assertThat(t.calls().get(1).result().value()).isZero();
    }

    @Test
    void binaryFilesAreRefused() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThatThrownBy(() -> StraceParser.parse(new ByteArrayInputStream(png), "picture.png"))
                .isInstanceOfSatisfying(NotAStraceLogException.class, e -> {
                    assertThat(e.reason()).isIn(NotAStraceLogException.Reason.BINARY, NotAStraceLogException.Reason.NOT_TEXT);
                    assertThat(e.getMessage()).startsWith("picture.png is not a strace log");
                });
        assertThatThrownBy(() -> StraceParser.parse("close(3) = 0\nclose(\u00004) = 0\n", "nul.strace"))
                .isInstanceOfSatisfying(NotAStraceLogException.class, e -> {
                    assertThat(e.reason()).isEqualTo(NotAStraceLogException.Reason.BINARY);
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("binary data").contains("line 2, column 7");
                });
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] latin1 = "close(3) = 0\nwrite(1, \"caf\u00e9\", 4) = 4\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> StraceParser.parse(new ByteArrayInputStream(latin1), "latin1.strace"))
                .isInstanceOfSatisfying(NotAStraceLogException.class, e -> {
                    assertThat(e.reason()).isEqualTo(NotAStraceLogException.Reason.NOT_TEXT);
                    assertThat(e.getMessage()).contains("not UTF-8");
                });
    }

    @Test
    void htmlEmptyAndOrdinaryTextAreNotStraceLogs() throws IOException {
        String html = "<!DOCTYPE html>\n<html><head><title>Socket Lab</title></head>\n<body><p>hello</p></body></html>\n";
        assertThatThrownBy(() -> StraceParser.parse(html, "index.html"))
                .isInstanceOfSatisfying(NotAStraceLogException.class, e -> {
                    assertThat(e.reason()).isEqualTo(NotAStraceLogException.Reason.NO_STRACE_LINES);
                    assertThat(e.getMessage()).contains("index.html is not a strace log").contains("HTML");
                });
        assertThatThrownBy(() -> StraceParser.parse("", "empty.strace"))
                .isInstanceOfSatisfying(NotAStraceLogException.class,
                        e -> assertThat(e.reason()).isEqualTo(NotAStraceLogException.Reason.EMPTY));
        assertThatThrownBy(() -> StraceParser.parse("\n   \n\n", "blank.strace"))
                .isInstanceOfSatisfying(NotAStraceLogException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("blank.strace is empty: there is no strace output in it"));
        String cSource = Files.readString(Path.of("assets/traces/programs/fork.c"));
        assertThatThrownBy(() -> StraceParser.parse(cSource, "fork.c"))
                .isInstanceOfSatisfying(NotAStraceLogException.class,
                        e -> assertThat(e.reason()).isEqualTo(NotAStraceLogException.Reason.NO_STRACE_LINES));
    }

    @Test
    void aLongTextWithoutStraceLinesIsRefusedAfterItsFirstLines() {
        StringBuilder essay = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            essay.append("Line ").append(i).append(" of a long essay about sockets.\n");
        }
        assertThatThrownBy(() -> StraceParser.parse(essay.toString(), "essay.txt"))
                .isInstanceOfSatisfying(NotAStraceLogException.class, e -> {
                    assertThat(e.reason()).isEqualTo(NotAStraceLogException.Reason.NO_STRACE_LINES);
                    assertThat(e.getMessage()).contains("none of its first " + StraceParser.SNIFF_LINES + " lines");
                });
    }

    @Test
    void aLineOverOneMegabyteIsRefused() {
        String huge = "write(1, \"" + "x".repeat(StraceParser.MAX_LINE_CHARS) + "\", 1) = 1\n";
        assertThatThrownBy(() -> StraceParser.parse("close(3) = 0\n" + huge, "huge.strace"))
                .isInstanceOfSatisfying(NotAStraceLogException.class, e -> {
                    assertThat(e.reason()).isEqualTo(NotAStraceLogException.Reason.LINE_TOO_LONG);
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("line 2 is longer than 1024 KB");
                });
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeItIsRead(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.strace");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(StraceParser.MAX_FILE_CHARS + 1); // sparse: nothing is written
        }
        assertThatThrownBy(() -> StraceParser.parse(big))
                .isInstanceOfSatisfying(NotAStraceLogException.class, e -> {
                    assertThat(e.reason()).isEqualTo(NotAStraceLogException.Reason.FILE_TOO_LARGE);
                    assertThat(e.getMessage()).startsWith("big.strace is too large to replay").contains("200 MB");
                });
    }

    @Test
    void aStreamOverTheSizeLimitIsRefusedWhileReading() {
        LineReader reader = new LineReader(new StringReader("close(3) = 0\n".repeat(10_000)), "stream", 1000, 50_000);
        assertThatThrownBy(() -> {
            while (reader.next() != null) {
                // read until the limit stops it
            }
        }).isInstanceOfSatisfying(NotAStraceLogException.class,
                e -> assertThat(e.reason()).isEqualTo(NotAStraceLogException.Reason.FILE_TOO_LARGE));
    }

    @Test
    void aRealFileParsesFromItsPath(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("emfile.strace");
        Files.writeString(log, Traces.text("/traces/emfile.strace"));
        ParsedTrace t = StraceParser.parse(log);
        assertThat(t.sourceName()).isEqualTo("emfile.strace");
        assertThat(t.calls("socket")).hasSize(8);
    }

    @Test
    void pathologicalLinesStayLinear() {
        String angles = "socket(" + "a<".repeat(200_000);
        String brackets = "socket(" + "[".repeat(200_000) + ") = 3";
        String quotes = "socket(" + "\"\\".repeat(100_000) + ") = 3";
        ParsedTrace t = Traces.log("close(3) = 0", angles, brackets, quotes);
        assertThat(t.calls()).hasSize(1);
        assertThat(t.warnings()).extracting(TraceWarning::line).containsExactly(2, 3, 4);
    }

    @Test
    void aCallStillRunningWhenStraceDetachesIsReportedOnce() {
        ParsedTrace t = Traces.log(
                "strace: Process 4242 attached",
                "read(0,  <detached ...>");
        assertThat(t.calls()).isEmpty();
        assertThat(((TraceNote) t.events().get(0)).attachedPid()).hasValue(4242);
        assertThat(t.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(2);
            assertThat(w.column()).isEqualTo(10);
            assertThat(w.message()).contains("read").contains("detached");
        });
    }
}
