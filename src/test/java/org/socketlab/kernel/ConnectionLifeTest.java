// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socketlab.kernel.AddressFamily.AF_INET;
import static org.socketlab.kernel.SocketType.SOCK_STREAM;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The life of a TCP connection after the handshake, as the real kernel lives it
 * (src/test/resources/kernel-truth: tcp-data-and-fin, tcp-reset): data queues and drains, the
 * side that closes first sends a FIN and ends in TIME_WAIT, the other reads 0 in CLOSE_WAIT;
 * unread data or SO_LINGER 0 turn the FIN into an RST.
 */
class ConnectionLifeTest {
    private static final int PID = MachineSetup.DEFAULT.pid();
    private static final int TCP_SOCK = KernelObjectSizes.protocolBytes("TCP");
    private KernelState state = KernelState.boot(MachineSetup.DEFAULT);
    private List<Step> lastSteps;

    private Step run(Syscall call) {
        lastSteps = Kernel.execute(state, PID, call);
        Step last = lastSteps.get(lastSteps.size() - 1);
        state = last.state();
        return last;
    }

    private int value(Syscall call) {
        return ((Outcome.Success) run(call).outcome()).value();
    }

    private ControlBlock sock(int fd) {
        return state.socketOf(PID, fd);
    }

    private Outcome recv(int fd, int length) {
        return run(new Syscall.Receive("recv", fd, length, 0)).outcome();
    }

    /** listener, client and the server's side of their connection: {listener, client, server}. */
    private int[] connected(int port) {
        int listener = value(new Syscall.Socket(AF_INET, SOCK_STREAM, 0));
        run(new Syscall.Bind(listener, new Endpoint(AF_INET, "127.0.0.1", port)));
        run(new Syscall.Listen(listener, 5));
        int client = value(new Syscall.Socket(AF_INET, SOCK_STREAM, 0));
        run(new Syscall.Connect(client, new Endpoint(AF_INET, "127.0.0.1", port)));
        int server = value(new Syscall.Accept(listener, 0, false));
        return new int[] {listener, client, server};
    }

    private List<ControlBlock> orphans() {
        return state.sockets().values().stream().filter(ControlBlock::orphan).toList();
    }

    @Test
    void queuedBytesDrainAsTheyAreReadAndAnEmptyQueueIsEagainOnlyForACallThatMustNotWait() {
        int[] fds = connected(8080);
        int client = fds[1];
        int server = fds[2];
        run(new Syscall.Send("send", client, 13, null));
        assertThat(sock(server).receiveQueued()).isEqualTo(13);

        assertThat(recv(server, 5)).isEqualTo(new Outcome.Success(5));
        assertThat(run(new Syscall.Receive("read", server, 64, 0)).outcome()).isEqualTo(new Outcome.Success(8));
        assertThat(sock(server).receiveQueued()).isZero();
        assertThat(run(new Syscall.Receive("recv", server, 64, Syscall.Receive.MSG_DONTWAIT)).outcome())
                .isEqualTo(new Outcome.Failure(Errno.EAGAIN));
        assertThat(recv(server, 64)).isEqualTo(Outcome.BLOCKED);
        assertThat(run(new Syscall.Receive("recv", server, 64, Syscall.Receive.MSG_PEEK)).outcome())
                .isEqualTo(Outcome.BLOCKED);
    }

    @Test
    void peekingLeavesTheBytesQueued() {
        int[] fds = connected(8080);
        run(new Syscall.Send("send", fds[1], 4, null));
        assertThat(run(new Syscall.Receive("recv", fds[2], 64, Syscall.Receive.MSG_PEEK)).outcome())
                .isEqualTo(new Outcome.Success(4));
        assertThat(recv(fds[2], 64)).isEqualTo(new Outcome.Success(4));
    }

    @Test
    void theSideThatClosesFirstIsAnOrphanInFinWait2AndThePeerReadsZeroInCloseWait() {
        int[] fds = connected(8080);
        int client = fds[1];
        int server = fds[2];
        int clientId = sock(client).id();
        long before = state.memory().used();

        run(new Syscall.Close(client));

        assertThat(lastSteps).extracting(Step::stage).containsExactly(Stage.CLOSE_DESCRIPTOR, Stage.RELEASE_SOCKET,
                Stage.SEND_FIN);
        ControlBlock orphan = state.sockets().get(clientId);
        assertThat(orphan.orphan()).isTrue();
        assertThat(orphan.tcpState()).isEqualTo(TcpState.TCP_FIN_WAIT2);
        assertThat(orphan.memoryBytes()).isEqualTo(TCP_SOCK);
        assertThat(before - state.memory().used()).as("socket, inode, file and dentry go back")
                .isEqualTo(KernelObjectSizes.SOCKET_INODE + KernelObjectSizes.FILE + KernelObjectSizes.DENTRY);
        assertThat(sock(server).tcpState()).isEqualTo(TcpState.TCP_CLOSE_WAIT);
        assertThat(recv(server, 64)).isEqualTo(new Outcome.Success(0));
        assertThat(recv(server, 64)).as("as often as asked").isEqualTo(new Outcome.Success(0));
    }

    @Test
    void whenTheOtherSideClosesTooTheFirstLeavesATimeWaitSockAndTheOtherIsGone() {
        int[] fds = connected(8080);
        run(new Syscall.Close(fds[1]));
        int serverId = sock(fds[2]).id();

        run(new Syscall.Close(fds[2]));

        assertThat(lastSteps).extracting(Step::stage).containsExactly(Stage.CLOSE_DESCRIPTOR, Stage.RELEASE_SOCKET,
                Stage.SEND_FIN, Stage.RELEASE_SOCKET);
        assertThat(state.sockets().get(serverId)).as("LAST_ACK, then the ACK: gone").isNull();
        assertThat(orphans()).singleElement().satisfies(tw -> {
            assertThat(tw.tcpState()).isEqualTo(TcpState.TCP_TIME_WAIT);
            assertThat(tw.slab()).isEqualTo("tw_sock_TCP");
            assertThat(tw.memoryBytes()).isEqualTo(256);
            assertThat(tw.local().port()).isNotEqualTo(8080);
            assertThat(tw.remote()).hasToString("127.0.0.1:8080");
        });
        run(new Syscall.Close(fds[0]));
        assertThat(state.memory().used()).as("only the TIME_WAIT sock is left").isEqualTo(256);
    }

    @Test
    void closingWithUnreadDataSendsAResetThePeerReadsEconnresetOnceThenZeroAndCannotSend() {
        int[] fds = connected(8080);
        int client = fds[1];
        int server = fds[2];
        run(new Syscall.Send("send", client, 10, null));

        run(new Syscall.Close(server));

        assertThat(lastSteps).extracting(Step::stage).containsExactly(Stage.CLOSE_DESCRIPTOR, Stage.RELEASE_SOCKET,
                Stage.SEND_RESET);
        assertThat(orphans()).as("no FIN_WAIT, no TIME_WAIT").isEmpty();
        assertThat(sock(client).tcpState()).isEqualTo(TcpState.TCP_CLOSE);
        assertThat(recv(client, 64)).isEqualTo(new Outcome.Failure(Errno.ECONNRESET));
        assertThat(recv(client, 64)).isEqualTo(new Outcome.Success(0));
        assertThat(run(new Syscall.Send("send", client, 1, null)).outcome())
                .isEqualTo(new Outcome.Failure(Errno.EPIPE));
    }

    @Test
    void closingAListenerResetsTheConnectionStillInItsQueue() {
        int listener = value(new Syscall.Socket(AF_INET, SOCK_STREAM, 0));
        run(new Syscall.Bind(listener, new Endpoint(AF_INET, "127.0.0.1", 8082)));
        run(new Syscall.Listen(listener, 5));
        int client = value(new Syscall.Socket(AF_INET, SOCK_STREAM, 0));
        run(new Syscall.Connect(client, new Endpoint(AF_INET, "127.0.0.1", 8082)));

        run(new Syscall.Close(listener));

        assertThat(lastSteps.get(lastSteps.size() - 1).narration().key()).isEqualTo("close.listener");
        assertThat(recv(client, 64)).isEqualTo(new Outcome.Failure(Errno.ECONNRESET));
    }

    @Test
    void writingToASocketWhoseApplicationClosedItIsAnsweredByAResetAndTheNextWriteIsEpipe() {
        int[] fds = connected(8080);
        int client = fds[1];
        run(new Syscall.Close(fds[2]));
        assertThat(sock(client).tcpState()).isEqualTo(TcpState.TCP_CLOSE_WAIT);

        assertThat(run(new Syscall.Send("write", client, 5, null)).outcome()).isEqualTo(new Outcome.Success(5));
        assertThat(orphans()).as("the orphan answered with an RST and is gone").isEmpty();
        assertThat(sock(client).tcpState()).isEqualTo(TcpState.TCP_CLOSE);
        assertThat(run(new Syscall.Send("write", client, 6, null)).outcome())
                .isEqualTo(new Outcome.Failure(Errno.EPIPE));
    }

    @Test
    void aConnectionThatNeverStartedIsFreedWhole() {
        int fd = value(new Syscall.Socket(AF_INET, SOCK_STREAM, 0));
        run(new Syscall.Close(fd));
        assertThat(lastSteps).extracting(Step::stage).containsExactly(Stage.CLOSE_DESCRIPTOR, Stage.RELEASE_SOCKET);
        assertThat(state.memory().used()).isZero();
        assertThat(state.sockets().size()).isZero();
    }

    @Test
    void exitEndsItsConnectionsAsCloseWould() {
        int[] fds = connected(8080);
        run(new Syscall.Send("send", fds[1], 3, null));
        run(new Syscall.Exit(0));
        assertThat(state.sockets().size()).as("every side is gone: the unread bytes reset the connection")
                .isZero();
        assertThat(state.memory().used()).isZero();
    }
}
