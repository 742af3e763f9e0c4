// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socketlab.lesson.Compiled.compile;
import static org.socketlab.lesson.Compiled.results;
import static org.socketlab.lesson.Compiled.returns;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketlab.kernel.KernelState;
import org.socketlab.kernel.Network;
import org.socketlab.kernel.Stage;
import org.socketlab.kernel.Step;
import org.socketlab.kernel.TcpState;
import org.socketlab.lesson.source.LessonParseException;

/** Each row of the table of calls in docs/lesson-format.md, run through the compiler. */
class DocumentedCallsTest {

    private static KernelState end(Lesson lesson) {
        return lesson.frame(lesson.size() - 1).step().state();
    }

    @Test
    void socketFailsOnFlagsBeforeAllocatingOnTheFamilyAfterSockAllocAndRunsOutOfNumbersAndMemory() throws LessonParseException {
        Lesson lesson = compile("// limit: 4", "// memory: 4 KiB",
                "socket(45, SOCK_RAW, 0);", "socket(AF_INET, SOCK_STREAM | 0x40, 0);",
                "socket(AF_INET, SOCK_RDM, 0);", "socket(AF_INET, SOCK_STREAM, IPPROTO_UDP);",
                "socket(AF_INET, SOCK_RAW, IPPROTO_RAW);", "socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);",
                "socket(AF_INET, SOCK_STREAM, 0);", "socket(AF_INET, SOCK_DGRAM, 0);", "socket(AF_INET, SOCK_DGRAM, 0);");

        assertThat(results(lesson)).containsExactly("4242 socket → EAFNOSUPPORT", "4242 socket → EINVAL",
                "4242 socket → ESOCKTNOSUPPORT", "4242 socket → EPROTONOSUPPORT", "4242 socket → EPERM",
                "4242 socket → EACCES", "4242 socket → 3", "4242 socket → ENOMEM", "4242 socket → ENOMEM");
        List<Step> ends = returns(lesson);
        assertThat(ends.subList(0, 5)).extracting(Step::stage).as("the family refuses after sock_alloc, but the flags")
                .containsExactly(Stage.RELEASE_SOCKET, Stage.CHECK_ARGUMENTS, Stage.RELEASE_SOCKET, Stage.RELEASE_SOCKET,
                        Stage.RELEASE_SOCKET);
        assertThat(ends.get(5).stage()).as("after its memory was taken").isEqualTo(Stage.INIT_CONTROL_BLOCK);
        assertThat(results(compile("// limit: 4", "socket(AF_INET, SOCK_STREAM, 0);", "socket(AF_INET, SOCK_STREAM, 0);")))
                .containsExactly("4242 socket → 3", "4242 socket → EMFILE");
    }

    @Test
    void closeFreesTheNumberAndTheLastOneTheMemory() throws LessonParseException {
        Lesson lesson = compile("int a = socket(AF_INET, SOCK_STREAM, 0);", "int b = dup(a);", "close(a);",
                "close(b);", "close(b);");

        assertThat(results(lesson)).containsExactly("4242 socket → 3", "4242 dup → 4", "4242 close → 0",
                "4242 close → 0", "4242 close → EBADF");
        assertThat(returns(lesson).get(2).state().memory().used()).isEqualTo(3584);
        assertThat(returns(lesson).get(3).state().memory().used()).isZero();
    }

    @Test
    void bindSetsTheAddressOnceWithItsErrnos() throws LessonParseException {
        Lesson lesson = compile("int a = socket(AF_INET, SOCK_STREAM, 0);", "int b = socket(AF_INET, SOCK_STREAM, 0);",
                "bind(a, \"127.0.0.1:0\");", "bind(a, \"127.0.0.1:8080\");", "bind(b, \"127.0.0.1:80\");",
                "bind(b, \"192.0.2.1:8080\");", "bind(b, \"0.0.0.0:8080\");", "int c = socket(AF_INET, SOCK_STREAM, 0);",
                "bind(c, \"127.0.0.1:8080\");");

        assertThat(results(lesson)).containsExactly("4242 socket → 3", "4242 socket → 4", "4242 bind → 0",
                "4242 bind → EINVAL", "4242 bind → EACCES", "4242 bind → EADDRNOTAVAIL", "4242 bind → 0",
                "4242 socket → 5", "4242 bind → EADDRINUSE");
        assertThat(returns(lesson).get(2).state().socketOf(4242, 3).local().port())
                .isBetween(Network.FIRST_EPHEMERAL_PORT, Network.LAST_EPHEMERAL_PORT);
        assertThat(results(compile("// privileges: root", "int a = socket(AF_INET, SOCK_STREAM, 0);",
                "bind(a, \"127.0.0.1:80\");"))).containsExactly("4242 socket → 3", "4242 bind → 0");
    }

    @Test
    void listenTurnsTcpToListenAndBindsAnUnboundSocketButNotUdp() throws LessonParseException {
        Lesson lesson = compile("int t = socket(AF_INET, SOCK_STREAM, 0);", "int u = socket(AF_INET, SOCK_DGRAM, 0);",
                "listen(t, 5);", "listen(u, 5);");

        assertThat(results(lesson)).endsWith("4242 listen → 0", "4242 listen → EOPNOTSUPP");
        assertThat(end(lesson).socketOf(4242, 3).tcpState()).isEqualTo(TcpState.TCP_LISTEN);
        assertThat(end(lesson).socketOf(4242, 3).local().port()).isNotZero();
    }

    @Test
    void connectPicksAPortSendsTheSynAndNeedsAListenerOnThisMachine() throws LessonParseException {
        Lesson lesson = compile("int a = socket(AF_INET, SOCK_STREAM, 0);", "connect(a, \"127.0.0.1:8080\");",
                "connect(a, \"198.51.100.7:443\");", "int b = socket(AF_INET6, SOCK_STREAM | SOCK_NONBLOCK, 0);",
                "connect(b, \"[2001:db8::1]:443\");", "int u = socket(AF_INET, SOCK_DGRAM, 0);",
                "connect(u, \"10.0.0.9:53\");");

        assertThat(results(lesson)).containsExactly("4242 socket → 3", "4242 connect → ECONNREFUSED",
                "4242 connect → 0", "4242 socket → 4", "4242 connect → EINPROGRESS", "4242 socket → 5",
                "4242 connect → 0");
        KernelState end = end(lesson);
        assertThat(end.socketOf(4242, 3).tcpState()).isEqualTo(TcpState.TCP_ESTABLISHED);
        assertThat(end.socketOf(4242, 3).local().port()).isBetween(Network.FIRST_EPHEMERAL_PORT,
                Network.LAST_EPHEMERAL_PORT);
        assertThat(end.socketOf(4242, 4).tcpState()).as("never completes").isEqualTo(TcpState.TCP_SYN_SENT);
        assertThat(end.socketOf(4242, 5).packetsSent()).as("UDP connect sends nothing").isZero();
    }

    @Test
    void acceptTakesTheOldestConnectionWaitsWithNoneAndAccept4SetsFlags() throws LessonParseException {
        Lesson lesson = compile("int srv = socket(AF_INET, SOCK_STREAM, 0);", "bind(srv, \"127.0.0.1:7000\");",
                "listen(srv, 4);", "int c = socket(AF_INET, SOCK_STREAM, 0);", "connect(c, \"127.0.0.1:7000\");",
                "int a = accept4(srv, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);", "int w = accept(srv);",
                "close(w);", "int n = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);", "listen(n, 1);",
                "accept(n);");

        assertThat(results(lesson)).containsSubsequence("4242 accept4 → 5", "4242 accept → waits",
                "4242 close → EBADF", "4242 accept → EAGAIN");
        KernelState end = end(lesson);
        assertThat(end.fileOf(4242, 5).nonBlocking()).isTrue();
        assertThat(end.tableOf(4242).get(5).closeOnExec()).isTrue();
        assertThat(end.socketOf(4242, 3).tcpState()).as("keeps listening").isEqualTo(TcpState.TCP_LISTEN);
    }

    @Test
    void sendNeedsAConnectionAndSendtoJustSends() throws LessonParseException {
        Lesson lesson = compile("int srv = socket(AF_INET, SOCK_STREAM, 0);", "listen(srv, 1);",
                "int t = socket(AF_INET, SOCK_STREAM, 0);", "send(t, \"x\", 1, MSG_NOSIGNAL);", "int u = socket(AF_INET, SOCK_DGRAM, 0);",
                "send(u, \"x\");", "sendto(u, \"hello\", 3, 0, \"192.0.2.5:9\");");

        assertThat(results(lesson)).endsWith("4242 send → EPIPE", "4242 socket → 5", "4242 send → EDESTADDRREQ",
                "4242 sendto → 3");
        assertThat(end(lesson).socketOf(4242, 5).local().port()).isBetween(Network.FIRST_EPHEMERAL_PORT,
                Network.LAST_EPHEMERAL_PORT);
    }

    @Test
    void shutdownNeedsAConnectionAndDup2ReplacesAnOpenNumberBelowTheLimit() throws LessonParseException {
        Lesson lesson = compile("// limit: 10", "int a = socket(AF_INET, SOCK_STREAM, 0);", "shutdown(a, SHUT_RDWR);",
                "int u = socket(AF_INET, SOCK_DGRAM, 0);", "dup2(a, u);", "dup2(a, 10);", "int d = dup(a);");

        assertThat(results(lesson)).containsExactly("4242 socket → 3", "4242 shutdown → ENOTCONN", "4242 socket → 4",
                "4242 dup2 → 4", "4242 dup2 → EBADF", "4242 dup → 5");
        KernelState end = end(lesson);
        assertThat(end.socketOf(4242, 4).id()).as("4 now leads to the TCP socket").isEqualTo(end.socketOf(4242, 3).id());
        assertThat(end.sockets().size()).as("the UDP socket behind the old 4 is gone").isOne();
    }
}
