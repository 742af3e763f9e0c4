// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.socketlab.kernel.AddressFamily;
import org.socketlab.kernel.Credentials;
import org.socketlab.kernel.Endpoint;
import org.socketlab.lesson.LocalizedText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.socketlab.lesson.source.Lessons.calls;
import static org.socketlab.lesson.source.Lessons.parse;


/** Valid lessons parse into the calls, numbers, variables, narration and settings they spell out. */
class LessonParserTest {

    @Test
    void theIssuesExampleParsesIntoFourCallsWithTheirNumbersAndNarration() throws Exception {
        LessonSource lesson = LessonParser.parse(Lessons.resource("three-tabs.c"));

        assertThat(lesson.title()).isEqualTo(new LocalizedText("三个标签页", "Three browser tabs"));
        assertThat(lesson.description().get(Locale.ENGLISH)).isEqualTo("Close the middle one and its number comes back");
        assertThat(lesson.settings().descriptorLimit()).isEqualTo(8);
        assertThat(lesson.lines()).hasSize(7).startsWith("// title: 三个标签页 | Three browser tabs");
        assertThat(calls(lesson)).containsExactly(
                "app: a = socket(2, 1, 0)",
                "app: b = socket(2, 1, 0)",
                "app: close(a)",
                "app: c = socket(2, 2, 0)");
        Statement first = lesson.statements().get(0);
        assertThat(first.line()).isEqualTo(4);
        assertThat(first.column()).isEqualTo(1);
        assertThat(first.text()).isEqualTo("socket(AF_INET, SOCK_STREAM, 0)");
        assertThat(first.argument("family")).isEqualTo(new Argument.Constant(2, "AF_INET"));
        assertThat(first.narration()).contains(new LocalizedText("第一个标签页", "the first tab"));
        assertThat(lesson.statements().get(1).narration()).isEmpty();
        assertThat(lesson.statements().get(2).argument("fd")).isEqualTo(new Argument.Variable("a"));
        assertThat(lesson.statements().get(3).narration().orElseThrow().get(Locale.CHINESE)).isEqualTo("最小的空号码");
    }

    @Test
    void flagsCombineWithBarAndNumbersMayBeHexOrOctal() throws Exception {
        LessonSource lesson = parse(
                "int s = socket(PF_INET6, SOCK_STREAM | SOCK_NONBLOCK, 0x06);",
                "int t = socket(AF_UNIX, SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK, 00);",
                "int u = socket(AF_INET, (SOCK_RAW), 010);",
                "close(-1);");

        Statement s = lesson.statements().get(0);
        assertThat(s.argument("type")).isEqualTo(new Argument.Constant(1 | 0x800, "SOCK_STREAM | SOCK_NONBLOCK"));
        assertThat(calls(lesson)).containsExactly(
                "app: s = socket(10, 2049, 6)",
                "app: t = socket(1, " + (2 | 0x80000 | 0x800) + ", 0)",
                "app: u = socket(2, 3, 8)",
                "app: close(-1)");
        assertThat(lesson.statements().get(1).argument("type").text()).isEqualTo("SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK");
    }

    @Test
    void shortFormsArriveInTheirCanonicalShape() throws Exception {
        LessonSource lesson = parse(
                "int s = socket(AF_INET, SOCK_STREAM, 0);",
                "int c = accept(s, NULL, NULL);",
                "int d = accept(s);",
                "int e = accept4(s, SOCK_NONBLOCK);",
                "int f = accept4(s, NULL, 0, SOCK_CLOEXEC);",
                "send(c, \"héllo\");",
                "send(c, \"hello\", 3, MSG_NOSIGNAL);",
                "sendto(s, \"x\", \"10.0.0.1:53\");",
                "sendto(s, \"xy\", 1, 0, \"/run/log.sock\");",
                "int g = dup(c);",
                "dup2(c, 10);",
                "shutdown(c, SHUT_RDWR);");

        assertThat(calls(lesson)).containsExactly(
                "app: s = socket(2, 1, 0)",
                "app: c = accept(s)",
                "app: d = accept(s)",
                "app: e = accept4(s, 2048)",
                "app: f = accept4(s, 524288)",
                "app: send(c, \"héllo\", 6, 0)",
                "app: send(c, \"hello\", 3, 16384)",
                "app: sendto(s, \"x\", 1, 0, 10.0.0.1:53)",
                "app: sendto(s, \"xy\", 1, 0, /run/log.sock)",
                "app: g = dup(c)",
                "app: dup2(c, 10)",
                "app: shutdown(c, 2)");
        Statement send = lesson.statements().get(5);
        assertThat(send.text()).isEqualTo("send(c, \"héllo\")");
        assertThat(send.argument("data")).isEqualTo(new Argument.Data("héllo", "\"héllo\""));
    }

    @Test
    void addressesBecomeEndpointsOfTheirFamily() throws Exception {
        LessonSource lesson = parse(
                "int s = socket(AF_INET, SOCK_STREAM, 0);",
                "bind(s, \"0.0.0.0:0\");",
                "connect(s, \"[2001:DB8::1]:443\");",
                "connect(s, \"[::ffff:127.0.0.1]:80\");",
                "bind(s, \"@abstract\");");

        assertThat(lesson.statements().subList(1, 5)).extracting(st -> ((Argument.Address) st.argument("address")).endpoint())
                .containsExactly(
                        new Endpoint(AddressFamily.AF_INET, "0.0.0.0", 0),
                        new Endpoint(AddressFamily.AF_INET6, "2001:db8::1", 443),
                        new Endpoint(AddressFamily.AF_INET6, "::ffff:127.0.0.1", 80),
                        new Endpoint(AddressFamily.AF_UNIX, "@abstract", 0));
    }

    @Test
    void theConversationExampleSetsTheMachineAndUsesEveryConnectionCall() throws Exception {
        LessonSource lesson = LessonParser.parse(Lessons.resource("conversation.c"));

        assertThat(lesson.settings()).isEqualTo(new HeaderSettings(16, 64 * 1024, Credentials.USER, "demo", 1000));
        assertThat(lesson.settings().toMachineSetup().memoryCapacity()).isEqualTo(65536);
        assertThat(calls(lesson)).containsExactly(
                "demo: srv = socket(2, " + (1 | 0x80000) + ", 6)",
                "demo: bind(srv, 127.0.0.1:8080)",
                "demo: listen(srv, 4096)",
                "demo: cli = socket(2, 1, 0)",
                "demo: connect(cli, 127.0.0.1:8080)",
                "demo: conn = accept4(srv, 2048)",
                "demo: send(cli, \"hi\", 2, 0)",
                "demo: shutdown(cli, 1)",
                "demo: close(conn)",
                "demo: close(cli)",
                "demo: close(srv)",
                "demo: udp = socket(10, 2, 0)",
                "demo: sendto(udp, \"ping\\n\", 5, 0, [::1]:9000)",
                "demo: close(udp)");
        assertThat(lesson.statements().get(3).narration()).contains(new LocalizedText("客户端", "The client"));
        assertThat(lesson.statements().get(5).narration()).isEmpty();
        assertThat(lesson.processes()).containsExactly("demo");
    }

    @Test
    void theForkExampleRunsTheChildsBlockInTheChildAndTheElseInTheParent() throws Exception {
        LessonSource lesson = LessonParser.parse(Lessons.resource("fork-copy.c"));

        assertThat(lesson.settings().processName()).isEqualTo("shell");
        assertThat(lesson.settings().pid()).isEqualTo(2000);
        assertThat(calls(lesson)).containsExactly(
                "shell: s = socket(2, 1, 0)",
                "shell: child = fork()",
                "child: close(s)",
                "child: t = socket(2, 2, 0)",
                "child: exit(0)",
                "shell: close(s)",
                "shell: exit(0)");
        assertThat(lesson.statements().get(1).child()).contains("child");
        assertThat(lesson.statements().get(0).narration().orElseThrow().get(Locale.ENGLISH))
                .isEqualTo("The parent gets number 3");
        assertThat(lesson.statements().get(6).text()).isEqualTo("return 0");
        assertThat(lesson.processes()).containsExactly("shell", "child");
    }

    @Test
    void aLineOutsideTheIfRunsInEveryProcessThatIsStillAliveParentFirst() throws Exception {
        LessonSource lesson = parse(
                "int s = socket(AF_INET, SOCK_STREAM, 0);",
                "pid_t pid = fork();",
                "close(s);   // say: both close their copy",
                "if (pid > 0) {",
                "    int x = socket(AF_INET, SOCK_DGRAM, 0);",
                "}",
                "if (!pid)",
                "    exit(EXIT_SUCCESS);",
                "int y = dup(1);");

        assertThat(calls(lesson)).containsExactly(
                "app: s = socket(2, 1, 0)",
                "app: pid = fork()",
                "app: close(s)",
                "child: close(s)",
                "app: x = socket(2, 2, 0)",
                "child: exit(0)",
                "app: y = dup(1)");
        assertThat(lesson.statements().get(3).narration()).contains(LocalizedText.of("both close their copy"));
    }

    @Test
    void nestedForksNameEachChildAndTrackWhichSideEachProcessIsOn() throws Exception {
        LessonSource lesson = parse(
                "int main(int argc, char **argv) {",
                "    pid_t a = fork();",
                "    if (a == 0) {",
                "        pid_t b = fork();",
                "        if (b != 0) { close(3); } else { close(4); }",
                "        return 1;",
                "    }",
                "    close(5);",
                "}");

        assertThat(calls(lesson)).containsExactly(
                "app: a = fork()",
                "child: b = fork()",
                "child: close(3)",
                "child2: close(4)",
                "child: exit(1)",
                "child2: exit(1)",
                "app: close(5)");
        assertThat(lesson.processes()).containsExactly("app", "child", "child2");
    }

    @Test
    void narrationAttachesToTheCallOnItsLineOrToTheNextCall() throws Exception {
        LessonSource lesson = parse(
                "// title: Narration",
                "// say: 先说一句 | first words",
                "// say: 再说一句 | more words",
                "int a = socket(AF_INET,",
                "               SOCK_STREAM, 0);  // say: 两行的调用 | a call on two lines",
                "close(a); close(1); // say: | only for the last call on the line",
                "{ } // say: 中文 |",
                "close(2);");

        List<Statement> s = lesson.statements();
        assertThat(s.get(0).narration()).contains(new LocalizedText(
                "先说一句\n再说一句\n两行的调用", "first words\nmore words\na call on two lines"));
        assertThat(s.get(1).narration()).isEmpty();
        assertThat(s.get(2).narration().orElseThrow().get(Locale.CHINESE)).isEqualTo("only for the last call on the line");
        assertThat(s.get(3).narration().orElseThrow().get(Locale.ENGLISH)).isEqualTo("中文");
    }

    @Test
    void localizedTextSplitsOnASpacedBarAndFallsBackToTheOtherLanguage() {
        assertThat(LocalizedText.parse("中文 | English")).isEqualTo(new LocalizedText("中文", "English"));
        assertThat(LocalizedText.parse("shutdown(fd, SHUT_RD|SHUT_WR)")).isEqualTo(LocalizedText.of("shutdown(fd, SHUT_RD|SHUT_WR)"));
        assertThat(LocalizedText.parse("a \\| b | c")).isEqualTo(new LocalizedText("a | b", "c"));
        assertThat(LocalizedText.parse("| English only").get(Locale.SIMPLIFIED_CHINESE)).isEqualTo("English only");
        assertThat(LocalizedText.parse("只有中文 |").get(Locale.GERMAN)).isEqualTo("只有中文");
    }

    @Test
    void cIshFreedomIsAccepted() throws Exception {
        LessonSource lesson = parse(
                "#include <stdio.h>",
                "#include <sys/socket.h>",
                "/* a block comment",
                "   over two lines */",
                "",
                "int main(void)",
                "{",
                "\tint fd = socket(AF_INET, /* inline */ SOCK_STREAM, IPPROTO_IP);;",
                "\t{ fd = socket(AF_INET, SOCK_DGRAM, 0); }",
                "\tssize_t n = send(fd, \"tab\\tand \\\"quotes\\\"\");",
                "\treturn EXIT_SUCCESS;",
                "}",
                "// trailing comment");

        assertThat(calls(lesson)).containsExactly(
                "app: fd = socket(2, 1, 0)",
                "app: fd = socket(2, 2, 0)",
                "app: n = send(fd, \"tab\\tand \\\"quotes\\\"\", 16, 0)",
                "app: exit(0)");
        assertThat(lesson.statements().get(0).line()).isEqualTo(8);
        assertThat(lesson.statements().get(0).column()).isEqualTo(2);
        assertThat(lesson.statements().get(2).argument("data")).isInstanceOfSatisfying(Argument.Data.class,
                d -> assertThat(d.value()).isEqualTo("tab\tand \"quotes\""));
    }

    @Test
    void headerDirectivesSetTheMachineAndAbsentOnesKeepTheDefaults() throws Exception {
        LessonSource root = parse(
                "// Title: Raw sockets",
                "// privileges: root",
                "// memory: 16 KiB",
                "socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);");
        LessonSource pinger = parse("// ping-group: yes", "// memory: 4096", "socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);");
        LessonSource plain = LessonParser.parse("lessons/plain-one.c", "close(0);\n");

        assertThat(root.settings().credentials()).isEqualTo(Credentials.ROOT);
        assertThat(root.settings().memoryCapacity()).isEqualTo(16384);
        assertThat(root.title()).isEqualTo(LocalizedText.of("Raw sockets"));
        assertThat(pinger.settings().credentials()).isEqualTo(new Credentials(false, true));
        assertThat(pinger.settings().memoryCapacity()).isEqualTo(4096);
        assertThat(plain.settings()).isEqualTo(HeaderSettings.DEFAULT);
        assertThat(plain.title()).isEqualTo(LocalizedText.of("plain-one"));
        assertThat(plain.description()).isEqualTo(LocalizedText.EMPTY);
        assertThat(plain.statements().get(0).assignTo()).isEqualTo(Optional.empty());
    }

    @Test
    void aUtf8ByteOrderMarkAndWindowsLineEndingsAreFine() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "// limit: 4\r\nint a = socket(AF_INET, SOCK_STREAM, 0);\r\nclose(a);\r\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(text, 0, content, bom.length, text.length);

        LessonSource lesson = LessonParser.parse("win.c", content);

        assertThat(lesson.settings().descriptorLimit()).isEqualTo(4);
        assertThat(lesson.lines()).containsExactly("// limit: 4", "int a = socket(AF_INET, SOCK_STREAM, 0);", "close(a);");
        assertThat(lesson.statements().get(1).line()).isEqualTo(3);
    }
}
