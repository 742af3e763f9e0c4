// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * recv()/recvfrom()/read() on a socket. A byte stream, in the order tcp_recvmsg_locked decides:
 * queued bytes first (as many as asked for; the rest stay queued); with nothing queued, the error a
 * reset left (ECONNRESET, reported once), then 0 once nothing more can arrive (the peer's FIN, a
 * reset already reported, shutdown(SHUT_RD)), ENOTCONN on a socket that never connected, EAGAIN
 * when the call must not wait (O_NONBLOCK or MSG_DONTWAIT); otherwise the call waits. A socket that
 * keeps message boundaries is {@link #message read message by message}.
 */
final class Receiving {
    private Receiving() {
    }

    static List<Step> run(KernelState before, int pid, Syscall.Receive call) {
        SocketLookup.Found found = SocketLookup.find(before, pid, call.fd());
        if (!found.ok()) {
            return SocketLookup.failure(before, pid, call, Stage.RECEIVE_DATA, call.fd(), found.errno());
        }
        ControlBlock socket = found.socket();
        int length = Math.max(0, call.length());
        if (length == 0 && call.name().equals("read")) {
            // sock_read_iter: a read of 0 bytes returns 0 before the protocol is asked.
            return List.of(new Step(pid, call, Stage.RECEIVE_DATA, before, List.of(),
                    Narration.of("recv.nothingAsked", call.name(), call.fd()), new Outcome.Success(0)));
        }
        if (socket.keepsBoundaries()) {
            return List.of(message(before, pid, call, socket, length,
                    found.file().nonBlocking() || (call.flags() & Syscall.Receive.MSG_DONTWAIT) != 0));
        }
        if (!socket.isStream() && socket.error() != null) {
            // __skb_recv_udp: a datagram socket reports a waiting error (an ICMP port unreachable)
            // before it looks at its queue.
            return List.of(reportError(before, pid, call, socket, "recv.error.datagram"));
        }
        if (socket.receiveQueued() > 0 && length > 0) {
            int taken = Math.min(length, socket.receiveQueued());
            boolean peek = (call.flags() & Syscall.Receive.MSG_PEEK) != 0;
            ControlBlock drained = peek ? socket
                    : socket.toBuilder().queued(socket.sendQueued(), socket.receiveQueued() - taken).build();
            return List.of(new Step(pid, call, Stage.RECEIVE_DATA, before.withSocket(drained),
                    peek ? List.of() : List.of(new Change.FieldChanged(socket.id(), ControlBlock.Field.QUEUED)),
                    Narration.of(peek ? "recv.peek" : "recv.data", call.name(), call.fd(), taken,
                            drained.receiveQueued()),
                    new Outcome.Success(taken)));
        }
        if (length == 0) {
            return List.of(new Step(pid, call, Stage.RECEIVE_DATA, before, List.of(),
                    Narration.of("recv.nothingAsked", call.name(), call.fd()), new Outcome.Success(0)));
        }
        if (socket.error() != null) {
            return List.of(reportError(before, pid, call, socket, "recv.error"));
        }
        if (socket.shutRead()) {
            return List.of(new Step(pid, call, Stage.RECEIVE_DATA, before, List.of(),
                    Narration.of("recv.end", call.name(), call.fd()), new Outcome.Success(0)));
        }
        if (socket.isStream() && (socket.isListening() || !socket.isConnected())) {
            return SocketLookup.refuse(before, pid, call, Stage.RECEIVE_DATA, Errno.ENOTCONN, "recv.ENOTCONN",
                    call.name(), call.fd());
        }
        boolean dontWait = found.file().nonBlocking() || (call.flags() & Syscall.Receive.MSG_DONTWAIT) != 0;
        return List.of(new Step(pid, call, Stage.RECEIVE_DATA, before, List.of(),
                Narration.of(dontWait ? "recv.EAGAIN" : "recv.blocked", call.name(), call.fd()),
                dontWait ? new Outcome.Failure(Errno.EAGAIN) : Outcome.BLOCKED));
    }

    /**
     * A receive on a socket that keeps message boundaries (udp_recvmsg, unix_dgram_recvmsg and
     * unix_seqpacket_recvmsg over __skb_try_recv_datagram): a waiting error (sk_err) first, once;
     * then the oldest message, whole: the buffer gets at most its first {@code length} bytes, the
     * rest of that message is discarded (MSG_TRUNC), and the call returns the bytes copied — the
     * message's full length when the caller passed MSG_TRUNC. MSG_PEEK leaves it queued. A
     * zero-length datagram is a message: it returns 0. With nothing queued: a seqpacket socket never
     * connected → ENOTCONN; shut for reading (the seqpacket peer closed, or shutdown(SHUT_RD)) → 0,
     * except that a datagram socket that must not wait says EAGAIN; else EAGAIN or the call waits.
     */
    private static Step message(KernelState before, int pid, Syscall.Receive call, ControlBlock socket, int length,
                                boolean dontWait) {
        boolean seqpacket = socket.type() == SocketType.SOCK_SEQPACKET;
        if (seqpacket && !socket.isConnected()) {
            // unix_seqpacket_recvmsg: sk_state must be TCP_ESTABLISHED, whatever is queued.
            return new Step(pid, call, Stage.RECEIVE_DATA, before, List.of(),
                    Narration.of("recv.ENOTCONN.seqpacket", call.name(), call.fd()),
                    new Outcome.Failure(Errno.ENOTCONN));
        }
        if (socket.error() != null) {
            return reportError(before, pid, call, socket, socket.family() == AddressFamily.AF_UNIX
                    ? "recv.error" : "recv.error.datagram");
        }
        if (!socket.messages().isEmpty()) {
            int whole = socket.messages().get(0);
            int copied = Math.min(length, whole);
            boolean peek = (call.flags() & Syscall.Receive.MSG_PEEK) != 0;
            boolean trunc = (call.flags() & Syscall.Receive.MSG_TRUNC) != 0;
            ControlBlock after = peek ? socket : socket.toBuilder().messages(
                    socket.messages().subList(1, socket.messages().size())).build();
            String key = peek ? "recv.message.peek" : copied < whole ? "recv.message.truncated" : "recv.message";
            return new Step(pid, call, Stage.RECEIVE_DATA, before.withSocket(after),
                    peek ? List.of() : List.of(new Change.FieldChanged(socket.id(), ControlBlock.Field.QUEUED)),
                    Narration.of(key, call.name(), call.fd(), whole, copied, after.messages().size()),
                    new Outcome.Success(trunc ? whole : copied));
        }
        if (socket.shutRead() && (seqpacket || !dontWait)) {
            return new Step(pid, call, Stage.RECEIVE_DATA, before, List.of(),
                    Narration.of(seqpacket ? "recv.end.seqpacket" : "recv.end.datagram", call.name(), call.fd()),
                    new Outcome.Success(0));
        }
        return new Step(pid, call, Stage.RECEIVE_DATA, before, List.of(),
                Narration.of(dontWait ? "recv.EAGAIN.message" : "recv.blocked.message", call.name(), call.fd()),
                dontWait ? new Outcome.Failure(Errno.EAGAIN) : Outcome.BLOCKED);
    }

    /** The waiting error (sk_err) fails the call and is cleared: it is reported once. */
    private static Step reportError(KernelState before, int pid, Syscall.Receive call, ControlBlock socket,
                                    String key) {
        ControlBlock told = socket.toBuilder().error(null).build();
        return new Step(pid, call, Stage.RECEIVE_DATA, before.withSocket(told),
                List.of(new Change.FieldChanged(socket.id(), ControlBlock.Field.ERROR)),
                Narration.of(key, call.name(), call.fd(), socket.error().name()),
                new Outcome.Failure(socket.error()));
    }

    /** Data (and perhaps the FIN) from a peer the model does not see arrive, then the receive runs. */
    static List<Step> fromOutside(KernelState before, int pid, Syscall.ReceiveFromOutside call) {
        Syscall.Receive receive = call.receive();
        SocketLookup.Found found = SocketLookup.find(before, pid, receive.fd());
        if (!found.ok() || !found.socket().keepsBoundaries() && call.arrived() <= 0 && !call.finArrived()
                || found.socket().keepsBoundaries() && (call.arrived() < 0 || call.finArrived())) {
            return run(before, pid, receive);
        }
        ControlBlock socket = found.socket();
        ControlBlock.Builder arrived = socket.toBuilder();
        if (socket.keepsBoundaries()) {
            // One message from a sender the model does not see, queued behind the model's own.
            List<Integer> messages = new ArrayList<>(socket.messages());
            messages.add(call.arrived());
            arrived.messages(messages);
        } else {
            arrived.queued(socket.sendQueued(), socket.receiveQueued() + Math.max(0, call.arrived()));
        }
        if (call.finArrived() && !socket.shutRead()) {
            if (TcpSegments.isTcp(socket) && (socket.tcpState() == TcpState.TCP_ESTABLISHED
                    || socket.tcpState() == TcpState.TCP_FIN_WAIT1 || socket.tcpState() == TcpState.TCP_FIN_WAIT2)) {
                // tcp_fin, as for a peer on this machine: ESTABLISHED goes CLOSE_WAIT, a socket that
                // sent its own FIN (FIN_WAIT2 here: the model's peers ACK at once) goes TIME_WAIT.
                KernelState queued = before.withSocket(arrived.build());
                return run(TcpSegments.finArrives(queued, socket.id(), new ArrayList<>()), pid, receive);
            }
            arrived.shut(true, socket.shutWrite());
        }
        return run(before.withSocket(arrived.build()), pid, receive);
    }
}
