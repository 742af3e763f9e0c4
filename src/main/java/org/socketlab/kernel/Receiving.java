// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.List;

/**
 * recv()/recvfrom()/read() on a socket, in the order tcp_recvmsg_locked decides: queued bytes
 * first (as many as asked for; the rest stay queued); with nothing queued, the error a reset left
 * (ECONNRESET, reported once), then 0 once nothing more can arrive (the peer's FIN, a reset
 * already reported, shutdown(SHUT_RD)), ENOTCONN on a socket that never connected, EAGAIN when
 * the call must not wait (O_NONBLOCK or MSG_DONTWAIT); otherwise the call waits.
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
        if (!found.ok() || call.arrived() <= 0 && !call.finArrived()) {
            return run(before, pid, receive);
        }
        ControlBlock socket = found.socket();
        ControlBlock.Builder arrived = socket.toBuilder()
                .queued(socket.sendQueued(), socket.receiveQueued() + Math.max(0, call.arrived()));
        if (call.finArrived() && !socket.shutRead()) {
            arrived.shut(true, socket.shutWrite());
            if (TcpSegments.isTcp(socket) && socket.tcpState() == TcpState.TCP_ESTABLISHED) {
                arrived.states(socket.socketState(), TcpState.TCP_CLOSE_WAIT);
            }
        }
        return run(before.withSocket(arrived.build()), pid, receive);
    }
}
