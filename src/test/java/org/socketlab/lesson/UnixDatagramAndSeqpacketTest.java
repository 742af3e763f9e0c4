// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketlab.kernel.KernelState;
import org.socketlab.kernel.Step;
import org.socketlab.kernel.TcpState;

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
    void aDatagramPairIsEstablishedOnBothSidesAndTheSurvivorOfAClosedPeerUntilItsSendIsRefused() throws Exception {
        Lesson lesson = Compiled.compile(
                "int sv[2];",
                "socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);",
                "close(sv[1]);",
                "send(sv[0], \"x\", 1, MSG_NOSIGNAL);");
        List<Step> returns = Compiled.returns(lesson);

        // kernel-truth/unix-dgram-states: /proc/net/unix says St 03 for both, 03 after the close, 01 after the send
        KernelState paired = returns.get(2).state();
        assertThat(paired.socketOf(4242, 3).tcpState()).isEqualTo(TcpState.TCP_ESTABLISHED);
        assertThat(paired.socketOf(4242, 4).tcpState()).isEqualTo(TcpState.TCP_ESTABLISHED);
        assertThat(returns.get(3).state().socketOf(4242, 3).tcpState()).isEqualTo(TcpState.TCP_ESTABLISHED);
        assertThat(returns.get(4).state().socketOf(4242, 3).tcpState()).isEqualTo(TcpState.TCP_CLOSE);
    }

    @Test
    void connectMakesBothTheConnectingSocketAndTheBoundOneEstablishedAndConnectingElsewhereFreesTheFirst()
            throws Exception {
        Lesson lesson = Compiled.compile(
                "struct sockaddr_un a = {0};",
                "a.sun_family = AF_UNIX;",
                "strcpy(a.sun_path, \"a.sock\");",
                "struct sockaddr_un b = {0};",
                "b.sun_family = AF_UNIX;",
                "strcpy(b.sun_path, \"b.sock\");",
                "int s = socket(AF_UNIX, SOCK_DGRAM, 0);",
                "bind(s, (struct sockaddr *)&a, sizeof a);",
                "int t = socket(AF_UNIX, SOCK_DGRAM, 0);",
                "bind(t, (struct sockaddr *)&b, sizeof b);",
                "int c = socket(AF_UNIX, SOCK_DGRAM, 0);",
                "sendto(c, \"one\", 3, 0, (struct sockaddr *)&a, sizeof a);",
                "connect(c, (struct sockaddr *)&a, sizeof a);",
                "connect(c, (struct sockaddr *)&b, sizeof b);",
                "close(c);");
        List<Step> returns = Compiled.returns(lesson);

        // kernel-truth/unix-dgram-states, the same calls: s 3, t 4, c 5
        KernelState sent = returns.get(5).state();
        assertThat(List.of(sent.socketOf(4242, 3).tcpState(), sent.socketOf(4242, 5).tcpState()))
                .containsOnly(TcpState.TCP_CLOSE);
        KernelState connected = returns.get(6).state();
        assertThat(connected.socketOf(4242, 5).tcpState()).isEqualTo(TcpState.TCP_ESTABLISHED);
        assertThat(connected.socketOf(4242, 3).tcpState()).as("the bound socket").isEqualTo(TcpState.TCP_ESTABLISHED);
        KernelState elsewhere = returns.get(7).state();
        assertThat(elsewhere.socketOf(4242, 3).tcpState()).as("the old peer").isEqualTo(TcpState.TCP_CLOSE);
        assertThat(elsewhere.socketOf(4242, 4).tcpState()).as("the new peer").isEqualTo(TcpState.TCP_ESTABLISHED);
        assertThat(returns.get(8).state().socketOf(4242, 4).tcpState()).as("after the connecting socket's close")
                .isEqualTo(TcpState.TCP_ESTABLISHED);
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
