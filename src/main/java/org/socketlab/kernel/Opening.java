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
            default -> "open.file";
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

    private static KernelState place(KernelState state, int pid, int fd, FileKind kind, String name,
                                     boolean closeOnExec) {
        int fileId = state.nextFileId();
        OpenFile file = new OpenFile(fileId, kind, name, -1, 1, false);
        return state.withFiles(state.files().with(fileId, file), fileId + 1)
                .withTable(pid, state.tableOf(pid).with(new Descriptor(fd, fileId, closeOnExec)));
    }
}
