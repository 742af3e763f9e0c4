// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * Descriptors for open files the model does not build itself. A replayed trace shows
 * {@code openat() = 3} or {@code pipe2([3, 4])}: the drawer is taken, so the lowest-free rule
 * must see it. And a trace never shows everything: a first socket() that returns 19 means
 * drawers 3 to 18 were filled where the trace could not look. No memory is charged: the pool
 * counts what sockets cost.
 */
final class Opening {
    /** The label of a file the model knows nothing about. */
    static final String UNKNOWN_NAME = "?";

    private Opening() {
    }

    static List<Step> open(KernelState before, int pid, Syscall.Open call) {
        DescriptorTable table = before.tableOf(pid);
        int fd = call.fd();
        if (fd < 0 || table.isOpen(fd)) {
            return SocketLookup.refuse(before, pid, call, Stage.OPEN_FILE, Errno.EBADF, "open.taken", fd);
        }
        if (fd >= table.limit()) {
            return SocketLookup.refuse(before, pid, call, Stage.OPEN_FILE, Errno.EMFILE, "open.EMFILE", fd,
                    table.limit());
        }
        KernelState after = place(before, pid, fd, call.kind(), call.label(), call.closeOnExec());
        String key = switch (call.kind()) {
            case UNKNOWN -> "open.unknown";
            case TERMINAL -> "open.terminal";
            case FILE -> "open.file";
            case EPOLL -> "open.epoll";
            case EVENTFD -> "open.eventfd";
            case TIMERFD -> "open.timerfd";
            case SIGNALFD -> "open.signalfd";
            case INOTIFY -> "open.inotify";
            case FANOTIFY -> "open.fanotify";
            case PIDFD -> "open.pidfd";
            case MEMFD -> "open.memfd";
            case PIPE_READ -> "open.pipe.read";
            case PIPE_WRITE -> "open.pipe.write";
            case PIPE -> "open.pipe.end";
            case SOCKET, NETLINK -> throw new IllegalStateException("a socket is made by socket(), not opened");
        };
        return List.of(new Step(pid, call, Stage.OPEN_FILE, after, List.of(new Change.DescriptorChanged(pid, fd)),
                Narration.of(key, fd, call.label()), new Outcome.Success(fd)));
    }

    static List<Step> outside(KernelState before, int pid, Syscall.OpenedOutside call) {
        DescriptorTable table = before.tableOf(pid);
        int below = Math.min(call.below(), table.limit());
        KernelState state = before;
        List<Change> changes = new ArrayList<>();
        int first = -1;
        for (int fd = table.lowestFree(); fd < below; fd++) {
            if (!table.isOpen(fd)) {
                state = place(state, pid, fd, FileKind.UNKNOWN, UNKNOWN_NAME, false);
                changes.add(new Change.DescriptorChanged(pid, fd));
                first = first < 0 ? fd : first;
            }
        }
        String key = changes.isEmpty() ? "outside.none" : changes.size() == 1 ? "outside.one" : "outside.many";
        return List.of(new Step(pid, call, Stage.OPEN_FILE, state, changes,
                Narration.of(key, first, below - 1, changes.size()), new Outcome.Success(changes.size())));
    }

    /**
     * socket(AF_NETLINK): netlink_create() allocates a struct netlink_sock (from kmalloc, not a
     * slab of its own: the pool is not charged) and the descriptor leads to it.
     */
    static List<Step> netlinkSocket(KernelState before, int pid, Syscall.NetlinkSocket call) {
        DescriptorTable table = before.tableOf(pid);
        int fd = call.fd();
        if (fd < 0 || table.isOpen(fd)) {
            return SocketLookup.refuse(before, pid, call, Stage.NETLINK_SOCKET, Errno.EBADF, "open.taken", fd);
        }
        if (fd >= table.limit()) {
            return SocketLookup.refuse(before, pid, call, Stage.NETLINK_SOCKET, Errno.EMFILE, "open.EMFILE", fd,
                    table.limit());
        }
        String label = NetlinkNames.unbound(call.protocol());
        KernelState after = place(before, pid, fd, FileKind.NETLINK, label, call.closeOnExec());
        return List.of(new Step(pid, call, Stage.NETLINK_SOCKET, after, List.of(new Change.DescriptorChanged(pid, fd)),
                Narration.of("open.netlink", fd, label), new Outcome.Success(fd)));
    }

    /**
     * bind() on a netlink socket (netlink_bind): port id 0 asks netlink_autobind for one, which
     * is the process's id when that is free in the protocol's table; the caller passes the port
     * id the kernel gave (a replay reads it from the log). Binding again to another port id is
     * EINVAL, as netlink_bind says for a socket already bound.
     */
    static List<Step> netlinkBind(KernelState before, int pid, Syscall.NetlinkBind call) {
        OpenFile file = before.fileOf(pid, call.fd());
        if (file == null) {
            return SocketLookup.refuse(before, pid, call, Stage.NETLINK_BIND, Errno.EBADF, "netlink.bind.EBADF", call.fd());
        }
        if (file.kind() != FileKind.NETLINK) {
            return SocketLookup.refuse(before, pid, call, Stage.NETLINK_BIND, Errno.EINVAL, "netlink.bind.notNetlink",
                    call.fd(), file.name());
        }
        int port = call.portId() == 0 ? pid : call.portId();
        String bound = NetlinkNames.bound(call.protocol(), port);
        if (file.name().equals(bound)) {
            return List.of(new Step(pid, call, Stage.NETLINK_BIND, before, List.of(),
                    Narration.of("netlink.bind.again", call.fd(), Integer.toUnsignedString(port)), new Outcome.Success(0)));
        }
        if (!file.name().equals(NetlinkNames.unbound(call.protocol()))) {
            return SocketLookup.refuse(before, pid, call, Stage.NETLINK_BIND, Errno.EINVAL, "netlink.bind.EINVAL",
                    call.fd(), file.name());
        }
        OpenFile named = new OpenFile(file.id(), file.kind(), bound, -1, file.references(), file.nonBlocking(),
                file.watches(), file.watchers());
        KernelState after = before.withFiles(before.files().with(file.id(), named), before.nextFileId());
        return List.of(new Step(pid, call, Stage.NETLINK_BIND, after,
                List.of(new Change.DescriptorChanged(pid, call.fd())),
                Narration.of(call.requested() == 0 ? "netlink.bind.auto" : "netlink.bind", call.fd(),
                        Integer.toUnsignedString(port), call.protocol()), new Outcome.Success(0)));
    }

    private static KernelState place(KernelState state, int pid, int fd, FileKind kind, String name,
                                     boolean closeOnExec) {
        int fileId = state.nextFileId();
        OpenFile file = new OpenFile(fileId, kind, name, -1, 1, false);
        return state.withFiles(state.files().with(fileId, file), fileId + 1)
                .withTable(pid, state.tableOf(pid).with(new Descriptor(fd, fileId, closeOnExec)));
    }
}
