// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * What happens when a socket's last reference goes: its memory returns to the pool, the
 * connections still waiting in a listener's queue go with it, and a peer on this machine
 * learns that the other side closed (TCP_CLOSE_WAIT after the FIN).
 */
final class SocketRelease {
    /** The state after the release and what it changed. */
    record Released(KernelState state, List<Change> changes, long bytes) {
    }

    private SocketRelease() {
    }

    static Released release(KernelState before, int socketId) {
        ControlBlock socket = before.sockets().get(socketId);
        SlotTrie<ControlBlock> sockets = before.sockets().without(socketId);
        List<Change> changes = new ArrayList<>();
        changes.add(new Change.SocketReleased(socketId));
        long bytes = socket.memoryBytes();
        for (int childId : socket.acceptQueue()) {
            ControlBlock child = sockets.get(childId);
            if (child != null) {
                bytes += child.memoryBytes();
                sockets = sockets.without(childId);
                changes.add(new Change.SocketReleased(childId));
                sockets = closePeer(sockets, child.peer(), changes);
            }
        }
        if (socket.tcpState() == TcpState.TCP_ESTABLISHED || socket.tcpState() == TcpState.TCP_CLOSE_WAIT) {
            sockets = closePeer(sockets, socket.peer(), changes);
        }
        KernelState after = before.withSockets(sockets, before.nextSocketId())
                .withMemory(before.memory().release(bytes));
        changes.add(new Change.MemoryChanged(before.memory().used(), after.memory().used()));
        return new Released(after, changes, bytes);
    }

    /** The peer of a closed connection receives a FIN: it may still read, then must close too. */
    private static SlotTrie<ControlBlock> closePeer(SlotTrie<ControlBlock> sockets, int peerId, List<Change> changes) {
        ControlBlock peer = peerId < 0 ? null : sockets.get(peerId);
        if (peer == null || peer.tcpState() != TcpState.TCP_ESTABLISHED) {
            return sockets;
        }
        boolean tcp = peer.family() != AddressFamily.AF_UNIX;
        ControlBlock told = peer.toBuilder().states(peer.socketState(), tcp ? TcpState.TCP_CLOSE_WAIT : TcpState.TCP_CLOSE)
                .peer(-1).build();
        changes.add(new Change.FieldChanged(peerId, ControlBlock.Field.TCP_STATE));
        return sockets.with(peerId, told);
    }
}
