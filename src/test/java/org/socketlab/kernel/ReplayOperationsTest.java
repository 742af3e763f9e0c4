// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.socketlab.kernel.AddressFamily.AF_INET;
import static org.socketlab.kernel.AddressFamily.AF_UNIX;
import static org.socketlab.kernel.SocketType.SOCK_STREAM;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The operations a replayed trace needs: files in drawers, drawers filled out of sight,
 * socketpair(), a connection from a client the model does not see, a process that appears.
 */
class ReplayOperationsTest {
    private static final int PID = MachineSetup.DEFAULT.pid();
    private KernelState state = KernelState.boot(MachineSetup.DEFAULT);

    private List<Step> steps(int pid, Syscall call) {
        List<Step> steps = Kernel.execute(state, pid, call);
        state = steps.get(steps.size() - 1).state();
        return steps;
    }

    private Outcome run(Syscall call) {
        List<Step> steps = steps(PID, call);
        return steps.get(steps.size() - 1).outcome();
    }

    @Test
    void anOpenedFileTakesItsDrawerSoTheNextSocketGetsTheNextNumber() {
        assertThat(run(new Syscall.Open(3, FileKind.FILE, "/etc/hosts"))).isEqualTo(new Outcome.Success(3));
        assertThat(state.fileOf(PID, 3).name()).isEqualTo("/etc/hosts");
        assertThat(run(new Syscall.Socket(AF_INET, SOCK_STREAM, 0))).isEqualTo(new Outcome.Success(4));
        assertThat(run(new Syscall.Close(3))).isEqualTo(new Outcome.Success(0));
        assertThat(run(new Syscall.Socket(AF_INET, SOCK_STREAM, 0))).isEqualTo(new Outcome.Success(3));
    }

    @Test
    void aDrawerInUseOrOverTheLimitIsRefusedAndNothingChanges() {
        KernelState before = state;
        assertThat(run(new Syscall.Open(1, FileKind.FILE, "x"))).isEqualTo(new Outcome.Failure(Errno.EBADF));
        assertThat(run(new Syscall.Open(5000, FileKind.UNKNOWN, "?"))).isEqualTo(new Outcome.Failure(Errno.EMFILE));
        assertThat(state).isEqualTo(before);
        assertThatThrownBy(() -> new Syscall.Open(3, FileKind.SOCKET, "s")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void drawersOpenedOutOfSightFillEveryGapBelowANumberInOneStep() {
        run(new Syscall.Open(5, FileKind.FILE, "/a"));
        List<Step> steps = steps(PID, new Syscall.OpenedOutside(19));

        assertThat(steps).hasSize(1);
        assertThat(steps.get(0).outcome()).isEqualTo(new Outcome.Success(15));
        assertThat(state.tableOf(PID).lowestFree()).isEqualTo(19);
        assertThat(state.fileOf(PID, 3).kind()).isEqualTo(FileKind.UNKNOWN);
        assertThat(state.fileOf(PID, 5).name()).isEqualTo("/a");
        assertThat(run(new Syscall.Socket(AF_INET, SOCK_STREAM, 0))).isEqualTo(new Outcome.Success(19));
    }

    @Test
    void socketpairBuildsTwoSocketsInThreeStagesEachAndConnectsThem() {
        List<Step> steps = steps(PID, new Syscall.SocketPair(AF_UNIX.number(), SOCK_STREAM.number(), 0));

        assertThat(steps).extracting(Step::stage).containsExactly(Stage.ALLOCATE_MEMORY, Stage.INIT_CONTROL_BLOCK,
                Stage.ISSUE_DESCRIPTOR, Stage.ALLOCATE_MEMORY, Stage.INIT_CONTROL_BLOCK, Stage.ISSUE_DESCRIPTOR,
                Stage.ESTABLISH);
        assertThat(steps.get(6).outcome()).isEqualTo(new Outcome.Success(0));
        ControlBlock a = state.socketOf(PID, 3);
        ControlBlock b = state.socketOf(PID, 4);
        assertThat(a.peer()).isEqualTo(b.id());
        assertThat(b.peer()).isEqualTo(a.id());
        assertThat(a.socketState()).isEqualTo(SocketState.SS_CONNECTED);
        assertThat(run(new Syscall.Send("write", 3, 5, null))).isEqualTo(new Outcome.Success(5));
        assertThat(state.socketOf(PID, 4).receiveQueued()).isEqualTo(5);
    }

    @Test
    void socketpairIsForUnixSocketsAndNeedsTwoFreeDrawers() {
        assertThat(run(new Syscall.SocketPair(AF_INET.number(), SOCK_STREAM.number(), 0)))
                .isEqualTo(new Outcome.Failure(Errno.EOPNOTSUPP));
        state = KernelState.boot(MachineSetup.DEFAULT.withDescriptorLimit(4));
        KernelState before = state;
        assertThat(run(new Syscall.SocketPair(AF_UNIX.number(), SOCK_STREAM.number(), 0)))
                .isEqualTo(new Outcome.Failure(Errno.EMFILE));
        assertThat(state).isEqualTo(before);
    }

    @Test
    void aClientFromOutsideConnectsAndAcceptGivesItTheLowestFreeDrawer() {
        run(new Syscall.Socket(AF_INET, SOCK_STREAM, 0));
        run(new Syscall.Bind(3, new Endpoint(AF_INET, "0.0.0.0", 8080)));
        run(new Syscall.Listen(3, 5));
        Endpoint client = new Endpoint(AF_INET, "192.0.2.7", 40000);

        List<Step> steps = steps(PID, new Syscall.AcceptFromOutside(3, 0, true, client));

        assertThat(steps).extracting(Step::stage).containsExactly(Stage.INCOMING_CONNECTION,
                Stage.ACCEPT_CONNECTION, Stage.ISSUE_DESCRIPTOR);
        assertThat(steps.get(2).outcome()).isEqualTo(new Outcome.Success(4));
        assertThat(state.socketOf(PID, 4).remote()).isEqualTo(client);
        assertThat(state.socketOf(PID, 4).tcpState()).isEqualTo(TcpState.TCP_ESTABLISHED);
        assertThat(state.socketOf(PID, 3).acceptQueue()).isEmpty();
    }

    @Test
    void aProcessThatAppearsHasAnEmptyCabinetOfItsOwn() {
        steps(777, new Syscall.Attach(777, "worker", Credentials.USER, 64));

        assertThat(state.tableOf(777).openCount()).isZero();
        assertThat(state.tableOf(777).limit()).isEqualTo(64);
        assertThat(state.tableOf(PID).openCount()).isEqualTo(3);
        assertThat(Kernel.execute(state, 777, new Syscall.Socket(AF_INET, SOCK_STREAM, 0)).get(2).outcome())
                .isEqualTo(new Outcome.Success(0));
        assertThat(run(new Syscall.Fork(777, "again", false))).isEqualTo(new Outcome.Failure(Errno.EINVAL));
    }
}
