// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * close(fd): the drawer is emptied at once; the open file loses a reference, and when the last
 * one goes a socket's memory returns to the pool. Closing a drawer that is empty is EBADF,
 * an answer like any other.
 */
final class Closing {
    private Closing() {
    }

    static List<Step> run(KernelState before, int pid, Syscall.Close call) {
        int fd = call.fd();
        DescriptorTable table = before.tableOf(pid);
        Descriptor descriptor = fd < 0 ? null : table.get(fd);
        if (descriptor == null) {
            return List.of(new Step(pid, call, Stage.CLOSE_DESCRIPTOR, before, List.of(),
                    Narration.of("close.EBADF", fd), new Outcome.Failure(Errno.EBADF)));
        }
        OpenFile file = before.files().get(descriptor.fileId());
        KernelState emptied = before.withTable(pid, table.without(fd));
        boolean last = file.references() == 1;
        emptied = last
                ? emptied.withFiles(emptied.files().without(file.id()), emptied.nextFileId())
                : emptied.withFiles(emptied.files().with(file.id(), file.withReferences(file.references() - 1)),
                        emptied.nextFileId());
        List<Step> steps = new ArrayList<>(2);
        boolean releasesSocket = last && file.kind() == FileKind.SOCKET;
        String key = releasesSocket ? "close.socket" : last ? "close.file" : "close.shared";
        steps.add(new Step(pid, call, Stage.CLOSE_DESCRIPTOR, emptied, List.of(new Change.DescriptorChanged(pid, fd)),
                Narration.of(key, fd, file.name(), file.references() - 1),
                releasesSocket ? Outcome.PENDING : new Outcome.Success(0)));
        if (releasesSocket) {
            ControlBlock socket = emptied.sockets().get(file.socketId());
            KernelState released = emptied
                    .withSockets(emptied.sockets().without(socket.id()), emptied.nextSocketId())
                    .withMemory(emptied.memory().release(socket.memoryBytes()));
            steps.add(new Step(pid, call, Stage.RELEASE_SOCKET, released,
                    List.of(new Change.SocketReleased(socket.id()), SocketCreation.memoryChange(emptied, released)),
                    Narration.of("close.release", socket.memoryBytes()), new Outcome.Success(0)));
        }
        return steps;
    }
}
