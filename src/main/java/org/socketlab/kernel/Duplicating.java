// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * dup(fd) takes the lowest free drawer for a second ticket to the same open file; dup2(fd,
 * new) uses the drawer asked for, closing what was in it first. Both tickets reach the same
 * socket, which lives until the last one is closed. The copy never has FD_CLOEXEC.
 */
final class Duplicating {
    private Duplicating() {
    }

    static List<Step> dup(KernelState before, int pid, Syscall.Dup call) {
        DescriptorTable table = before.tableOf(pid);
        Descriptor original = call.fd() < 0 ? null : table.get(call.fd());
        if (original == null) {
            return SocketLookup.refuse(before, pid, call, Stage.DUPLICATE, Errno.EBADF, "dup.EBADF", call.fd());
        }
        int fd = table.lowestFree();
        if (fd >= table.limit()) {
            return SocketLookup.refuse(before, pid, call, Stage.DUPLICATE, Errno.EMFILE, "dup.EMFILE", fd,
                    table.limit());
        }
        return List.of(install(before, pid, call, original, fd, false, List.of(), "dup.ok"));
    }

    /** O_CLOEXEC, the one flag dup3 takes. */
    static final int O_CLOEXEC = 0x80000;

    static List<Step> dup2(KernelState before, int pid, Syscall.Dup2 call) {
        DescriptorTable table = before.tableOf(pid);
        // ksys_dup3 refuses unknown flags and, for dup3 only, oldfd == newfd, before anything else.
        if (call.three() && ((call.flags() & ~O_CLOEXEC) != 0 || call.fd() == call.newFd())) {
            return SocketLookup.refuse(before, pid, call, Stage.DUPLICATE, Errno.EINVAL, "dup3.EINVAL", call.fd(),
                    call.newFd());
        }
        Descriptor original = call.fd() < 0 ? null : table.get(call.fd());
        if (original == null || call.newFd() < 0 || call.newFd() >= table.limit()) {
            return SocketLookup.refuse(before, pid, call, Stage.DUPLICATE, Errno.EBADF, "dup2.EBADF", call.fd(),
                    call.newFd());
        }
        if (call.fd() == call.newFd()) {
            return List.of(new Step(pid, call, Stage.DUPLICATE, before, List.of(),
                    Narration.of("dup2.same", call.fd()), new Outcome.Success(call.newFd())));
        }
        List<Step> steps = new ArrayList<>();
        KernelState state = before;
        List<Change> changes = new ArrayList<>();
        if (table.isOpen(call.newFd())) {
            Closing.Emptied emptied = Closing.empty(state, pid, call.newFd());
            state = emptied.state();
            if (emptied.orphanedSocket() >= 0) {
                SocketRelease.Released released = SocketRelease.release(state, emptied.orphanedSocket());
                state = released.state();
                changes.addAll(released.changes());
            }
        }
        boolean cloexec = call.three() && (call.flags() & O_CLOEXEC) != 0;
        steps.add(install(state, pid, call, original, call.newFd(), cloexec, changes, "dup2.ok"));
        return steps;
    }

    /**
     * pidfd_getfd() (kernel/pid.c pidfd_getfd, fs/file.c receive_fd): flags must be 0 (EINVAL); the
     * pidfd must be open (EBADF); its process must still be there (ESRCH); its targetfd must be open
     * in that process's table (EBADF); then the caller gets the same open file at its lowest free
     * drawer, always close-on-exec. (Linux also asks ptrace's permission; the model's processes are
     * one user's.)
     */
    static List<Step> fromProcess(KernelState before, int pid, Syscall.GetFd call) {
        if (call.flags() != 0) {
            return SocketLookup.refuse(before, pid, call, Stage.CHECK_ARGUMENTS, Errno.EINVAL,
                    "pidfd_getfd.EINVAL", call.flags());
        }
        DescriptorTable table = before.tableOf(pid);
        if (!table.isOpen(call.pidfd())) {
            return SocketLookup.refuse(before, pid, call, Stage.DUPLICATE, Errno.EBADF, "pidfd_getfd.EBADF",
                    call.pidfd(), call.targetPid());
        }
        if (!before.hasProcess(call.targetPid())) {
            return SocketLookup.refuse(before, pid, call, Stage.DUPLICATE, Errno.ESRCH, "pidfd_getfd.ESRCH",
                    call.targetPid());
        }
        Descriptor original = call.targetFd() < 0 ? null : before.tableOf(call.targetPid()).get(call.targetFd());
        if (original == null) {
            return SocketLookup.refuse(before, pid, call, Stage.DUPLICATE, Errno.EBADF, "pidfd_getfd.EBADF",
                    call.targetFd(), call.targetPid());
        }
        int fd = table.lowestFree();
        if (fd >= table.limit()) {
            return SocketLookup.refuse(before, pid, call, Stage.DUPLICATE, Errno.EMFILE, "dup.EMFILE", fd,
                    table.limit());
        }
        return List.of(install(before, pid, call, original, fd, true, List.of(), "pidfd_getfd.ok"));
    }

    /** Puts a second descriptor for {@code original}'s open file in drawer {@code fd} (free). */
    static Step install(KernelState state, int pid, Syscall call, Descriptor original, int fd, boolean closeOnExec,
                        List<Change> earlier, String key) {
        OpenFile file = state.files().get(original.fileId());
        OpenFile shared = file.withReferences(file.references() + 1);
        KernelState after = state.withFiles(state.files().with(file.id(), shared), state.nextFileId())
                .withTable(pid, state.tableOf(pid).with(new Descriptor(fd, file.id(), closeOnExec)));
        List<Change> changes = new ArrayList<>(earlier);
        changes.add(new Change.DescriptorChanged(pid, fd));
        return new Step(pid, call, Stage.DUPLICATE, after, changes,
                Narration.of(key, original.number(), fd, file.name(), shared.references()), new Outcome.Success(fd));
    }
}
