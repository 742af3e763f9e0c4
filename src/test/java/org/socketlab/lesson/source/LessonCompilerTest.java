// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socketlab.lesson.Compiled.compile;
import static org.socketlab.lesson.Compiled.results;
import static org.socketlab.lesson.Compiled.returns;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketlab.kernel.AddressFamily;
import org.socketlab.kernel.Endpoint;
import org.socketlab.kernel.Stage;
import org.socketlab.kernel.Step;
import org.socketlab.kernel.Syscall;
import org.socketlab.lesson.Frame;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.LessonOrigin;
import org.socketlab.lesson.LocalizedText;

/** Lesson files run through the kernel: results, variables, processes, code lines, narration. */
class LessonCompilerTest {

    @Test
    void aLessonRunsItsCallsInOrderAndKeepsEveryStep() throws LessonParseException {
        Lesson lesson = compile(
                "// title: 三个标签页 | Three tabs",
                "// description: 号码回来了 | The number comes back",
                "int a = socket(AF_INET, SOCK_STREAM, 0);",
                "int b = socket(AF_INET, SOCK_STREAM, 0);",
                "close(a);",
                "int c = socket(AF_INET, SOCK_DGRAM, 0);");

        assertThat(results(lesson)).containsExactly("4242 socket → 3", "4242 socket → 4", "4242 close → 0",
                "4242 socket → 3");
        assertThat(lesson.id()).isEqualTo("lesson");
        assertThat(lesson.title()).isEqualTo(new LocalizedText("三个标签页", "Three tabs"));
        assertThat(lesson.description().en()).isEqualTo("The number comes back");
        assertThat(lesson.frame(0).step().stage()).isEqualTo(Stage.START);
        assertThat(lesson.size()).isEqualTo(1 + 3 + 3 + 2 + 3);
        assertThat(lesson.origin()).isEqualTo(LessonOrigin.NONE);
    }

    @Test
    void aFailedCallLeavesMinusOneAndUsingItFailsAtRunTime() throws LessonParseException {
        Lesson lesson = compile(
                "int fd = socket(AF_INET, SOCK_DGRAM, IPPROTO_TCP);",
                "close(fd);",
                "close(7);");

        assertThat(results(lesson)).containsExactly("4242 socket → EPROTONOSUPPORT", "4242 close → EBADF",
                "4242 close → EBADF");
        assertThat(returns(lesson).get(1).call()).isEqualTo(new Syscall.Close(-1));
    }

    @Test
    void sigpipeEndsTheProcessAtTheSendAndItsLaterLinesNeverRun() throws LessonParseException {
        Lesson lesson = compile(
                "int tcp = socket(AF_INET, SOCK_STREAM, 0);",
                "send(tcp, \"hi\");",
                "int never = socket(AF_INET, SOCK_STREAM, 0);");

        assertThat(results(lesson)).containsExactly("4242 socket → 3", "4242 send → EPIPE");
        Step last = lesson.frame(lesson.frames().size() - 1).step();
        assertThat(last.stage()).isEqualTo(Stage.SIGNAL);
        assertThat(last.state().hasProcess(4242)).as("killed by SIGPIPE").isFalse();
    }

    @Test
    void callsThatAreWrongAtRunTimeFailWithTheKernelsErrno() throws LessonParseException {
        Lesson lesson = compile(
                "int tcp = socket(AF_INET, SOCK_STREAM, 0);",
                "int udp = socket(AF_INET, SOCK_DGRAM, 0);",
                "bind(tcp, \"127.0.0.1:8080\");",
                "bind(tcp, \"127.0.0.1:8081\");",
                "send(tcp, \"hi\", 2, MSG_NOSIGNAL);",
                "send(udp, \"hi\");",
                "listen(udp, 1);",
                "connect(udp, \"[::1]:80\");",
                "int other = socket(AF_INET, SOCK_STREAM, 0);",
                "connect(other, \"127.0.0.1:9\");");

        assertThat(results(lesson)).containsExactly("4242 socket → 3", "4242 socket → 4", "4242 bind → 0",
                "4242 bind → EINVAL", "4242 send → EPIPE", "4242 send → EDESTADDRREQ", "4242 listen → EOPNOTSUPP",
                "4242 connect → EAFNOSUPPORT", "4242 socket → 5", "4242 connect → ECONNREFUSED");
    }

    @Test
    void forkGivesTheParentTheChildsPidAndTheChildZeroInCopiedVariables() throws LessonParseException {
        Lesson lesson = compile(
                "int s = socket(AF_INET, SOCK_STREAM, 0);",
                "pid_t child = fork();",
                "if (child == 0) {",
                "    close(child);",
                "    s = socket(AF_INET, SOCK_DGRAM, 0);",
                "    exit(0);",
                "}",
                "close(child);",
                "close(s);");

        assertThat(results(lesson)).containsExactly("4242 socket → 3", "4242 fork → 4243",
                "4243 close → 0", "4243 socket → 0", "4243 exit → 0", "4242 close → EBADF", "4242 close → 0");
        List<Step> steps = returns(lesson);
        assertThat(steps.get(2).call()).as("the child's copy of child holds 0").isEqualTo(new Syscall.Close(0));
        assertThat(steps.get(5).call()).as("the parent's holds the pid").isEqualTo(new Syscall.Close(4243));
        assertThat(steps.get(6).call()).as("the child's new s is its own").isEqualTo(new Syscall.Close(3));
    }

    @Test
    void childrenGetTheNextPidsInTheOrderTheyAreCreated() throws LessonParseException {
        Lesson lesson = compile(
                "// pid: 2000",
                "// process: shell",
                "pid_t a = fork();",
                "if (a == 0) {",
                "    pid_t b = fork();",
                "    if (b == 0) {",
                "        exit(2);",
                "    }",
                "    exit(1);",
                "}",
                "pid_t c = fork();",
                "return 0;");

        assertThat(results(lesson)).containsExactly("2000 fork → 2001", "2001 fork → 2002", "2002 exit → 2",
                "2001 exit → 1", "2000 fork → 2003", "2000 exit → 0", "2003 exit → 0");
        Step lastFork = returns(lesson).get(4);
        assertThat(lastFork.state().process(2003).name()).isEqualTo("child3");
        assertThat(lastFork.state().process(2000).name()).isEqualTo("shell");
    }

    @Test
    void anAcceptThatWaitsForGoodLeavesMinusOne() throws LessonParseException {
        Lesson lesson = compile(
                "int srv = socket(AF_INET, SOCK_STREAM, 0);",
                "listen(srv, 1);",
                "int conn = accept(srv, NULL, NULL);",
                "close(conn);");

        assertThat(results(lesson)).containsExactly("4242 socket → 3", "4242 listen → 0", "4242 accept → waits",
                "4242 close → EBADF");
    }

    @Test
    void acceptAndAccept4PassTheirFlagsAndSendItsLength() throws LessonParseException {
        Lesson lesson = compile(
                "int srv = socket(AF_INET, SOCK_STREAM, 0);",
                "bind(srv, \"127.0.0.1:8080\");",
                "listen(srv, 4);",
                "int a = socket(AF_INET, SOCK_STREAM, 0);",
                "connect(a, \"127.0.0.1:8080\");",
                "int b = socket(AF_INET, SOCK_STREAM, 0);",
                "connect(b, \"127.0.0.1:8080\");",
                "int one = accept(srv);",
                "int two = accept4(srv, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);",
                "ssize_t n = send(a, \"hello\", 3, MSG_NOSIGNAL);",
                "send(b, \"hi\", n, 0);",
                "send(b, \"hello\", n, 0);");

        List<Step> steps = returns(lesson);
        assertThat(steps.get(7).call()).isEqualTo(new Syscall.Accept(3, 0, false));
        assertThat(steps.get(8).call()).isEqualTo(new Syscall.Accept(3, 0x80800, true));
        var end = steps.get(steps.size() - 1).state();
        assertThat(end.tableOf(4242).get(6).closeOnExec()).isFalse();
        assertThat(end.tableOf(4242).get(7).closeOnExec()).isTrue();
        assertThat(end.fileOf(4242, 7).nonBlocking()).isTrue();
        assertThat(results(lesson).subList(9, 12)).containsExactly("4242 send → 3", "4242 send → 2", "4242 send → 3");
    }

    @Test
    void dupDup2ShutdownAndReturnBecomeTheirSyscalls() throws LessonParseException {
        Lesson lesson = compile(
                "int s = socket(AF_INET, SOCK_DGRAM, 0);",
                "int d = dup(s);",
                "dup2(s, 9);",
                "shutdown(d, SHUT_RDWR);",
                "sendto(s, \"hi\", \"127.0.0.1:53\");",
                "return 3;");

        assertThat(returns(lesson)).extracting(Step::call).containsExactly(new Syscall.Socket(2, 2, 0),
                new Syscall.Dup(3), new Syscall.Dup2(3, 9), new Syscall.Shutdown(4, 2),
                new Syscall.Send("sendto", 3, 2,
                        new Endpoint(AddressFamily.AF_INET, "127.0.0.1", 53)),
                new Syscall.Exit(3));
    }

    @Test
    void everyFramePointsAtItsCallsShownLineAndCarriesItsNarration() throws LessonParseException {
        Lesson lesson = compile(
                "// title: Lines",
                "#include <unistd.h>",
                "",
                "int main(void) {",
                "    // say: 第一个 | the first",
                "    int a = socket(AF_INET,",
                "                   SOCK_STREAM, 0);  // say: 两行 | two lines",
                "    close(a);",
                "    return 0;",
                "}");

        assertThat(lesson.code()).containsExactly("#include <unistd.h>", "", "int main(void) {",
                "    int a = socket(AF_INET,", "                   SOCK_STREAM, 0);", "    close(a);",
                "    return 0;", "}");
        assertThat(lesson.frames()).extracting(Frame::codeLine).containsExactly(-1, 3, 3, 3, 5, 5, 6);
        LocalizedText socketSay = new LocalizedText("第一个\n两行", "the first\ntwo lines");
        assertThat(lesson.frames().subList(1, 4)).extracting(Frame::say).containsOnly(socketSay);
        assertThat(lesson.frames().subList(4, 7)).extracting(Frame::say).containsOnly(LocalizedText.EMPTY);
    }

    @Test
    void theIdIsTheFileNameWithoutItsExtension() throws LessonParseException {
        assertThat(LessonCompiler.idOf("lessons/week-3.c")).isEqualTo("week-3");
        assertThat(LessonCompiler.idOf("C:\\课程\\第三周.c")).isEqualTo("第三周");
        assertThat(LessonCompiler.idOf("plain")).isEqualTo("plain");
        assertThat(LessonCompiler.idOf(".hidden")).isEqualTo(".hidden");
        assertThat(LessonCompiler.compile(LessonParser.parse("dir/two.tabs.c", "close(3);")).id()).isEqualTo("two.tabs");
    }
}
