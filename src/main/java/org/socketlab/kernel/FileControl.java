// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.List;

/**
 * fcntl() and ioctl() on a descriptor: the two flags a socket lesson needs and where each
 * lives. O_NONBLOCK belongs to the open file ({@code struct file}'s f_flags), so every
 * descriptor that leads to it (after dup() or fork()) sees the change; FD_CLOEXEC belongs to
 * the drawer, so it is the one descriptor's alone. fcntl(F_DUPFD, n) and F_DUPFD_CLOEXEC hand
 * out the lowest free drawer at or above n (fs/fcntl.c {@code do_fcntl}, {@code f_dupfd};
 * fs/ioctl.c {@code do_vfs_ioctl}).
 */
final class FileControl {
    /** fcntl commands (include/uapi/asm-generic/fcntl.h, linux/fcntl.h). */
    static final int F_DUPFD = 0;
    static final int F_GETFD = 1;
    static final int F_SETFD = 2;
    static final int F_GETFL = 3;
    static final int F_SETFL = 4;
    static final int F_DUPFD_CLOEXEC = 1030;
    /** The descriptor flag F_GETFD/F_SETFD read and write. */
    static final int FD_CLOEXEC = 1;
    /** f_flags bits: a socket's file is opened O_RDWR; O_NONBLOCK is 04000. */
    static final int O_RDWR = 2;
    static final int O_NONBLOCK = 0x800;
    /** ioctl requests every file takes (fs/ioctl.c). */
    static final int FIONBIO = 0x5421;
    static final int FIONCLEX = 0x5450;
    static final int FIOCLEX = 0x5451;

    private FileControl() {
    }

    static List<Step> fcntl(KernelState before, int pid, Syscall.Fcntl call) {
        DescriptorTable table = before.tableOf(pid);
        Descriptor d = call.fd() < 0 ? null : table.get(call.fd());
        if (d == null) {
            return SocketLookup.refuse(before, pid, call, Stage.FILE_FLAGS, Errno.EBADF, "fcntl.EBADF", call.fd());
        }
        OpenFile file = before.files().get(d.fileId());
        return switch (call.command()) {
            case F_DUPFD, F_DUPFD_CLOEXEC -> dupFrom(before, pid, call, d, table);
            case F_GETFD -> List.of(flags(before, pid, call, "fcntl.getfd", d.closeOnExec() ? FD_CLOEXEC : 0,
                    call.fd(), d.closeOnExec() ? "FD_CLOEXEC" : "0"));
            case F_SETFD -> {
                boolean on = (call.argument() & FD_CLOEXEC) != 0;
                KernelState after = before.withTable(pid, table.with(new Descriptor(d.number(), d.fileId(), on)));
                yield List.of(new Step(pid, call, Stage.FILE_FLAGS, after,
                        List.of(new Change.DescriptorChanged(pid, call.fd())),
                        Narration.of(on ? "fcntl.setfd.on" : "fcntl.setfd.off", call.fd()), new Outcome.Success(0)));
            }
            case F_GETFL -> {
                int value = O_RDWR | (file.nonBlocking() ? O_NONBLOCK : 0);
                yield List.of(flags(before, pid, call, "fcntl.getfl", value, call.fd(),
                        file.nonBlocking() ? "O_RDWR|O_NONBLOCK" : "O_RDWR"));
            }
            case F_SETFL -> List.of(nonBlocking(before, pid, call, file, (call.argument() & O_NONBLOCK) != 0,
                    "fcntl.setfl"));
            default -> SocketLookup.refuse(before, pid, call, Stage.FILE_FLAGS, Errno.EINVAL, "fcntl.EINVAL",
                    call.command());
        };
    }

    static List<Step> ioctl(KernelState before, int pid, Syscall.Ioctl call) {
        DescriptorTable table = before.tableOf(pid);
        Descriptor d = call.fd() < 0 ? null : table.get(call.fd());
        if (d == null) {
            return SocketLookup.refuse(before, pid, call, Stage.FILE_FLAGS, Errno.EBADF, "ioctl.EBADF", call.fd());
        }
        OpenFile file = before.files().get(d.fileId());
        return switch (call.request()) {
            case FIONBIO -> List.of(nonBlocking(before, pid, call, file, call.argument() != 0, "ioctl.fionbio"));
            case FIOCLEX, FIONCLEX -> {
                boolean on = call.request() == FIOCLEX;
                KernelState after = before.withTable(pid, table.with(new Descriptor(d.number(), d.fileId(), on)));
                yield List.of(new Step(pid, call, Stage.FILE_FLAGS, after,
                        List.of(new Change.DescriptorChanged(pid, call.fd())),
                        Narration.of(on ? "ioctl.fioclex" : "ioctl.fionclex", call.fd()), new Outcome.Success(0)));
            }
            // The model knows only the requests every file takes; a socket answers others it does
            // not know with ENOTTY (sock_do_ioctl).
            default -> SocketLookup.refuse(before, pid, call, Stage.FILE_FLAGS, Errno.ENOTTY, "ioctl.ENOTTY",
                    call.fd(), "0x" + Integer.toHexString(call.request()));
        };
    }

    private static Step flags(KernelState state, int pid, Syscall call, String key, int value, Object... args) {
        return new Step(pid, call, Stage.FILE_FLAGS, state, List.of(), Narration.of(key, args),
                new Outcome.Success(value));
    }

    /** O_NONBLOCK on or off in the open file: every drawer that leads to it sees it. */
    private static Step nonBlocking(KernelState before, int pid, Syscall call, OpenFile file, boolean on,
                                    String key) {
        KernelState after = before.withFiles(before.files().with(file.id(), file.withNonBlocking(on)),
                before.nextFileId());
        int fd = call instanceof Syscall.Fcntl f ? f.fd() : ((Syscall.Ioctl) call).fd();
        return new Step(pid, call, Stage.FILE_FLAGS, after, List.of(new Change.DescriptorChanged(pid, fd)),
                Narration.of(key + (on ? ".on" : ".off"), fd, file.name(), file.references()),
                new Outcome.Success(0));
    }

    /**
     * F_DUPFD / F_DUPFD_CLOEXEC: a start at or above RLIMIT_NOFILE is EINVAL (f_dupfd checks it
     * before looking); no free drawer from the start up to the limit is EMFILE (alloc_fd).
     */
    private static List<Step> dupFrom(KernelState before, int pid, Syscall.Fcntl call, Descriptor original,
                                      DescriptorTable table) {
        long from = call.argument();
        if (from < 0 || from >= table.limit()) {
            return SocketLookup.refuse(before, pid, call, Stage.DUPLICATE, Errno.EINVAL, "fcntl.dupfd.EINVAL",
                    from, table.limit());
        }
        int fd = (int) from;
        while (fd < table.limit() && table.isOpen(fd)) {
            fd++;
        }
        if (fd >= table.limit()) {
            return SocketLookup.refuse(before, pid, call, Stage.DUPLICATE, Errno.EMFILE, "fcntl.dupfd.EMFILE",
                    from, table.limit());
        }
        boolean cloexec = call.command() == F_DUPFD_CLOEXEC;
        return List.of(Duplicating.install(before, pid, call, original, fd, cloexec, List.of(),
                cloexec ? "fcntl.dupfd.cloexec" : "fcntl.dupfd"));
    }
}
