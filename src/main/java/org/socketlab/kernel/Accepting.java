// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * accept()/accept4(): the oldest connection in a listener's queue becomes a socket of its own
 * with a new ticket — the listener keeps listening. Like Linux, the descriptor is reserved
 * first (EMFILE leaves the connection queued). With nothing queued a blocking accept() waits
 * (the lesson notes it and goes on), a non-blocking one returns EAGAIN.
 */
final class Accepting {
    private Accepting() {
    }

    static List<Step> run(KernelState before, int pid, Syscall.Accept call) {
        SocketLookup.Found found = SocketLookup.find(before, pid, call.fd());
        if (!found.ok()) {
            return SocketLookup.failure(before, pid, call, Stage.ACCEPT_CONNECTION, call.fd(), found.errno());
        }
        ControlBlock listener = found.socket();
        if ((call.flags() & ~SocketFlag.ALL_BITS) != 0) {
            return SocketLookup.refuse(before, pid, call, Stage.ACCEPT_CONNECTION, Errno.EINVAL, "accept.flags",
                    call.flags());
        }
        if (!listener.isConnectionOriented()) {
            return SocketLookup.refuse(before, pid, call, Stage.ACCEPT_CONNECTION, Errno.EOPNOTSUPP,
                    "accept.notStream", call.fd());
        }
        if (!listener.isListening()) {
            return SocketLookup.refuse(before, pid, call, Stage.ACCEPT_CONNECTION, Errno.EINVAL,
                    "accept.notListening", call.fd());
        }
        DescriptorTable table = before.tableOf(pid);
        int fd = table.lowestFree();
        if (fd >= table.limit()) {
            return SocketLookup.refuse(before, pid, call, Stage.ACCEPT_CONNECTION, Errno.EMFILE, "accept.EMFILE",
                    fd, table.limit());
        }
        if (listener.acceptQueue().isEmpty()) {
            boolean nonBlocking = found.file().nonBlocking();
            return List.of(new Step(pid, call, Stage.ACCEPT_CONNECTION, before, List.of(),
                    Narration.of(nonBlocking ? "accept.EAGAIN" : "accept.blocked", call.fd()),
                    nonBlocking ? new Outcome.Failure(Errno.EAGAIN) : Outcome.BLOCKED));
        }
        long socketBytes = KernelObjectSizes.SOCKET_INODE;
        long fileBytes = SocketSpec.stageThreeBytes();
        if (!before.memory().canAllocate(socketBytes + fileBytes)) {
            return SocketLookup.refuse(before, pid, call, Stage.ACCEPT_CONNECTION, Errno.ENOMEM, "accept.ENOMEM",
                    socketBytes + fileBytes, before.memory().free());
        }
        List<Step> steps = new ArrayList<>(2);
        int childId = listener.acceptQueue().get(0);
        ControlBlock child = before.sockets().get(childId);
        List<Integer> rest = new ArrayList<>(listener.acceptQueue().subList(1, listener.acceptQueue().size()));
        ControlBlock taken = child.toBuilder().states(SocketState.SS_CONNECTED, child.tcpState())
                .memory(child.memoryBytes() + socketBytes).build();
        KernelState state = before.withSocket(listener.toBuilder().acceptQueue(rest).build()).withSocket(taken)
                .withMemory(before.memory().allocate(socketBytes));
        steps.add(new Step(pid, call, Stage.ACCEPT_CONNECTION, state,
                List.of(new Change.FieldChanged(listener.id(), ControlBlock.Field.ACCEPT_QUEUE),
                        new Change.FieldChanged(childId, ControlBlock.Field.SOCKET_STATE),
                        new Change.MemoryChanged(before.memory().used(), state.memory().used())),
                Narration.of("accept.take", call.fd(), child.remote().toString(), socketBytes), Outcome.PENDING));

        int fileId = state.nextFileId();
        boolean nonBlocking = (call.flags() & SocketFlag.SOCK_NONBLOCK.bit()) != 0;
        boolean closeOnExec = (call.flags() & SocketFlag.SOCK_CLOEXEC.bit()) != 0;
        OpenFile file = new OpenFile(fileId, FileKind.SOCKET, "socket:[" + childId + "]", childId, 1, nonBlocking);
        ControlBlock issued = taken.toBuilder().memory(taken.memoryBytes() + fileBytes)
                .flags(SocketFlag.in(call.flags())).build();
        KernelState done = state.withFiles(state.files().with(fileId, file), fileId + 1)
                .withSocket(issued)
                .withMemory(state.memory().allocate(fileBytes))
                .withTable(pid, state.tableOf(pid).with(new Descriptor(fd, fileId, closeOnExec)));
        steps.add(new Step(pid, call, Stage.ISSUE_DESCRIPTOR, done,
                List.of(new Change.DescriptorChanged(pid, fd), new Change.FieldChanged(childId, ControlBlock.Field.MEMORY),
                        new Change.FieldChanged(childId, ControlBlock.Field.FLAGS),
                        new Change.MemoryChanged(state.memory().used(), done.memory().used())),
                Narration.of("accept.issue", fd, call.fd()), new Outcome.Success(fd)));
        return steps;
    }

    /**
     * A client the model does not see connects, then accept() runs as usual. The listener
     * must be a listening stream socket; the new connection's sock is charged like one made
     * by a local connect().
     */
    static List<Step> fromOutside(KernelState before, int pid, Syscall.AcceptFromOutside call) {
        Syscall.Accept accept = new Syscall.Accept(call.fd(), call.flags(), call.four());
        SocketLookup.Found found = SocketLookup.find(before, pid, call.fd());
        if (!found.ok() || !found.socket().isConnectionOriented() || !found.socket().isListening()) {
            return run(before, pid, accept);
        }
        ControlBlock listener = found.socket();
        long childBytes = KernelObjectSizes.protocolBytes(listener.slab());
        if (!before.memory().canAllocate(childBytes)) {
            return SocketLookup.refuse(before, pid, call, Stage.INCOMING_CONNECTION, Errno.ENOMEM, "accept.ENOMEM",
                    childBytes, before.memory().free());
        }
        Endpoint peer = call.peer() != null && call.peer().family() == listener.family() ? call.peer()
                : Endpoint.unset(listener.family());
        boolean inet = listener.family() != AddressFamily.AF_UNIX;
        int childId = before.nextSocketId();
        ControlBlock child = ControlBlock.allocated(childId, listener.family(), listener.type(), listener.flags(),
                        listener.slab(), childBytes).toBuilder()
                .protocol(listener.protocol())
                .states(SocketState.SS_UNCONNECTED, TcpState.TCP_ESTABLISHED)
                .local(listener.local())
                .remote(peer)
                .buffers(listener.sendBufferLimit(), listener.receiveBufferLimit())
                .packetsSent(inet ? 1 : 0)
                .options(listener.reuseAddress(), listener.lingerZero()).v6only(listener.v6only())
                .build();
        List<Integer> queue = new ArrayList<>(listener.acceptQueue());
        queue.add(childId);
        KernelState queued = before.withSockets(before.sockets().with(childId, child), childId + 1)
                .withSocket(listener.toBuilder().acceptQueue(queue).build())
                .withMemory(before.memory().allocate(childBytes));
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(pid, call, Stage.INCOMING_CONNECTION, queued,
                List.of(new Change.SocketCreated(childId),
                        new Change.FieldChanged(listener.id(), ControlBlock.Field.ACCEPT_QUEUE),
                        new Change.MemoryChanged(before.memory().used(), queued.memory().used())),
                Narration.of(inet ? "accept.incoming" : "accept.incoming.unix", call.fd(), peer.toString(),
                        queue.size()),
                Outcome.PENDING));
        steps.addAll(run(queued, pid, accept));
        return steps;
    }
}
