// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketlab.kernel.ControlBlock;

/**
 * Datagram and seqpacket sockets keep message boundaries: one send, one message; one receive, one
 * message. The answers are the kernel's, as kernel-truth/datagram-boundaries recorded them on this
 * machine (udp_recvmsg, unix_dgram_recvmsg, unix_seqpacket_recvmsg).
 */
class MessageBoundariesTest {
    private static final String[] UDP_PAIR = {
        "struct sockaddr_in addr = {0};",
        "addr.sin_family = AF_INET;",
        "addr.sin_port = htons(8080);",
        "addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);",
        "char buf[64];",
        "int r = socket(AF_INET, SOCK_DGRAM, 0);",
        "bind(r, (struct sockaddr *)&addr, sizeof addr);",
        "int u = socket(AF_INET, SOCK_DGRAM, 0);",
        "connect(u, (struct sockaddr *)&addr, sizeof addr);",
    };

    private static Lesson udp(String... lines) throws Exception {
        String[] all = new String[UDP_PAIR.length + lines.length];
        System.arraycopy(UDP_PAIR, 0, all, 0, UDP_PAIR.length);
        System.arraycopy(lines, 0, all, UDP_PAIR.length, lines.length);
        return Compiled.compile(all);
    }

    private static List<String> after(Lesson lesson, int calls) {
        List<String> results = Compiled.results(lesson);
        return results.subList(calls, results.size());
    }

    @Test
    void eachUdpReceiveTakesOneWholeDatagramPeekLeavesItAndAShortBufferLosesTheRest() throws Exception {
        Lesson lesson = udp(
                "send(u, \"hello\", 5, 0);",
                "send(u, \"xy\", 2, 0);",
                "send(u, \"\", 0, 0);",
                "send(u, \"abcdef\", 6, 0);",
                "send(u, \"last\", 4, 0);",
                "recv(r, buf, sizeof buf, MSG_PEEK);",
                "recv(r, buf, sizeof buf, 0);",
                "recv(r, buf, 1, 0);",
                "recv(r, buf, sizeof buf, 0);",
                "recv(r, buf, 2, MSG_TRUNC);",
                "read(r, buf, 0);",
                "recv(r, buf, 0, 0);",
                "recv(r, buf, sizeof buf, MSG_DONTWAIT);");

        assertThat(after(lesson, 9)).containsExactly("4242 recv → 5", "4242 recv → 5", "4242 recv → 1",
                "4242 recv → 0", "4242 recv → 6", "4242 read → 0", "4242 recv → 0", "4242 recv → EAGAIN");
    }

    @Test
    void theReceiversFormCountsTheMessagesAZeroLengthOneIncluded() throws Exception {
        Lesson lesson = udp("send(u, \"hello\", 5, 0);", "send(u, \"\", 0, 0);", "send(u, \"xy\", 2, 0);");

        ControlBlock receiver = lesson.frames().get(lesson.size() - 1).step().state().sockets().values().stream()
                .filter(s -> s.local().port() == 8080).findFirst().orElseThrow();
        assertThat(receiver.messages()).containsExactly(5, 0, 2);
        assertThat(receiver.receiveQueued()).isEqualTo(7);
    }

    @Test
    void unixDatagramAndSeqpacketPairsKeepBoundariesToo() throws Exception {
        Lesson lesson = Compiled.compile(
                "char buf[64];",
                "int sv[2];",
                "socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);",
                "write(sv[0], \"hello\", 5);",
                "send(sv[0], \"xy\", 2, 0);",
                "send(sv[0], \"\", 0, 0);",
                "read(sv[1], buf, sizeof buf);",
                "recv(sv[1], buf, 1, 0);",
                "recv(sv[1], buf, sizeof buf, 0);",
                "recv(sv[1], buf, sizeof buf, MSG_DONTWAIT);",
                "close(sv[0]);",
                "close(sv[1]);",
                "socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv);",
                "write(sv[0], \"hello\", 5);",
                "send(sv[0], \"xy\", 2, 0);",
                "send(sv[0], \"\", 0, 0);",
                "send(sv[0], \"abc\", 3, 0);",
                "recv(sv[1], buf, sizeof buf, MSG_PEEK);",
                "read(sv[1], buf, sizeof buf);",
                "recv(sv[1], buf, 1, 0);",
                "recv(sv[1], buf, sizeof buf, MSG_DONTWAIT);",
                "recv(sv[1], buf, 1, MSG_TRUNC);",
                "recv(sv[1], buf, sizeof buf, MSG_DONTWAIT);");

        // socketpair's own two sockets come first, as their third stages return 3 and 4
        assertThat(Compiled.results(lesson)).containsExactly("4242 socket → 3", "4242 socket → 4",
                "4242 socketpair → 0", "4242 write → 5",
                "4242 send → 2", "4242 send → 0", "4242 read → 5", "4242 recv → 1", "4242 recv → 0",
                "4242 recv → EAGAIN", "4242 close → 0", "4242 close → 0",
                "4242 socket → 3", "4242 socket → 4", "4242 socketpair → 0", "4242 write → 5", "4242 send → 2",
                "4242 send → 0", "4242 send → 3",
                "4242 recv → 5", "4242 read → 5", "4242 recv → 1", "4242 recv → 0", "4242 recv → 3",
                "4242 recv → EAGAIN");
    }

    @Test
    void aStreamStillTakesBytesAcrossSends() throws Exception {
        Lesson lesson = Compiled.compile(
                "char buf[64];",
                "int sv[2];",
                "socketpair(AF_UNIX, SOCK_STREAM, 0, sv);",
                "send(sv[0], \"hello\", 5, 0);",
                "send(sv[0], \"xy\", 2, 0);",
                "recv(sv[1], buf, 3, 0);",
                "recv(sv[1], buf, sizeof buf, 0);");

        assertThat(after(lesson, 3)).containsExactly("4242 send → 5", "4242 send → 2", "4242 recv → 3",
                "4242 recv → 4");
    }
}
