// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * listen(): a stream or seqpacket socket starts accepting connections: TCP_CLOSE becomes TCP_LISTEN, an
 * unbound socket gets an ephemeral port, and the backlog (capped at somaxconn) limits the
 * accept queue. Datagram sockets answer EOPNOTSUPP; a connected one EINVAL.
 */
final class Listening {
    private Listening() {
    }

    static List<Step> run(KernelState before, int pid, Syscall.Listen call) {
        SocketLookup.Found found = SocketLookup.find(before, pid, call.fd());
        if (!found.ok()) {
            return SocketLookup.failure(before, pid, call, Stage.LISTEN, call.fd(), found.errno());
        }
        ControlBlock socket = found.socket();
        if (!socket.isConnectionOriented()) {
            return SocketLookup.refuse(before, pid, call, Stage.LISTEN, Errno.EOPNOTSUPP, "listen.notStream",
                    call.fd(), socket.type().name());
        }
        if (socket.family() == AddressFamily.AF_UNIX && socket.local().address().isEmpty()) {
            // unix_listen: "No listens on an unbound socket" (kernel-truth/listen-and-unix).
            return SocketLookup.refuse(before, pid, call, Stage.LISTEN, Errno.EINVAL, "listen.unixUnbound", call.fd());
        }
        if (socket.tcpState() != TcpState.TCP_CLOSE && socket.tcpState() != TcpState.TCP_LISTEN) {
            return SocketLookup.refuse(before, pid, call, Stage.LISTEN, Errno.EINVAL, "listen.connected",
                    call.fd(), socket.tcpState().name());
        }
        int backlog = Math.max(0, Math.min(call.backlog(), Network.SOMAXCONN));
        KernelState state = before;
        ControlBlock.Builder changed = socket.toBuilder().states(socket.socketState(), TcpState.TCP_LISTEN)
                .backlog(backlog);
        List<Change> changes = new ArrayList<>(List.of(new Change.FieldChanged(socket.id(), ControlBlock.Field.TCP_STATE),
                new Change.FieldChanged(socket.id(), ControlBlock.Field.ACCEPT_QUEUE)));
        String key = socket.isListening() ? "listen.again" : "listen.ok";
        if (socket.family() != AddressFamily.AF_UNIX && socket.local().port() == 0) {
            int[] taken = SocketLookup.takePort(before, 1);
            state = before.withNextPort(taken[1]);
            changed.local(new Endpoint(socket.family(), socket.local().address(), taken[0]));
            changes.add(new Change.FieldChanged(socket.id(), ControlBlock.Field.LOCAL));
            key = "listen.autobind";
        }
        ControlBlock listening = changed.build();
        return List.of(new Step(pid, call, Stage.LISTEN, state.withSocket(listening), changes,
                Narration.of(key, call.fd(), listening.local().toString(), backlog), new Outcome.Success(0)));
    }
}
