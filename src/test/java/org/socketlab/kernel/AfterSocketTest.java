// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socketlab.kernel.AddressFamily.AF_INET;
import static org.socketlab.kernel.SocketType.SOCK_DGRAM;
import static org.socketlab.kernel.SocketType.SOCK_STREAM;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What comes after socket(): bind, listen, connect, accept, send, shutdown, dup, fork, exit. */
class AfterSocketTest {
    private static final int PID = MachineSetup.DEFAULT.pid();
    private KernelState state = KernelState.boot(MachineSetup.DEFAULT);

    private static Endpoint v4(String address, int port) {
        return new Endpoint(AF_INET, address, port);
    }

    private Step run(int pid, Syscall call) {
        List<Step> steps = Kernel.execute(state, pid, call);
        Step last = steps.get(steps.size() - 1);
        state = last.state();
        return last;
    }

    private Step run(Syscall call) {
        return run(PID, call);
    }

    private int socket(SocketType type) {
        return ((Outcome.Success) run(new Syscall.Socket(AF_INET, type, 0)).outcome()).value();
    }

    private ControlBlock sock(int fd) {
        return state.socketOf(PID, fd);
    }

    @Test
    void bindWritesTheLocalAddressAndASecondBindIsEinval() {
        int fd = socket(SOCK_STREAM);

        assertThat(run(new Syscall.Bind(fd, v4("127.0.0.1", 8080))).outcome()).isEqualTo(new Outcome.Success(0));
        assertThat(sock(fd).local()).hasToString("127.0.0.1:8080");
        assertThat(run(new Syscall.Bind(fd, v4("127.0.0.1", 8081))).outcome())
                .isEqualTo(new Outcome.Failure(Errno.EINVAL));
    }

    @Test
    void aPortHeldByAnotherSocketIsInUseButUdpHasItsOwnPorts() {
        int a = socket(SOCK_STREAM);
        int b = socket(SOCK_STREAM);
        int u = socket(SOCK_DGRAM);
        run(new Syscall.Bind(a, v4("0.0.0.0", 8080)));

        assertThat(run(new Syscall.Bind(b, v4("127.0.0.1", 8080))).outcome())
                .isEqualTo(new Outcome.Failure(Errno.EADDRINUSE));
        assertThat(run(new Syscall.Bind(u, v4("127.0.0.1", 8080))).outcome()).isEqualTo(new Outcome.Success(0));
    }

    @Test
    void lowPortsNeedPrivilegeAndForeignAddressesAreNotAvailable() {
        int fd = socket(SOCK_STREAM);
        assertThat(run(new Syscall.Bind(fd, v4("127.0.0.1", 80))).outcome())
                .isEqualTo(new Outcome.Failure(Errno.EACCES));
        assertThat(run(new Syscall.Bind(fd, v4("8.8.8.8", 8080))).outcome())
                .isEqualTo(new Outcome.Failure(Errno.EADDRNOTAVAIL));

        state = KernelState.boot(MachineSetup.DEFAULT.withCredentials(Credentials.ROOT));
        int rootFd = socket(SOCK_STREAM);
        assertThat(run(new Syscall.Bind(rootFd, v4("127.0.0.1", 80))).outcome()).isEqualTo(new Outcome.Success(0));
    }

    @Test
    void bindToPortZeroTakesAnOddEphemeralPort() {
        int fd = socket(SOCK_STREAM);
        run(new Syscall.Bind(fd, v4("127.0.0.1", 0)));

        int port = sock(fd).local().port();
        assertThat(port).isBetween(Network.FIRST_EPHEMERAL_PORT, Network.LAST_EPHEMERAL_PORT);
        assertThat(port % 2).isEqualTo(1);
    }

    @Test
    void listenTurnsTcpCloseIntoListenAndUdpCannotListen() {
        int fd = socket(SOCK_STREAM);
        int udp = socket(SOCK_DGRAM);

        run(new Syscall.Listen(fd, 8));

        assertThat(sock(fd).tcpState()).isEqualTo(TcpState.TCP_LISTEN);
        assertThat(sock(fd).backlog()).isEqualTo(8);
        assertThat(sock(fd).local().port()).as("listen autobinds").isNotZero();
        assertThat(run(new Syscall.Listen(udp, 1)).outcome()).isEqualTo(new Outcome.Failure(Errno.EOPNOTSUPP));
    }

    @Test
    void connectToAPortNobodyListensOnIsRefusedAfterTheSyn() {
        int fd = socket(SOCK_STREAM);

        List<Step> steps = Kernel.execute(state, PID, new Syscall.Connect(fd, v4("127.0.0.1", 80)));

        assertThat(steps).extracting(Step::stage).containsExactly(Stage.AUTOBIND, Stage.SEND_SYN, Stage.ESTABLISH);
        assertThat(steps.get(1).state().socketOf(PID, fd).tcpState()).isEqualTo(TcpState.TCP_SYN_SENT);
        assertThat(steps.get(1).state().socketOf(PID, fd).packetsSent()).as("the SYN is the first packet").isOne();
        Step last = steps.get(2);
        assertThat(last.outcome()).isEqualTo(new Outcome.Failure(Errno.ECONNREFUSED));
        assertThat(last.state().socketOf(PID, fd).tcpState()).isEqualTo(TcpState.TCP_CLOSE);
    }

    @Test
    void aClientConnectsAndAcceptHandsTheServerANewSocketAndTicket() {
        int server = socket(SOCK_STREAM);
        run(new Syscall.Bind(server, v4("127.0.0.1", 8080)));
        run(new Syscall.Listen(server, 8));
        int client = socket(SOCK_STREAM);

        Step connected = run(new Syscall.Connect(client, v4("127.0.0.1", 8080)));

        assertThat(connected.outcome()).isEqualTo(new Outcome.Success(0));
        assertThat(sock(client).tcpState()).isEqualTo(TcpState.TCP_ESTABLISHED);
        assertThat(sock(client).socketState()).isEqualTo(SocketState.SS_CONNECTED);
        assertThat(sock(client).local().port() % 2).as("connect prefers even ports").isZero();
        assertThat(sock(server).acceptQueue()).hasSize(1);

        Step accepted = run(new Syscall.Accept(server, 0, false));

        assertThat(accepted.outcome()).isEqualTo(new Outcome.Success(5));
        ControlBlock connection = sock(5);
        assertThat(connection.id()).isNotEqualTo(sock(server).id());
        assertThat(connection.local()).hasToString("127.0.0.1:8080");
        assertThat(connection.remote()).isEqualTo(sock(client).local());
        assertThat(sock(server).tcpState()).as("the listener keeps listening").isEqualTo(TcpState.TCP_LISTEN);
        assertThat(sock(server).acceptQueue()).isEmpty();
    }

    @Test
    void theAcceptedSocketTakesItsFlagsFromAccept4NotFromTheListener() {
        int server = ((Outcome.Success) run(new Syscall.Socket(AF_INET.number(),
                SOCK_STREAM.number() | SocketFlag.SOCK_NONBLOCK.bit(), 0)).outcome()).value();
        run(new Syscall.Bind(server, v4("127.0.0.1", 8080)));
        run(new Syscall.Listen(server, 8));
        int client = socket(SOCK_STREAM);
        run(new Syscall.Connect(client, v4("127.0.0.1", 8080)));
        assertThat(state.sockets().values()).filteredOn(s -> s.id() != sock(server).id() && s.id() != sock(client).id())
                .singleElement().extracting(ControlBlock::flags).as("queued, never given flags")
                .isEqualTo(Set.of());

        int fd = ((Outcome.Success) run(new Syscall.Accept(server, SocketFlag.SOCK_CLOEXEC.bit(), true)).outcome())
                .value();

        assertThat(sock(fd).flags()).containsExactly(SocketFlag.SOCK_CLOEXEC);
        assertThat(state.fileOf(PID, fd).nonBlocking()).as("O_NONBLOCK is the listener's file's, not inherited")
                .isFalse();
        assertThat(state.tableOf(PID).get(fd).closeOnExec()).isTrue();
    }

    @Test
    void acceptWithNothingQueuedWaitsOrSaysEagain() {
        int server = socket(SOCK_STREAM);
        run(new Syscall.Listen(server, 1));
        assertThat(run(new Syscall.Accept(server, 0, false)).outcome()).isEqualTo(Outcome.BLOCKED);

        int nonBlocking = ((Outcome.Success) run(new Syscall.Socket(AF_INET.number(),
                SOCK_STREAM.number() | SocketFlag.SOCK_NONBLOCK.bit(), 0)).outcome()).value();
        run(new Syscall.Listen(nonBlocking, 1));
        assertThat(run(new Syscall.Accept(nonBlocking, 0, false)).outcome())
                .isEqualTo(new Outcome.Failure(Errno.EAGAIN));
    }

    @Test
    void aNonBlockingConnectSaysEinprogressAfterTheSyn() {
        int fd = ((Outcome.Success) run(new Syscall.Socket(AF_INET.number(),
                SOCK_STREAM.number() | SocketFlag.SOCK_NONBLOCK.bit(), 0)).outcome()).value();

        Step last = run(new Syscall.Connect(fd, v4("93.184.216.34", 80)));

        assertThat(last.stage()).isEqualTo(Stage.SEND_SYN);
        assertThat(last.outcome()).isEqualTo(new Outcome.Failure(Errno.EINPROGRESS));
        assertThat(sock(fd).tcpState()).isEqualTo(TcpState.TCP_SYN_SENT);
    }

    @Test
    void tcpSendNeedsAConnectionUdpSendtoAutobindsAndDelivers() {
        // traces/after-socket-errors.strace and traces/lifecycle.strace
        int tcp = socket(SOCK_STREAM);
        assertThat(run(new Syscall.Send("send", tcp, 1, null, Syscall.Send.MSG_NOSIGNAL)).outcome())
                .isEqualTo(new Outcome.Failure(Errno.EPIPE));
        int udp = socket(SOCK_DGRAM);
        assertThat(run(new Syscall.Send("send", udp, 1, null)).outcome())
                .isEqualTo(new Outcome.Failure(Errno.EDESTADDRREQ));
        int receiver = socket(SOCK_DGRAM);
        run(new Syscall.Bind(receiver, v4("127.0.0.1", 9000)));

        List<Step> steps = Kernel.execute(state, PID, new Syscall.Send("sendto", udp, 5, v4("127.0.0.1", 9000)));
        state = steps.get(steps.size() - 1).state();

        assertThat(steps).extracting(Step::stage).containsExactly(Stage.AUTOBIND, Stage.SEND_DATA);
        assertThat(steps.get(1).outcome()).isEqualTo(new Outcome.Success(5));
        assertThat(sock(udp).local().port()).isBetween(Network.FIRST_EPHEMERAL_PORT, Network.LAST_EPHEMERAL_PORT);
        assertThat(sock(receiver).receiveQueued()).isEqualTo(5);
        assertThat(sock(udp).tcpState()).as("UDP never connected").isEqualTo(TcpState.TCP_CLOSE);
    }

    @Test
    void shutdownSendsAFinAndThePeerSeesCloseWait() {
        int server = socket(SOCK_STREAM);
        run(new Syscall.Listen(server, 4));
        int client = socket(SOCK_STREAM);
        run(new Syscall.Connect(client, v4("127.0.0.1", sock(server).local().port())));
        int connection = ((Outcome.Success) run(new Syscall.Accept(server, 0, false)).outcome()).value();
        run(new Syscall.Send("send", client, 11, null));
        assertThat(sock(connection).receiveQueued()).isEqualTo(11);

        run(new Syscall.Shutdown(client, 1));

        assertThat(sock(client).tcpState()).isEqualTo(TcpState.TCP_FIN_WAIT2);
        assertThat(sock(connection).tcpState()).isEqualTo(TcpState.TCP_CLOSE_WAIT);
        assertThat(run(new Syscall.Send("send", client, 1, null)).outcome())
                .isEqualTo(new Outcome.Failure(Errno.EPIPE));
    }

    @Test
    void dupGivesASecondTicketAndTheSocketLivesUntilTheLastIsClosed() {
        int fd = socket(SOCK_STREAM);
        long used = state.memory().used();

        assertThat(run(new Syscall.Dup(fd)).outcome()).isEqualTo(new Outcome.Success(4));
        assertThat(sock(4)).isSameAs(sock(3));
        List<Step> firstClose = Kernel.execute(state, PID, new Syscall.Close(3));
        state = firstClose.get(firstClose.size() - 1).state();

        assertThat(firstClose).hasSize(1);
        assertThat(state.memory().used()).isEqualTo(used);
        assertThat(Kernel.execute(state, PID, new Syscall.Close(4))).extracting(Step::stage)
                .containsExactly(Stage.CLOSE_DESCRIPTOR, Stage.RELEASE_SOCKET);
    }

    @Test
    void dup2ClosesWhatWasInTheTargetDrawer() {
        int a = socket(SOCK_STREAM);
        int b = socket(SOCK_DGRAM);

        assertThat(run(new Syscall.Dup2(a, b)).outcome()).isEqualTo(new Outcome.Success(b));

        assertThat(sock(b)).isEqualTo(sock(a));
        assertThat(state.sockets().size()).as("the UDP socket was released").isOne();
        assertThat(run(new Syscall.Dup2(a, 5000)).outcome()).isEqualTo(new Outcome.Failure(Errno.EBADF));
    }

    @Test
    void forkedChildrenGetTheSameNumbersFromTheirOwnCabinet() {
        int fd = socket(SOCK_STREAM);
        run(new Syscall.Fork(5000, "child", false));

        assertThat(state.tableOf(5000).isOpen(fd)).isTrue();
        assertThat(state.fileOf(5000, fd)).isEqualTo(state.fileOf(PID, fd));
        assertThat(state.fileOf(PID, fd).references()).isEqualTo(2);

        Step parentNext = run(PID, new Syscall.Socket(AF_INET, SOCK_STREAM, 0));
        Step childNext = run(5000, new Syscall.Socket(AF_INET, SOCK_STREAM, 0));

        assertThat(parentNext.outcome()).isEqualTo(new Outcome.Success(4));
        assertThat(childNext.outcome()).as("the child's own table").isEqualTo(new Outcome.Success(4));
        assertThat(state.socketOf(PID, 4)).isNotEqualTo(state.socketOf(5000, 4));
    }

    @Test
    void threadsShareOneCabinet() {
        run(new Syscall.Fork(5001, "worker", true));

        Step threadSocket = run(5001, new Syscall.Socket(AF_INET, SOCK_STREAM, 0));
        Step mainSocket = run(PID, new Syscall.Socket(AF_INET, SOCK_STREAM, 0));

        assertThat(threadSocket.outcome()).isEqualTo(new Outcome.Success(3));
        assertThat(mainSocket.outcome()).isEqualTo(new Outcome.Success(4));
    }

    @Test
    void exitClosesEverythingAndGivesTheMemoryBack() {
        socket(SOCK_STREAM);
        run(new Syscall.Fork(5000, "child", false));
        run(5000, new Syscall.Socket(AF_INET, SOCK_DGRAM, 0));

        run(5000, new Syscall.Exit(0));
        assertThat(state.hasProcess(5000)).isFalse();
        assertThat(state.sockets().size()).as("the parent still holds the TCP socket").isOne();
        run(PID, new Syscall.Exit(0));

        assertThat(state.memory().used()).isZero();
        assertThat(state.sockets().isEmpty()).isTrue();
        assertThat(state.files().isEmpty()).isTrue();
    }

    @Test
    void closingAListenerFreesTheConnectionsInItsQueueAndResetsTheClients() {
        int server = socket(SOCK_STREAM);
        run(new Syscall.Listen(server, 4));
        int client = socket(SOCK_STREAM);
        run(new Syscall.Connect(client, v4("127.0.0.1", sock(server).local().port())));

        run(new Syscall.Close(server));

        assertThat(state.sockets().size()).isOne();
        assertThat(sock(client).tcpState()).isEqualTo(TcpState.TCP_CLOSE);
        assertThat(sock(client).error()).isEqualTo(Errno.ECONNRESET);
        run(new Syscall.Close(client));
        assertThat(state.memory().used()).isZero();
    }

    @Test
    void setrlimitLowersTheLimitAndEmfileFollows() {
        run(new Syscall.SetLimit(4));
        assertThat(socket(SOCK_STREAM)).isEqualTo(3);

        assertThat(run(new Syscall.Socket(AF_INET, SOCK_STREAM, 0)).outcome())
                .isEqualTo(new Outcome.Failure(Errno.EMFILE));
    }
}
