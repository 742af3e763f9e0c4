// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DescriptorTableTest {
    private static final int PID = MachineSetup.DEFAULT.pid();

    private static Step last(List<Step> steps) {
        return steps.get(steps.size() - 1);
    }

    private static KernelState openTcp(KernelState s) {
        return Kernel.after(s, PID, new Syscall.Socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM, 0));
    }

    @Test
    void stdinStdoutAndStderrHoldTheFirstThreeDrawers() {
        DescriptorTable table = KernelState.boot(MachineSetup.DEFAULT).tableOf(PID);

        assertThat(table.descriptors()).extracting(Descriptor::number).containsExactly(0, 1, 2);
        assertThat(table.lowestFree()).isEqualTo(3);
        assertThat(table.limit()).isEqualTo(1024);
    }

    @Test
    void theLowestFreeDrawerWinsAfterAClose() {
        KernelState s = KernelState.boot(MachineSetup.DEFAULT);
        for (int i = 0; i < 3; i++) {
            s = openTcp(s);
        }
        s = Kernel.after(s, PID, new Syscall.Close(4));

        Step next = last(Kernel.execute(s, PID, new Syscall.Socket(AddressFamily.AF_INET, SocketType.SOCK_DGRAM, 0)));

        assertThat(next.outcome()).isEqualTo(new Outcome.Success(4));
    }

    @Test
    void closingStdinReallyFreesZero() {
        KernelState s = Kernel.after(KernelState.boot(MachineSetup.DEFAULT), PID, new Syscall.Close(0));

        Step next = last(Kernel.execute(s, PID, new Syscall.Socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM, 0)));

        assertThat(next.outcome()).isEqualTo(new Outcome.Success(0));
    }

    @Test
    void theLimitGivesEmfileAndTheStateIsUntouched() {
        // traces/emfile.strace: limit 8, sockets 3..7, then EMFILE twice, close(5), socket() = 5.
        KernelState s = KernelState.boot(MachineSetup.DEFAULT.withDescriptorLimit(8));
        for (int i = 0; i < 5; i++) {
            s = openTcp(s);
        }
        List<Step> steps = Kernel.execute(s, PID, new Syscall.Socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM, 0));

        assertThat(last(steps).stage()).isEqualTo(Stage.ISSUE_DESCRIPTOR);
        assertThat(last(steps).outcome()).isEqualTo(new Outcome.Failure(Errno.EMFILE));
        assertThat(last(steps).state()).isEqualTo(s);

        KernelState afterClose = Kernel.after(s, PID, new Syscall.Close(5));
        Step retry = last(Kernel.execute(afterClose, PID,
                new Syscall.Socket(AddressFamily.AF_INET, SocketType.SOCK_DGRAM, 0)));
        assertThat(retry.outcome()).isEqualTo(new Outcome.Success(5));
    }

    @Test
    void closeThenSocketReusesTheNumberAndReturnsTheMemory() {
        KernelState boot = KernelState.boot(MachineSetup.DEFAULT);
        KernelState open = openTcp(boot);

        List<Step> close = Kernel.execute(open, PID, new Syscall.Close(3));

        assertThat(close).extracting(Step::stage).containsExactly(Stage.CLOSE_DESCRIPTOR, Stage.RELEASE_SOCKET);
        assertThat(close.get(0).state().tableOf(PID).isOpen(3)).isFalse();
        assertThat(close.get(0).state().memory().used()).isEqualTo(open.memory().used());
        assertThat(last(close).state().memory().used()).isZero();
        assertThat(last(close).state().sockets().isEmpty()).isTrue();
        assertThat(last(close).outcome()).isEqualTo(new Outcome.Success(0));
        assertThat(last(Kernel.execute(last(close).state(), PID,
                new Syscall.Socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM, 0))).outcome())
                .isEqualTo(new Outcome.Success(3));
    }

    @Test
    void closingADrawerThatIsNotOpenIsEbadfAndChangesNothing() {
        KernelState boot = KernelState.boot(MachineSetup.DEFAULT);

        for (int fd : new int[] {3, -1, 5000}) {
            List<Step> steps = Kernel.execute(boot, PID, new Syscall.Close(fd));
            assertThat(steps).hasSize(1);
            assertThat(steps.get(0).outcome()).isEqualTo(new Outcome.Failure(Errno.EBADF));
            assertThat(steps.get(0).state()).isEqualTo(boot);
        }
    }

    @Test
    void closingStdoutIsOneStepAndReturnsZero() {
        List<Step> steps = Kernel.execute(KernelState.boot(MachineSetup.DEFAULT), PID, new Syscall.Close(1));

        assertThat(steps).hasSize(1);
        assertThat(steps.get(0).outcome()).isEqualTo(new Outcome.Success(0));
        assertThat(steps.get(0).state().tableOf(PID).lowestFree()).isEqualTo(1);
    }
}
