// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * fcntl() and ioctl() as Linux runs them (fs/fcntl.c do_fcntl, f_dupfd; fs/ioctl.c): checked
 * against kernel-truth/nonblocking, execve-cloexec and descriptor-table-calls.
 */
class FileControlTest {
    private static final int PID = MachineSetup.DEFAULT.pid();
    private static final int F_DUPFD = 0;
    private static final int F_GETFD = 1;
    private static final int F_SETFD = 2;
    private static final int F_GETFL = 3;
    private static final int F_SETFL = 4;
    private static final int F_DUPFD_CLOEXEC = 1030;
    private static final int O_NONBLOCK = 0x800;
    private static final int FIONBIO = 0x5421;

    private static KernelState run(KernelState s, Syscall call) {
        return Kernel.after(s, PID, call);
    }

    private static Step last(KernelState s, Syscall call) {
        List<Step> steps = Kernel.execute(s, PID, call);
        return steps.get(steps.size() - 1);
    }

    private final KernelState socketAndDup = run(run(KernelState.boot(MachineSetup.DEFAULT),
            new Syscall.Socket(AddressFamily.AF_INET.number(), SocketType.SOCK_STREAM.number(), 0)), new Syscall.Dup(3));

    @Test
    void oNonblockBelongsToTheOpenFileSoEveryDescriptorOfItSeesIt() {
        KernelState after = run(socketAndDup, new Syscall.Fcntl(4, F_SETFL, O_NONBLOCK));

        assertThat(after.fileOf(PID, 3).nonBlocking()).isTrue();
        assertThat(last(after, new Syscall.Fcntl(3, F_GETFL, 0)).outcome()).isEqualTo(new Outcome.Success(0x802));
        assertThat(last(socketAndDup, new Syscall.Fcntl(3, F_GETFL, 0)).outcome()).isEqualTo(new Outcome.Success(2));
    }

    @Test
    void fionbioSetsAndClearsTheSameFlag() {
        KernelState on = run(socketAndDup, new Syscall.Ioctl(3, FIONBIO, 1));
        KernelState off = run(on, new Syscall.Ioctl(4, FIONBIO, 0));

        assertThat(on.fileOf(PID, 4).nonBlocking()).isTrue();
        assertThat(off.fileOf(PID, 3).nonBlocking()).isFalse();
        assertThat(last(socketAndDup, new Syscall.Ioctl(3, 0x5401, 0)).outcome())
                .isEqualTo(new Outcome.Failure(Errno.ENOTTY));
    }

    @Test
    void aConnectAfterFcntlONonblockReturnsEinprogress() {
        KernelState nonBlocking = run(socketAndDup, new Syscall.Fcntl(3, F_SETFL, O_NONBLOCK));

        Step connect = last(nonBlocking, new Syscall.Connect(3, new Endpoint(AddressFamily.AF_INET, "192.0.2.1", 80)));

        assertThat(connect.outcome()).isEqualTo(new Outcome.Failure(Errno.EINPROGRESS));
    }

    @Test
    void fdCloexecBelongsToTheDrawerAlone() {
        KernelState marked = run(socketAndDup, new Syscall.Fcntl(3, F_SETFD, 1));

        assertThat(marked.tableOf(PID).get(3).closeOnExec()).isTrue();
        assertThat(marked.tableOf(PID).get(4).closeOnExec()).isFalse();
        assertThat(last(marked, new Syscall.Fcntl(3, F_GETFD, 0)).outcome()).isEqualTo(new Outcome.Success(1));
        assertThat(last(marked, new Syscall.Fcntl(4, F_GETFD, 0)).outcome()).isEqualTo(new Outcome.Success(0));
        assertThat(run(marked, new Syscall.Ioctl(3, 0x5450, 0)).tableOf(PID).get(3).closeOnExec()).isFalse();
        assertThat(run(socketAndDup, new Syscall.Ioctl(4, 0x5451, 0)).tableOf(PID).get(4).closeOnExec()).isTrue();
    }

    @Test
    void fDupfdTakesTheLowestFreeFromItsArgumentAndEinvalAtTheLimitNotEmfile() {
        KernelState limited = run(socketAndDup, new Syscall.SetLimit(16));

        Step twenty = last(limited, new Syscall.Fcntl(3, F_DUPFD, 20));
        Step ten = last(limited, new Syscall.Fcntl(3, F_DUPFD_CLOEXEC, 10));
        Step low = last(limited, new Syscall.Fcntl(3, F_DUPFD, 0));

        assertThat(twenty.outcome()).isEqualTo(new Outcome.Failure(Errno.EINVAL));
        assertThat(last(limited, new Syscall.Fcntl(3, F_DUPFD, 16)).outcome())
                .isEqualTo(new Outcome.Failure(Errno.EINVAL));
        assertThat(ten.outcome()).isEqualTo(new Outcome.Success(10));
        assertThat(ten.state().tableOf(PID).get(10).closeOnExec()).isTrue();
        assertThat(ten.state().fileOf(PID, 10).references()).isEqualTo(3);
        assertThat(low.outcome()).isEqualTo(new Outcome.Success(5));
        assertThat(low.state().tableOf(PID).get(5).closeOnExec()).isFalse();
    }

    @Test
    void fDupfdWithNothingFreeFromItsArgumentBelowTheLimitIsEmfile() {
        KernelState full = run(socketAndDup, new Syscall.SetLimit(6));
        full = run(full, new Syscall.Dup(3));

        assertThat(last(full, new Syscall.Fcntl(3, F_DUPFD, 4)).outcome()).isEqualTo(new Outcome.Failure(Errno.EMFILE));
    }

    @Test
    void anEmptyDrawerIsEbadfAndAnUnknownCommandEinval() {
        assertThat(last(socketAndDup, new Syscall.Fcntl(9, F_GETFL, 0)).outcome())
                .isEqualTo(new Outcome.Failure(Errno.EBADF));
        assertThat(last(socketAndDup, new Syscall.Ioctl(9, FIONBIO, 1)).outcome())
                .isEqualTo(new Outcome.Failure(Errno.EBADF));
        assertThat(last(socketAndDup, new Syscall.Fcntl(3, 9999, 0)).outcome())
                .isEqualTo(new Outcome.Failure(Errno.EINVAL));
    }
}
