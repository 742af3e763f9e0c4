// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * send()/write()/sendto(). A TCP socket must be connected (else EPIPE, and SIGPIPE); its data
 * leaves towards the peer, whose receive queue fills when the peer is on this machine. A UDP
 * socket needs a destination (else EDESTADDRREQ); an unbound one is autobound first and the
 * datagram leaves at once — no connection needed. A connected UDP socket whose datagram finds
 * no socket on this machine hears of it through ICMP: ECONNREFUSED waits in sk_err and fails its
 * next send or receive, once (__udp4_lib_err, sock_error).
 */
final class Sending {
    private Sending() {
    }

    static List<Step> run(KernelState before, int pid, Syscall.Send call) {
        SocketLookup.Found found = SocketLookup.find(before, pid, call.fd());
        if (!found.ok()) {
            return SocketLookup.failure(before, pid, call, Stage.SEND_DATA, call.fd(), found.errno());
        }
        ControlBlock socket = found.socket();
        int length = Math.max(0, call.length());
        boolean seqpacket = socket.type() == SocketType.SOCK_SEQPACKET;
        if (socket.isStream() || seqpacket) {
            // A seqpacket socket is connected as a stream is (unix_seqpacket_sendmsg: a waiting error,
            // ENOTCONN, then unix_dgram_sendmsg's EPIPE — without SIGPIPE), and its peer gets one
            // message per send (any address given is ignored).
            if (seqpacket && socket.error() != null) {
                return List.of(reportError(before, pid, call, socket));
            }
            if (seqpacket && socket.isConnected() && socket.shutWrite()) {
                return SocketLookup.refuse(before, pid, call, Stage.SEND_DATA, Errno.EPIPE,
                        socket.peer() < 0 ? "send.seqpacket.closed" : "send.shutdown", call.name(), call.fd());
            }
            if (!socket.isConnected() || socket.shutWrite()) {
                boolean inet = socket.family() != AddressFamily.AF_UNIX;
                Errno errno = inet || socket.shutWrite() ? Errno.EPIPE : Errno.ENOTCONN;
                boolean over = socket.isConnected() && socket.tcpState() == TcpState.TCP_CLOSE;
                List<Step> refused = SocketLookup.refuse(before, pid, call, Stage.SEND_DATA, errno,
                        over ? "send.over" : socket.shutWrite() ? "send.shutdown" : inet ? "send.EPIPE" : "send.ENOTCONN",
                        call.name(), call.fd());
                return errno == Errno.EPIPE ? sigpipe(before, pid, call, refused.get(0)) : refused;
            }
            return List.of(transmit(before, pid, call, socket, socket.peer(), length,
                    seqpacket ? "send.message" : "send.stream"));
        }
        boolean unix = socket.family() == AddressFamily.AF_UNIX;
        if (unix && call.destination() == null && socket.peer() >= 0 && before.sockets().get(socket.peer()) == null) {
            // unix_dgram_sendmsg: the peer is dead. The socket is disconnected (unix_peer(sk) = NULL,
            // TCP_CLOSE) and this send fails with ECONNREFUSED; the next one finds no peer: ENOTCONN.
            ControlBlock alone = socket.toBuilder().peer(-1).states(SocketState.SS_UNCONNECTED, TcpState.TCP_CLOSE)
                    .remote(Endpoint.unset(socket.family())).build();
            return List.of(new Step(pid, call, Stage.SEND_DATA, before.withSocket(alone),
                    List.of(new Change.FieldChanged(socket.id(), ControlBlock.Field.SOCKET_STATE),
                            new Change.FieldChanged(socket.id(), ControlBlock.Field.REMOTE)),
                    Narration.of("send.unix.peerGone", call.name(), call.fd()),
                    new Outcome.Failure(Errno.ECONNREFUSED)));
        }
        if (unix && call.destination() == null && !socket.isConnected()) {
            // unix_dgram_sendmsg: no address and no peer.
            return SocketLookup.refuse(before, pid, call, Stage.SEND_DATA, Errno.ENOTCONN, "send.unix.ENOTCONN",
                    call.name(), call.fd());
        }
        Endpoint destination = call.destination() != null ? call.destination()
                : socket.isConnected() ? socket.remote() : null;
        if (destination == null) {
            return SocketLookup.refuse(before, pid, call, Stage.SEND_DATA, Errno.EDESTADDRREQ, "send.EDESTADDRREQ",
                    call.name(), call.fd());
        }
        if (destination.family() != socket.family()) {
            return SocketLookup.refuse(before, pid, call, Stage.SEND_DATA, Errno.EAFNOSUPPORT, "connect.family",
                    destination.family().name(), socket.family().name());
        }
        if (socket.error() != null) {
            // sock_alloc_send_pskb: the error an ICMP message left (sk_err) fails this send, once.
            return List.of(reportError(before, pid, call, socket));
        }
        List<Step> steps = new ArrayList<>(2);
        KernelState state = before;
        if (socket.family() != AddressFamily.AF_UNIX && socket.local().port() == 0) {
            int[] taken = SocketLookup.takePort(state, 0);
            Endpoint local = new Endpoint(socket.family(), Network.sourceFor(destination), taken[0]);
            socket = socket.toBuilder().local(local).build();
            state = state.withNextPort(taken[1]).withSocket(socket);
            steps.add(new Step(pid, call, Stage.AUTOBIND, state,
                    List.of(new Change.FieldChanged(socket.id(), ControlBlock.Field.LOCAL)),
                    Narration.of("send.autobind", call.fd(), local.toString()), Outcome.PENDING));
        }
        int receiver = -1;
        if (call.destination() == null && socket.peer() >= 0 && state.sockets().get(socket.peer()) != null) {
            // A datagram socket with a peer of its own (socketpair, an AF_UNIX connect): unix_peer(sk).
            receiver = socket.peer();
        } else if (Network.isLocal(destination)) {
            for (ControlBlock candidate : state.sockets().values()) {
                // A datagram socket that sends to its own address receives it (__udp4_lib_lookup finds it).
                if ((candidate.id() != socket.id() || socket.keepsBoundaries()) && Binding.sameTransport(candidate, socket)
                        && (!unix || candidate.type() == socket.type())
                        && Network.receives(candidate.local(), candidate.v6only(), destination)) {
                    receiver = candidate.id();
                    break;
                }
            }
        }
        if (unix && receiver < 0 && call.destination() != null && !state.outsideWorld()) {
            // unix_dgram_sendmsg → unix_find_other: nobody of this type at the address. A lesson's
            // machine has only the files its own bind() calls made; a replay's machine has others
            // (/dev/log, the journal's socket), so there the datagram leaves as the kernel says.
            Errno errno = UnixAddresses.nobodyAt(state, socket.type(), destination);
            return SocketLookup.refuse(before, pid, call, Stage.SEND_DATA, errno, "send.unix." + errno.name(),
                    call.name(), call.fd(), destination.toString());
        }
        Step sent = transmit(state, pid, call, socket, receiver, length,
                receiver >= 0 && receiver == socket.peer() ? "send.message" : "send.datagram");
        if (receiver < 0 && unreachable(state, socket, destination)) {
            // Nobody has the port: the datagram comes back as an ICMP port unreachable, and
            // __udp4_lib_err leaves ECONNREFUSED in sk_err because the socket is connected.
            ControlBlock sender = sent.state().sockets().get(socket.id());
            KernelState refused = sent.state().withSocket(sender.toBuilder().error(Errno.ECONNREFUSED).build());
            List<Change> changes = new ArrayList<>(sent.changes());
            changes.add(new Change.FieldChanged(socket.id(), ControlBlock.Field.ERROR));
            sent = new Step(pid, call, Stage.SEND_DATA, refused, changes,
                    Narration.of("send.datagram.unreachable", call.name(), call.fd(), length, destination.toString()),
                    sent.outcome());
        }
        steps.add(sent);
        return steps;
    }

    /** The waiting error (sk_err) fails this send and is cleared: it is reported once. */
    private static Step reportError(KernelState before, int pid, Syscall.Send call, ControlBlock socket) {
        ControlBlock told = socket.toBuilder().error(null).build();
        return new Step(pid, call, Stage.SEND_DATA, before.withSocket(told),
                List.of(new Change.FieldChanged(socket.id(), ControlBlock.Field.ERROR)),
                Narration.of(socket.family() == AddressFamily.AF_UNIX ? "send.error.unix" : "send.error",
                        call.name(), call.fd(), socket.error().name()),
                new Outcome.Failure(socket.error()));
    }

    /**
     * True when a datagram to {@code destination} comes back as an ICMP port unreachable that the
     * socket is told of: an IPv4 or IPv6 socket connected to that very address, on this machine,
     * where nobody holds the port. On a machine shared with processes the model does not see (a
     * replay), nobody can say: the port may be theirs.
     */
    private static boolean unreachable(KernelState state, ControlBlock socket, Endpoint destination) {
        return !state.outsideWorld() && socket.family() != AddressFamily.AF_UNIX && socket.isConnected()
                && destination.equals(socket.remote()) && Network.isLocal(destination);
    }

    /**
     * EPIPE on a stream also raises SIGPIPE (sk_stream_error): unless MSG_NOSIGNAL was given or the
     * process ignores or handles the signal, its default action ends the process then and there.
     */
    private static List<Step> sigpipe(KernelState before, int pid, Syscall.Send call, Step epipe) {
        if ((call.flags() & Syscall.Send.MSG_NOSIGNAL) != 0) {
            return List.of(epipe);
        }
        Step raised = new Step(pid, call, Stage.SEND_DATA, before, List.of(), epipe.narration(), Outcome.PENDING);
        if (before.process(pid).ignoresSigpipe()) {
            return List.of(raised, new Step(pid, call, Stage.SIGNAL, before, List.of(),
                    Narration.of("signal.sigpipe.survived", call.name()), new Outcome.Failure(Errno.EPIPE)));
        }
        // The default action ends the whole thread group: the caller's threads first, then the caller.
        KernelState state = before;
        List<Change> changes = new ArrayList<>();
        long freed = 0;
        for (Process thread : before.processesUsing(before.process(pid).tableId())) {
            if (thread.pid() != pid) {
                state = ProcessCalls.end(state, thread.pid()).state();
            }
        }
        ProcessCalls.Ended ended = ProcessCalls.end(state, pid);
        changes.addAll(ended.changes());
        freed += ended.freed();
        return List.of(raised, new Step(pid, call, Stage.SIGNAL, ended.state(), changes,
                        Narration.of("signal.sigpipe.killed", pid, 128 + Syscall.SignalAction.SIGPIPE, freed),
                        new Outcome.Failure(Errno.EPIPE)));
    }

    private static Step transmit(KernelState state, int pid, Syscall.Send call, ControlBlock socket, int receiver,
                                 int length, String key) {
        boolean inet = socket.family() != AddressFamily.AF_UNIX;
        ControlBlock sender = socket.toBuilder().packetsSent(socket.packetsSent() + (inet && (length > 0 || !socket.isStream()) ? 1 : 0))
                .build();
        KernelState after = state.withSocket(sender);
        List<Change> changes = new ArrayList<>(List.of(new Change.FieldChanged(socket.id(), ControlBlock.Field.PACKETS)));
        ControlBlock peer = receiver < 0 ? null : after.sockets().get(receiver);
        if (peer != null && peer.orphan() && TcpSegments.isTcp(peer) && !peer.isTimeWait()) {
            // Data for a socket its application has closed: the orphan answers with an RST and is
            // gone; the sender learns it (tcp_rcv_state_process, tcp_reset).
            KernelState reset = after.withSockets(after.sockets().without(receiver), after.nextSocketId())
                    .withMemory(after.memory().release(peer.memoryBytes()));
            changes.add(new Change.SocketReleased(receiver));
            changes.add(new Change.MemoryChanged(after.memory().used(), reset.memory().used()));
            reset = TcpSegments.resetArrives(reset, sender.id(), changes);
            return new Step(pid, call, Stage.SEND_DATA, reset, changes,
                    Narration.of("send.stream.orphan", call.name(), call.fd(), length, socket.remote().toString()),
                    new Outcome.Success(length));
        }
        if (peer != null && peer.keepsBoundaries()) {
            // One sk_buff per send: the receiver's queue holds messages, a zero-length one too.
            List<Integer> messages = new ArrayList<>(peer.messages());
            messages.add(length);
            after = after.withSocket(peer.toBuilder().messages(messages).build());
            changes.add(new Change.FieldChanged(receiver, ControlBlock.Field.QUEUED));
        } else if (peer != null) {
            after = after.withSocket(peer.toBuilder().queued(peer.sendQueued(), peer.receiveQueued() + length).build());
            changes.add(new Change.FieldChanged(receiver, ControlBlock.Field.QUEUED));
        }
        Endpoint to = call.destination() != null ? call.destination() : socket.remote();
        return new Step(pid, call, Stage.SEND_DATA, after, changes,
                Narration.of(peer != null ? key + ".local" : key, call.name(), call.fd(), length, to.toString()),
                new Outcome.Success(length));
    }
}
