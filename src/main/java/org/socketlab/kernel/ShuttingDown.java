// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * shutdown(fd, how): closes one or both directions of a connection without closing the
 * descriptor. SHUT_WR on TCP sends a FIN (TCP_FIN_WAIT1, then TCP_FIN_WAIT2 when its ACK is back; a
 * peer on this machine goes TCP_CLOSE_WAIT and reads 0). A socket that is not connected answers ENOTCONN;
 * a listener is not refused (inet_shutdown looks at sk_state).
 */
final class ShuttingDown {
    static final int SHUT_RD = 0;
    static final int SHUT_WR = 1;
    static final int SHUT_RDWR = 2;

    private ShuttingDown() {
    }

    /**
     * inet_shutdown looks at sk_state, not at whether the socket is connected: on a listener
     * SHUT_WR does nothing (0), and SHUT_RD or SHUT_RDWR stops listening — tcp_disconnect() closes
     * it and resets what waits in its queue — and returns 0 (kernel-truth/shutdown-rules).
     */
    private static List<Step> listener(KernelState before, int pid, Syscall.Shutdown call, ControlBlock socket) {
        if (call.how() == SHUT_WR) {
            return List.of(new Step(pid, call, Stage.SHUTDOWN, before, List.of(),
                    Narration.of("shutdown.listener.write", call.fd()), new Outcome.Success(0)));
        }
        KernelState state = before;
        List<Change> changes = new ArrayList<>();
        for (int child : socket.acceptQueue()) {
            if (state.sockets().get(child) != null) {
                SocketRelease.Released released = SocketRelease.release(state, child);
                state = released.state();
                changes.addAll(released.changes());
            }
        }
        ControlBlock closed = socket.toBuilder().states(socket.socketState(), TcpState.TCP_CLOSE).backlog(0)
                .acceptQueue(List.of()).build();
        changes.add(new Change.FieldChanged(socket.id(), ControlBlock.Field.TCP_STATE));
        changes.add(new Change.FieldChanged(socket.id(), ControlBlock.Field.ACCEPT_QUEUE));
        return List.of(new Step(pid, call, Stage.SHUTDOWN, state.withSocket(closed), changes,
                Narration.of("shutdown.listener.stop", call.fd(), socket.acceptQueue().size()),
                new Outcome.Success(0)));
    }

    static List<Step> run(KernelState before, int pid, Syscall.Shutdown call) {
        SocketLookup.Found found = SocketLookup.find(before, pid, call.fd());
        if (!found.ok()) {
            return SocketLookup.failure(before, pid, call, Stage.SHUTDOWN, call.fd(), found.errno());
        }
        if (call.how() < SHUT_RD || call.how() > SHUT_RDWR) {
            return SocketLookup.refuse(before, pid, call, Stage.SHUTDOWN, Errno.EINVAL, "shutdown.how", call.how());
        }
        ControlBlock socket = found.socket();
        if (socket.isListening() && socket.family() != AddressFamily.AF_UNIX) {
            return listener(before, pid, call, socket);
        }
        if (!socket.isConnected()) {
            return SocketLookup.refuse(before, pid, call, Stage.SHUTDOWN, Errno.ENOTCONN, "shutdown.ENOTCONN",
                    call.fd());
        }
        boolean read = socket.shutRead() || call.how() != SHUT_WR;
        boolean write = socket.shutWrite() || call.how() != SHUT_RD;
        boolean fin = write && !socket.shutWrite() && socket.isStream() && socket.family() != AddressFamily.AF_UNIX;
        ControlBlock.Builder changed = socket.toBuilder().shut(read, write);
        List<Change> changes = new ArrayList<>();
        KernelState state = before;
        if (fin) {
            boolean closeWait = socket.tcpState() == TcpState.TCP_CLOSE_WAIT;
            // The peer's ACK comes back at once: FIN_WAIT1 becomes FIN_WAIT2; LAST_ACK ends the connection.
            changed.states(socket.socketState(), closeWait ? TcpState.TCP_LAST_ACK : TcpState.TCP_FIN_WAIT2)
                    .packetsSent(socket.packetsSent() + 1);
            changes.add(new Change.FieldChanged(socket.id(), ControlBlock.Field.TCP_STATE));
            changes.add(new Change.FieldChanged(socket.id(), ControlBlock.Field.PACKETS));
            state = TcpSegments.finArrives(state, socket.peer(), changes);
            if (closeWait) {
                changed.states(socket.socketState(), TcpState.TCP_CLOSE).peer(-1);
            }
        }
        state = state.withSocket(changed.build());
        String key = "shutdown." + (call.how() == SHUT_RD ? "read" : fin ? "fin" : "write");
        return List.of(new Step(pid, call, Stage.SHUTDOWN, state, changes, Narration.of(key, call.fd()),
                new Outcome.Success(0)));
    }
}
