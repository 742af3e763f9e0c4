// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * connect(). For TCP: an unbound socket first gets an ephemeral port (Linux prefers even
 * ones for connect), then the SYN leaves — the first packet of the socket's life — and the
 * state goes TCP_SYN_SENT, then TCP_ESTABLISHED. A destination on this machine must have a
 * listener (else ECONNREFUSED) with room in its accept queue (else the SYN is dropped until
 * ETIMEDOUT); the listener gets a new connection in its queue. A destination elsewhere is
 * assumed to answer. A non-blocking socket returns EINPROGRESS after the SYN. For UDP, connect
 * only notes the peer: no packet is sent.
 */
final class Connecting {
    private Connecting() {
    }

    static List<Step> run(KernelState before, int pid, Syscall.Connect call) {
        SocketLookup.Found found = SocketLookup.find(before, pid, call.fd());
        if (!found.ok()) {
            return SocketLookup.failure(before, pid, call, Stage.SEND_SYN, call.fd(), found.errno());
        }
        ControlBlock socket = found.socket();
        Endpoint destination = call.address();
        if (destination.family() != socket.family()) {
            return SocketLookup.refuse(before, pid, call, Stage.SEND_SYN, Errno.EAFNOSUPPORT, "connect.family",
                    destination.family().name(), socket.family().name());
        }
        if (!socket.isStream()) {
            return datagram(before, pid, call, socket, destination);
        }
        if (socket.socketState() == SocketState.SS_CONNECTED || socket.tcpState() != TcpState.TCP_CLOSE
                && socket.socketState() != SocketState.SS_CONNECTING) {
            return SocketLookup.refuse(before, pid, call, Stage.SEND_SYN, Errno.EISCONN, "connect.isconn",
                    call.fd(), socket.tcpState().name());
        }
        if (socket.socketState() == SocketState.SS_CONNECTING) {
            return SocketLookup.refuse(before, pid, call, Stage.SEND_SYN, Errno.EALREADY, "connect.already",
                    call.fd());
        }
        List<Step> steps = new ArrayList<>();
        KernelState state = before;
        boolean inet = socket.family() != AddressFamily.AF_UNIX;
        boolean autobound = false;
        if (inet && socket.local().port() == 0) {
            int[] taken = SocketLookup.takePort(state, 0);
            Endpoint local = new Endpoint(socket.family(), Network.sourceFor(destination), taken[0]);
            socket = socket.toBuilder().local(local).build();
            state = state.withNextPort(taken[1]).withSocket(socket);
            autobound = true;
            steps.add(new Step(pid, call, Stage.AUTOBIND, state,
                    List.of(new Change.FieldChanged(socket.id(), ControlBlock.Field.LOCAL)),
                    Narration.of("connect.autobind", call.fd(), local.toString()), Outcome.PENDING));
        }
        socket = socket.toBuilder().states(SocketState.SS_CONNECTING, inet ? TcpState.TCP_SYN_SENT : TcpState.TCP_CLOSE)
                .remote(destination).packetsSent(socket.packetsSent() + (inet ? 1 : 0)).build();
        state = state.withSocket(socket);
        boolean nonBlocking = found.file().nonBlocking();
        steps.add(new Step(pid, call, Stage.SEND_SYN, state, fields(socket, ControlBlock.Field.SOCKET_STATE,
                ControlBlock.Field.TCP_STATE, ControlBlock.Field.REMOTE, ControlBlock.Field.PACKETS),
                Narration.of(inet ? (nonBlocking ? "connect.syn.nonblocking" : "connect.syn") : "connect.unix",
                        call.fd(), destination.toString()),
                nonBlocking && inet ? new Outcome.Failure(Errno.EINPROGRESS) : Outcome.PENDING));
        if (nonBlocking && inet) {
            return steps;
        }
        if (!Network.isLocal(destination)) {
            steps.add(established(state, pid, call, socket, -1, "connect.remote"));
            return steps;
        }
        ControlBlock listener = findListener(state, socket, destination);
        if (listener == null) {
            ControlBlock refused = socket.toBuilder().states(SocketState.SS_UNCONNECTED, TcpState.TCP_CLOSE)
                    .remote(Endpoint.unset(socket.family()))
                    .local(autobound ? Endpoint.unset(socket.family()) : socket.local()).build();
            steps.add(new Step(pid, call, Stage.ESTABLISH, state.withSocket(refused),
                    fields(refused, ControlBlock.Field.SOCKET_STATE, ControlBlock.Field.TCP_STATE,
                            ControlBlock.Field.REMOTE, ControlBlock.Field.LOCAL),
                    Narration.of(inet ? "connect.refused" : "connect.unix.refused", call.fd(), destination.toString()),
                    new Outcome.Failure(Errno.ECONNREFUSED)));
            return steps;
        }
        if (listener.acceptQueue().size() > listener.backlog()) {
            steps.add(new Step(pid, call, Stage.ESTABLISH, before, List.of(),
                    Narration.of("connect.queueFull", call.fd(), destination.toString(), listener.backlog()),
                    new Outcome.Failure(Errno.ETIMEDOUT)));
            return steps;
        }
        // The server side: a new sock for the connection waits in the listener's accept queue.
        long childBytes = KernelObjectSizes.protocolBytes(listener.slab());
        if (!state.memory().canAllocate(childBytes)) {
            steps.add(new Step(pid, call, Stage.ESTABLISH, before, List.of(),
                    Narration.of("connect.nomem", childBytes), new Outcome.Failure(Errno.ENOMEM)));
            return steps;
        }
        int childId = state.nextSocketId();
        // O_NONBLOCK and close-on-exec belong to the listener's file and descriptor, not to its
        // sock: the connection inherits neither (accept4's flags give the new socket its own).
        ControlBlock child = ControlBlock.allocated(childId, listener.family(), listener.type(), Set.of(),
                        listener.slab(), childBytes).toBuilder()
                .protocol(listener.protocol())
                .states(SocketState.SS_UNCONNECTED, TcpState.TCP_ESTABLISHED)
                .local(inet ? new Endpoint(destination.family(), destination.address(), destination.port())
                        : listener.local())
                .remote(socket.local())
                .buffers(listener.sendBufferLimit(), listener.receiveBufferLimit())
                .packetsSent(inet ? 1 : 0)
                .peer(socket.id())
                .options(listener.reuseAddress(), listener.lingerZero())
                .build();
        List<Integer> queue = new ArrayList<>(listener.acceptQueue());
        queue.add(childId);
        ControlBlock waiting = listener.toBuilder().acceptQueue(queue).build();
        ControlBlock connected = socket.toBuilder().states(SocketState.SS_CONNECTED, TcpState.TCP_ESTABLISHED)
                .peer(childId).packetsSent(socket.packetsSent() + (inet ? 1 : 0)).build();
        state = state.withSockets(state.sockets().with(childId, child), childId + 1)
                .withSocket(waiting).withSocket(connected)
                .withMemory(state.memory().allocate(childBytes));
        List<Change> changes = new ArrayList<>(fields(connected, ControlBlock.Field.SOCKET_STATE,
                ControlBlock.Field.TCP_STATE, ControlBlock.Field.PACKETS));
        changes.add(new Change.SocketCreated(childId));
        changes.add(new Change.FieldChanged(listener.id(), ControlBlock.Field.ACCEPT_QUEUE));
        changes.add(new Change.MemoryChanged(before.memory().used(), state.memory().used()));
        steps.add(new Step(pid, call, Stage.ESTABLISH, state, changes,
                Narration.of(inet ? "connect.established" : "connect.unix.established", call.fd(),
                        destination.toString(), queue.size()),
                new Outcome.Success(0)));
        return steps;
    }

    private static Step established(KernelState state, int pid, Syscall call, ControlBlock socket, int peer,
                                    String key) {
        ControlBlock connected = socket.toBuilder().states(SocketState.SS_CONNECTED, TcpState.TCP_ESTABLISHED)
                .peer(peer).build();
        return new Step(pid, call, Stage.ESTABLISH, state.withSocket(connected),
                fields(connected, ControlBlock.Field.SOCKET_STATE, ControlBlock.Field.TCP_STATE),
                Narration.of(key, ((Syscall.Connect) call).fd(), socket.remote().toString()), new Outcome.Success(0));
    }

    /** UDP (and other datagram) connect: note the peer, autobind, no packet. */
    private static List<Step> datagram(KernelState before, int pid, Syscall.Connect call, ControlBlock socket,
                                       Endpoint destination) {
        KernelState state = before;
        ControlBlock.Builder changed = socket.toBuilder().remote(destination)
                .states(SocketState.SS_CONNECTED, TcpState.TCP_ESTABLISHED);
        List<Change> changes = new ArrayList<>(fields(socket, ControlBlock.Field.REMOTE, ControlBlock.Field.SOCKET_STATE,
                ControlBlock.Field.TCP_STATE));
        if (socket.family() != AddressFamily.AF_UNIX && socket.local().port() == 0) {
            int[] taken = SocketLookup.takePort(state, 0);
            changed.local(new Endpoint(socket.family(), Network.sourceFor(destination), taken[0]));
            state = state.withNextPort(taken[1]);
            changes.add(new Change.FieldChanged(socket.id(), ControlBlock.Field.LOCAL));
        }
        ControlBlock connected = changed.build();
        return List.of(new Step(pid, call, Stage.ESTABLISH, state.withSocket(connected), changes,
                Narration.of("connect.datagram", call.fd(), destination.toString(), connected.local().toString()),
                new Outcome.Success(0)));
    }

    static ControlBlock findListener(KernelState state, ControlBlock client, Endpoint destination) {
        for (ControlBlock candidate : state.sockets().values()) {
            if (candidate.isListening() && Binding.sameTransport(candidate, client)
                    && Network.receives(candidate.local(), destination)) {
                return candidate;
            }
        }
        return null;
    }

    static List<Change> fields(ControlBlock socket, ControlBlock.Field... fields) {
        List<Change> changes = new ArrayList<>();
        for (ControlBlock.Field f : fields) {
            changes.add(new Change.FieldChanged(socket.id(), f));
        }
        return changes;
    }
}
