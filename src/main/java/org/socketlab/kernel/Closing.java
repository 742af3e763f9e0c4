// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * close(fd): the drawer is emptied at once; the open file loses a reference, and when the last
 * one goes the socket is released ({@link SocketRelease}: a TCP connection is ended with a FIN or
 * an RST, and its sock may outlive the descriptor). Closing a drawer that is empty is EBADF,
 * an answer like any other.
 */
final class Closing {
    /** The cabinet with one drawer emptied, and the socket that lost its last reference (or -1). */
    record Emptied(KernelState state, OpenFile file, int orphanedSocket) {
    }

    private Closing() {
    }

    static List<Step> run(KernelState before, int pid, Syscall.Close call) {
        int fd = call.fd();
        Descriptor descriptor = fd < 0 ? null : before.tableOf(pid).get(fd);
        if (descriptor == null) {
            return List.of(new Step(pid, call, Stage.CLOSE_DESCRIPTOR, before, List.of(),
                    Narration.of("close.EBADF", fd), new Outcome.Failure(Errno.EBADF)));
        }
        Emptied emptied = empty(before, pid, fd);
        OpenFile file = emptied.file();
        boolean releases = emptied.orphanedSocket() >= 0;
        String key = releases ? "close.socket" : file.references() == 1 ? "close.file" : "close.shared";
        List<Step> steps = new ArrayList<>(2);
        steps.add(new Step(pid, call, Stage.CLOSE_DESCRIPTOR, emptied.state(),
                List.of(new Change.DescriptorChanged(pid, fd)),
                Narration.of(key, fd, file.name(), file.references() - 1),
                releases ? Outcome.PENDING : new Outcome.Success(0)));
        if (releases) {
            List<SocketRelease.Phase> phases = SocketRelease.phases(emptied.state(), emptied.orphanedSocket());
            for (int i = 0; i < phases.size(); i++) {
                SocketRelease.Phase phase = phases.get(i);
                steps.add(new Step(pid, call, phase.stage(), phase.state(), phase.changes(), phase.narration(),
                        i == phases.size() - 1 ? new Outcome.Success(0) : Outcome.PENDING));
            }
        }
        return steps;
    }

    /** Empties an open drawer and drops one reference to its file. */
    static Emptied empty(KernelState before, int pid, int fd) {
        DescriptorTable table = before.tableOf(pid);
        Descriptor descriptor = table.get(fd);
        OpenFile file = before.files().get(descriptor.fileId());
        KernelState state = before.withTable(pid, table.without(fd));
        boolean last = file.references() == 1;
        state = last
                ? state.withFiles(state.files().without(file.id()), state.nextFileId())
                : state.withFiles(state.files().with(file.id(), file.withReferences(file.references() - 1)),
                        state.nextFileId());
        return new Emptied(state, file, last && file.kind() == FileKind.SOCKET ? file.socketId() : -1);
    }
}
