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
        return run(before, pid, call, call.fd(), call.address(), false);
    }

    /** connect() to a server outside the trace: the destination answers, as one elsewhere does. */
    static List<Step> toOutside(KernelState before, int pid, Syscall.ConnectToOutside call) {
        return run(before, pid, call, call.fd(), call.address(), true);
    }

    /**
     * A non-blocking connect's handshake with a server the model does not see ends as the kernel's
     * answers show: established (the socket stays SS_CONNECTING until connect() is called again, as
     * in Linux), or closed with the error in sk_err, for SO_ERROR or the next connect() to report.
     */
    static List<Step> answeredFromOutside(KernelState before, int pid, Syscall.HandshakeFromOutside call) {
        SocketLookup.Found found = SocketLookup.find(before, pid, call.fd());
        if (!found.ok()) {
            return SocketLookup.failure(before, pid, call, Stage.ESTABLISH, call.fd(), found.errno());
        }
        ControlBlock socket = found.socket();
        KernelState state = before;
        List<Change> changes = new ArrayList<>();
        ControlBlock.Builder changed = socket.toBuilder();
        if (call.error() == null) {
            if (socket.local().port() == 0 && socket.family() != AddressFamily.AF_UNIX) {
                int[] taken = SocketLookup.takePort(state, 0);
                changed.local(new Endpoint(socket.family(), Network.sourceFor(socket.remote()), taken[0]));
                state = state.withNextPort(taken[1]);
                changes.add(new Change.FieldChanged(socket.id(), ControlBlock.Field.LOCAL));
            }
            changed.states(SocketState.SS_CONNECTING, TcpState.TCP_ESTABLISHED).error(null).peer(-1);
        } else {
            changed.states(SocketState.SS_CONNECTING, TcpState.TCP_CLOSE).error(call.error());
        }
        ControlBlock answered = changed.build();
        changes.addAll(fields(answered, ControlBlock.Field.TCP_STATE, ControlBlock.Field.ERROR));
        return List.of(new Step(pid, call, Stage.ESTABLISH, state.withSocket(answered), changes,
                call.error() == null ? Narration.of("connect.outside.answered", call.fd(), socket.remote().toString())
                        : Narration.of("connect.outside.failed", call.fd(), socket.remote().toString(),
                                call.error().name()),
                Outcome.PENDING));
    }

    private static List<Step> run(KernelState before, int pid, Syscall call, int fd, Endpoint destination,
                                  boolean outside) {
        SocketLookup.Found found = SocketLookup.find(before, pid, fd);
        if (!found.ok()) {
            return SocketLookup.failure(before, pid, call, Stage.SEND_SYN, fd, found.errno());
        }
        ControlBlock socket = found.socket();
        if (destination.family() != socket.family()) {
            return SocketLookup.refuse(before, pid, call, Stage.SEND_SYN, Errno.EAFNOSUPPORT, "connect.family",
                    destination.family().name(), socket.family().name());
        }
        boolean unreachable = socket.v6only() && Network.mappedIpv4(destination.address()) != null
                && socket.family() == AddressFamily.AF_INET6;
        if (!socket.isConnectionOriented()) {
            // __ip6_datagram_connect: an IPv6-only socket has no IPv4 route.
            return unreachable ? mappedUnreachable(before, pid, call, fd, destination)
                    : datagram(before, pid, call, fd, socket, destination);
        }
        if (socket.socketState() == SocketState.SS_CONNECTING) {
            return again(before, pid, call, fd, socket);
        }
        if (socket.socketState() == SocketState.SS_CONNECTED || socket.tcpState() != TcpState.TCP_CLOSE) {
            return SocketLookup.refuse(before, pid, call, Stage.SEND_SYN, Errno.EISCONN, "connect.isconn",
                    fd, socket.tcpState().name());
        }
        if (unreachable) {
            // tcp_v6_connect hands a mapped destination to IPv4, which an IPv6-only socket does not have.
            return mappedUnreachable(before, pid, call, fd, destination);
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
                    Narration.of("connect.autobind", fd, local.toString()), Outcome.PENDING));
        }
        socket = socket.toBuilder().states(SocketState.SS_CONNECTING, inet ? TcpState.TCP_SYN_SENT : TcpState.TCP_CLOSE)
                .remote(destination).packetsSent(socket.packetsSent() + (inet ? 1 : 0)).error(null).build();
        state = state.withSocket(socket);
        boolean nonBlocking = found.file().nonBlocking() && inet;
        boolean elsewhere = outside || !Network.isLocal(destination);
        steps.add(new Step(pid, call, Stage.SEND_SYN, state, fields(socket, ControlBlock.Field.SOCKET_STATE,
                ControlBlock.Field.TCP_STATE, ControlBlock.Field.REMOTE, ControlBlock.Field.PACKETS),
                Narration.of(inet ? (nonBlocking ? "connect.syn.nonblocking" : "connect.syn") : "connect.unix",
                        fd, destination.toString()),
                nonBlocking && elsewhere ? new Outcome.Failure(Errno.EINPROGRESS) : Outcome.PENDING));
        if (nonBlocking && elsewhere) {
            // The answer comes later, from a machine (or a process) the model does not see.
            return steps;
        }
        if (elsewhere) {
            steps.add(established(state, pid, call, fd, socket, -1, outside ? "connect.outside" : "connect.remote"));
            return steps;
        }
        // On this machine the SYN, the SYN-ACK (or the RST) and the ACK cross the loopback while
        // connect() still holds the socket: a non-blocking connect returns EINPROGRESS all the same
        // (__inet_stream_connect checked SYN_SENT before it released the socket), but the handshake
        // is over when it returns.
        ControlBlock listener = findListener(state, socket, destination);
        if (listener == null) {
            ControlBlock refused = socket.toBuilder()
                    .states(nonBlocking ? SocketState.SS_CONNECTING : SocketState.SS_UNCONNECTED, TcpState.TCP_CLOSE)
                    .remote(nonBlocking ? socket.remote() : Endpoint.unset(socket.family()))
                    .error(nonBlocking ? Errno.ECONNREFUSED : null)
                    .local(autobound ? Endpoint.unset(socket.family()) : socket.local()).build();
            steps.add(new Step(pid, call, Stage.ESTABLISH, state.withSocket(refused),
                    fields(refused, ControlBlock.Field.SOCKET_STATE, ControlBlock.Field.TCP_STATE,
                            ControlBlock.Field.REMOTE, ControlBlock.Field.LOCAL, ControlBlock.Field.ERROR),
                    Narration.of(!inet ? "connect.unix.refused" : nonBlocking ? "connect.refused.nonblocking"
                            : "connect.refused", fd, destination.toString()),
                    new Outcome.Failure(nonBlocking ? Errno.EINPROGRESS : Errno.ECONNREFUSED)));
            return steps;
        }
        if (listener.acceptQueue().size() > listener.backlog()) {
            steps.add(new Step(pid, call, Stage.ESTABLISH, nonBlocking ? state : before, List.of(),
                    Narration.of("connect.queueFull", fd, destination.toString(), listener.backlog()),
                    new Outcome.Failure(nonBlocking ? Errno.EINPROGRESS : Errno.ETIMEDOUT)));
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
                .options(listener.reuseAddress(), listener.lingerZero()).v6only(listener.v6only())
                .build();
        List<Integer> queue = new ArrayList<>(listener.acceptQueue());
        queue.add(childId);
        ControlBlock waiting = listener.toBuilder().acceptQueue(queue).build();
        ControlBlock connected = socket.toBuilder()
                .states(nonBlocking ? SocketState.SS_CONNECTING : SocketState.SS_CONNECTED, TcpState.TCP_ESTABLISHED)
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
                Narration.of(!inet ? "connect.unix.established" : nonBlocking ? "connect.established.nonblocking"
                        : "connect.established", fd, destination.toString(), queue.size()),
                nonBlocking ? new Outcome.Failure(Errno.EINPROGRESS) : new Outcome.Success(0)));
        return steps;
    }

    /**
     * connect() again on a socket in SS_CONNECTING (__inet_stream_connect): EALREADY while the SYN
     * waits for its answer; once the handshake is over, the socket becomes SS_CONNECTED and
     * connect() returns 0 (the next one EISCONN); when it failed, connect() reports the error
     * sk_err holds and clears it, or ECONNABORTED when SO_ERROR took it already, and the socket is
     * SS_UNCONNECTED again, free for a new attempt.
     */
    private static List<Step> again(KernelState before, int pid, Syscall call, int fd, ControlBlock socket) {
        if (socket.tcpState() == TcpState.TCP_SYN_SENT || socket.tcpState() == TcpState.TCP_SYN_RECV) {
            return SocketLookup.refuse(before, pid, call, Stage.SEND_SYN, Errno.EALREADY, "connect.already", fd);
        }
        if (socket.tcpState() == TcpState.TCP_CLOSE) {
            Errno errno = socket.error() != null ? socket.error() : Errno.ECONNABORTED;
            ControlBlock over = socket.toBuilder().states(SocketState.SS_UNCONNECTED, TcpState.TCP_CLOSE)
                    .error(null).remote(Endpoint.unset(socket.family())).build();
            return List.of(new Step(pid, call, Stage.ESTABLISH, before.withSocket(over),
                    fields(over, ControlBlock.Field.SOCKET_STATE, ControlBlock.Field.ERROR, ControlBlock.Field.REMOTE),
                    Narration.of(socket.error() != null ? "connect.failed" : "connect.aborted", fd, errno.name()),
                    new Outcome.Failure(errno)));
        }
        ControlBlock connected = socket.toBuilder().states(SocketState.SS_CONNECTED, socket.tcpState()).build();
        return List.of(new Step(pid, call, Stage.ESTABLISH, before.withSocket(connected),
                fields(connected, ControlBlock.Field.SOCKET_STATE),
                Narration.of("connect.completed", fd, socket.remote().toString()), new Outcome.Success(0)));
    }

    private static Step established(KernelState state, int pid, Syscall call, int fd, ControlBlock socket, int peer,
                                    String key) {
        ControlBlock connected = socket.toBuilder().states(SocketState.SS_CONNECTED, TcpState.TCP_ESTABLISHED)
                .peer(peer).build();
        return new Step(pid, call, Stage.ESTABLISH, state.withSocket(connected),
                fields(connected, ControlBlock.Field.SOCKET_STATE, ControlBlock.Field.TCP_STATE),
                Narration.of(key, fd, socket.remote().toString()), new Outcome.Success(0));
    }

    /** UDP (and other datagram) connect: note the peer, autobind, no packet. */
    private static List<Step> datagram(KernelState before, int pid, Syscall call, int fd, ControlBlock socket,
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
        if (socket.family() == AddressFamily.AF_UNIX) {
            return unixDatagram(before, pid, call, fd, socket, destination, changed, changes);
        }
        ControlBlock connected = changed.build();
        return List.of(new Step(pid, call, Stage.ESTABLISH, state.withSocket(connected), changes,
                Narration.of("connect.datagram", fd, destination.toString(), connected.local().toString()),
                new Outcome.Success(0)));
    }

    /**
     * unix_dgram_connect: the socket bound at that path becomes unix_peer(sk), where a send without
     * an address goes, and its sk_state becomes TCP_ESTABLISHED too (its own peer stays what it was);
     * the old peer is left. Nobody there: the connect fails and the socket stays as it was.
     */
    private static List<Step> unixDatagram(KernelState before, int pid, Syscall call, int fd, ControlBlock socket,
                                           Endpoint destination, ControlBlock.Builder changed, List<Change> changes) {
        ControlBlock bound = UnixAddresses.boundAt(before, socket.type(), destination);
        ControlBlock peer = bound != null && bound.id() != socket.id() ? bound : null;
        if (peer == null && !before.outsideWorld()) {
            Errno errno = UnixAddresses.nobodyAt(before, socket.type(), destination);
            return SocketLookup.refuse(before, pid, call, Stage.ESTABLISH, errno, "connect.unix.dgram." + errno.name(),
                    fd, destination.toString());
        }
        KernelState state = before;
        changed.peer(peer == null ? -1 : peer.id());
        if (peer != null && peer.tcpState() != TcpState.TCP_ESTABLISHED) {
            state = state.withSocket(peer.toBuilder().states(peer.socketState(), TcpState.TCP_ESTABLISHED).build());
            changes.add(new Change.FieldChanged(peer.id(), ControlBlock.Field.TCP_STATE));
        }
        ControlBlock connected = changed.build();
        state = leavePeer(state, socket, connected.peer(), changes);
        return List.of(new Step(pid, call, Stage.ESTABLISH, state.withSocket(connected), changes,
                peer != null ? Narration.of("connect.unix.datagram", fd, destination.toString())
                        : Narration.of("connect.datagram", fd, destination.toString(), connected.local().toString()),
                new Outcome.Success(0)));
    }

    /**
     * connect(fd, {AF_UNSPEC}) on an AF_UNIX socket. A datagram socket is disconnected
     * (unix_dgram_connect, "1003.1g breaking connected state with AF_UNSPEC"): it loses its peer and
     * goes back to TCP_CLOSE, and so does the old peer unless it has a peer of its own; without a
     * peer nothing changes. A stream or seqpacket socket checks the address first: EINVAL
     * (unix_validate_addr in unix_stream_connect).
     */
    static List<Step> disconnect(KernelState before, int pid, Syscall.Disconnect call) {
        SocketLookup.Found found = SocketLookup.find(before, pid, call.fd());
        if (!found.ok()) {
            return SocketLookup.failure(before, pid, call, Stage.ESTABLISH, call.fd(), found.errno());
        }
        ControlBlock socket = found.socket();
        if (socket.family() != AddressFamily.AF_UNIX || socket.isConnectionOriented()) {
            return SocketLookup.refuse(before, pid, call, Stage.ESTABLISH, Errno.EINVAL, "connect.unspec.invalid",
                    call.fd());
        }
        if (socket.peer() < 0) {
            return List.of(new Step(pid, call, Stage.ESTABLISH, before, List.of(),
                    Narration.of("connect.unspec.alone", call.fd()), new Outcome.Success(0)));
        }
        List<Change> changes = new ArrayList<>(fields(socket, ControlBlock.Field.SOCKET_STATE,
                ControlBlock.Field.TCP_STATE, ControlBlock.Field.REMOTE));
        ControlBlock alone = socket.toBuilder().peer(-1).states(SocketState.SS_UNCONNECTED, TcpState.TCP_CLOSE)
                .remote(Endpoint.unset(socket.family())).build();
        KernelState state = leavePeer(before, socket, -1, changes);
        return List.of(new Step(pid, call, Stage.ESTABLISH, state.withSocket(alone), changes,
                Narration.of("connect.unspec", call.fd()), new Outcome.Success(0)));
    }

    /**
     * An AF_UNIX datagram socket leaves its old peer for {@code newPeer} (or for none): the old peer,
     * if it is alive and has no peer of its own, goes back to TCP_CLOSE (unix_dgram_connect).
     */
    private static KernelState leavePeer(KernelState state, ControlBlock socket, int newPeer, List<Change> changes) {
        ControlBlock old = socket.peer() < 0 || socket.peer() == newPeer ? null : state.sockets().get(socket.peer());
        if (old == null || old.peer() >= 0 || old.tcpState() == TcpState.TCP_CLOSE) {
            return state;
        }
        changes.add(new Change.FieldChanged(old.id(), ControlBlock.Field.TCP_STATE));
        return state.withSocket(old.toBuilder().states(old.socketState(), TcpState.TCP_CLOSE).build());
    }

    private static List<Step> mappedUnreachable(KernelState before, int pid, Syscall call, int fd, Endpoint destination) {
        return SocketLookup.refuse(before, pid, call, Stage.SEND_SYN, Errno.ENETUNREACH, "connect.mappedV6only", fd,
                destination.address());
    }

    static ControlBlock findListener(KernelState state, ControlBlock client, Endpoint destination) {
        for (ControlBlock candidate : state.sockets().values()) {
            if (candidate.isListening() && Binding.sameTransport(candidate, client)
                    && Network.receives(candidate.local(), candidate.v6only(), destination)) {
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
