// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * AF_UNIX SOCK_DGRAM and SOCK_SEQPACKET behave as themselves, not as streams: the answers are the
 * kernel's, as kernel-truth/unix-dgram-seqpacket recorded them on this machine (unix_dgram_sendmsg,
 * unix_seqpacket_sendmsg/recvmsg, unix_release_sock).
 */
class UnixDatagramAndSeqpacketTest {

    @Test
    void aDatagramPairWhosePeerClosedReadsWhatIsLeftThenEagainAndItsSendsAreRefusedThenNotConnected()
            throws Exception {
        Lesson lesson = Compiled.compile(
                "char buf[64];",
                "int sv[2];",
                "socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);",
                "send(sv[1], \"back\", 4, 0);",
                "close(sv[1]);",
                "recv(sv[0], buf, sizeof buf, MSG_DONTWAIT);",
                "recv(sv[0], buf, sizeof buf, MSG_DONTWAIT);",
                "send(sv[0], \"late\", 4, MSG_NOSIGNAL);",
                "send(sv[0], \"late\", 4, MSG_NOSIGNAL);",
                "listen(sv[0], 5);");

        assertThat(Compiled.results(lesson)).endsWith("4242 send → 4", "4242 close → 0", "4242 recv → 4",
                "4242 recv → EAGAIN", "4242 send → ECONNREFUSED", "4242 send → ENOTCONN", "4242 listen → EOPNOTSUPP");
    }

    @Test
    void aSeqpacketPairWhosePeerClosedReadsWhatIsLeftThenZeroAndItsSendIsEpipeWithoutSigpipe() throws Exception {
        Lesson lesson = Compiled.compile(
                "char buf[64];",
                "int sq[2];",
                "socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sq);",
                "send(sq[1], \"back\", 4, 0);",
                "close(sq[1]);",
                "recv(sq[0], buf, sizeof buf, MSG_DONTWAIT);",
                "recv(sq[0], buf, sizeof buf, MSG_DONTWAIT);",
                "recv(sq[0], buf, sizeof buf, 0);",
                "send(sq[0], \"late\", 4, 0);",
                "close(sq[0]);");

        assertThat(Compiled.results(lesson)).as("no SIGPIPE: the process lives on to close()")
                .endsWith("4242 send → 4", "4242 close → 0", "4242 recv → 4", "4242 recv → 0", "4242 recv → 0",
                        "4242 send → EPIPE", "4242 close → 0");
    }

    @Test
    void aBoundDatagramSocketTakesDatagramsSentToItsPathAndItsCloseRefusesAConnectedSender() throws Exception {
        Lesson lesson = Compiled.compile(
                "char buf[64];",
                "struct sockaddr_un a = {0};",
                "a.sun_family = AF_UNIX;",
                "strcpy(a.sun_path, \"d.sock\");",
                "int d = socket(AF_UNIX, SOCK_DGRAM, 0);",
                "bind(d, (struct sockaddr *)&a, sizeof a);",
                "int c = socket(AF_UNIX, SOCK_DGRAM, 0);",
                "send(c, \"x\", 1, 0);",
                "sendto(c, \"one\", 3, 0, (struct sockaddr *)&a, sizeof a);",
                "sendto(c, \"two!\", 4, 0, (struct sockaddr *)&a, sizeof a);",
                "recv(d, buf, sizeof buf, 0);",
                "recv(d, buf, 2, 0);",
                "recv(d, buf, sizeof buf, MSG_DONTWAIT);",
                "connect(c, (struct sockaddr *)&a, sizeof a);",
                "send(c, \"c\", 1, 0);",
                "close(d);",
                "send(c, \"c\", 1, 0);",
                "send(c, \"c\", 1, 0);");

        assertThat(Compiled.results(lesson)).containsExactly("4242 socket → 3", "4242 bind → 0", "4242 socket → 4",
                "4242 send → ENOTCONN", "4242 sendto → 3", "4242 sendto → 4", "4242 recv → 3", "4242 recv → 2",
                "4242 recv → EAGAIN", "4242 connect → 0", "4242 send → 1", "4242 close → 0",
                "4242 send → ECONNREFUSED", "4242 send → ENOTCONN");
    }

    @Test
    void seqpacketListensAndAcceptsAndAnUnreadMessageAtCloseResetsThePeerOnce() throws Exception {
        Lesson lesson = Compiled.compile(
                "char buf[64];",
                "struct sockaddr_un p = {0};",
                "p.sun_family = AF_UNIX;",
                "strcpy(p.sun_path, \"p.sock\");",
                "int l = socket(AF_UNIX, SOCK_SEQPACKET, 0);",
                "bind(l, (struct sockaddr *)&p, sizeof p);",
                "listen(l, 5);",
                "int k = socket(AF_UNIX, SOCK_SEQPACKET, 0);",
                "send(k, \"x\", 1, MSG_NOSIGNAL);",
                "recv(k, buf, sizeof buf, MSG_DONTWAIT);",
                "connect(k, (struct sockaddr *)&p, sizeof p);",
                "int s = accept(l, NULL, NULL);",
                "send(k, \"one\", 3, 0);",
                "send(k, \"two\", 3, 0);",
                "recv(s, buf, sizeof buf, 0);",
                "recv(s, buf, sizeof buf, 0);",
                "send(k, \"to\", 2, 0);",
                "close(s);",
                "recv(k, buf, sizeof buf, 0);",
                "recv(k, buf, sizeof buf, 0);");

        assertThat(Compiled.results(lesson)).containsExactly("4242 socket → 3", "4242 bind → 0", "4242 listen → 0",
                "4242 socket → 4", "4242 send → ENOTCONN", "4242 recv → ENOTCONN", "4242 connect → 0",
                "4242 accept → 5", "4242 send → 3", "4242 send → 3", "4242 recv → 3", "4242 recv → 3",
                "4242 send → 2", "4242 close → 0", "4242 recv → ECONNRESET", "4242 recv → 0");
    }
}
