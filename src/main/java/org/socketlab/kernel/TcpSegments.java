// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.List;
import java.util.Set;

/**
 * What a FIN or an RST does when it reaches the other end of a connection on this machine
 * (tcp_fin, tcp_reset, tcp_time_wait in net/ipv4/tcp_input.c and tcp_minisocks.c). The model's
 * network is instant: a segment and its answer arrive within the step that sent it.
 */
final class TcpSegments {
    private TcpSegments() {
    }

    /** True for a TCP (not AF_UNIX) stream socket. */
    static boolean isTcp(ControlBlock socket) {
        return socket.isStream() && socket.family() != AddressFamily.AF_UNIX;
    }

    /**
     * The peer receives a FIN: nothing more will arrive (reads return 0 once the queue is empty).
     * A peer still ESTABLISHED goes CLOSE_WAIT; a peer that had sent its own FIN (FIN_WAIT2)
     * leaves a TIME_WAIT sock behind and is done. Returns the state after it.
     */
    static KernelState finArrives(KernelState state, int peerId, List<Change> changes) {
        ControlBlock peer = peerId < 0 ? null : state.sockets().get(peerId);
        if (peer == null || peer.isTimeWait()) {
            return state;
        }
        if (!isTcp(peer)) {
            // An AF_UNIX stream's other end went away (unix_release_sock): the survivor's sk_shutdown
            // becomes SHUTDOWN_MASK — it reads 0 and a send is EPIPE — but its sk_state stays
            // ESTABLISHED (ss shows u_str ESTAB).
            changes.add(new Change.FieldChanged(peerId, ControlBlock.Field.SOCKET_STATE));
            return state.withSocket(peer.toBuilder().shut(true, true).peer(-1).build());
        }
        return switch (peer.tcpState()) {
            case TCP_ESTABLISHED -> {
                changes.add(new Change.FieldChanged(peerId, ControlBlock.Field.TCP_STATE));
                yield state.withSocket(peer.toBuilder().states(peer.socketState(), TcpState.TCP_CLOSE_WAIT)
                        .shut(true, peer.shutWrite()).build());
            }
            case TCP_FIN_WAIT1, TCP_FIN_WAIT2 -> timeWait(state, peer, changes);
            case NONE, TCP_SYN_SENT, TCP_SYN_RECV, TCP_TIME_WAIT, TCP_CLOSE, TCP_CLOSE_WAIT, TCP_LAST_ACK,
                    TCP_LISTEN, TCP_CLOSING -> state;
        };
    }

    /**
     * A connection that sent its FIN and now receives the peer's goes TIME_WAIT: a small TIME_WAIT
     * sock takes its place in the connection tables for 60 s; the tcp sock itself is freed if no
     * descriptor holds it (an orphan), or stays TCP_CLOSE behind its descriptor.
     */
    private static KernelState timeWait(KernelState state, ControlBlock closer, List<Change> changes) {
        int twId = state.nextSocketId();
        ControlBlock tw = closer.toBuilder().slab(KernelObjectSizes.timeWaitSlab(closer.slab()))
                .states(closer.socketState(), TcpState.TCP_TIME_WAIT).memory(KernelObjectSizes.TIME_WAIT_SOCK)
                .queued(0, 0).peer(-1).orphan(true).shut(true, true).error(null).flags(Set.of())
                .build(twId);
        SlotTrie<ControlBlock> sockets = state.sockets().with(twId, tw);
        KernelMemory memory = state.memory().allocate(KernelObjectSizes.TIME_WAIT_SOCK);
        changes.add(new Change.SocketCreated(twId));
        if (closer.orphan()) {
            sockets = sockets.without(closer.id());
            memory = memory.release(closer.memoryBytes());
            changes.add(new Change.SocketReleased(closer.id()));
        } else {
            sockets = sockets.with(closer.id(), closer.toBuilder().states(closer.socketState(), TcpState.TCP_CLOSE)
                    .shut(true, true).peer(-1).build());
            changes.add(new Change.FieldChanged(closer.id(), ControlBlock.Field.TCP_STATE));
        }
        changes.add(new Change.MemoryChanged(state.memory().used(), memory.used()));
        return state.withSockets(sockets, twId + 1).withMemory(memory);
    }

    /**
     * The peer receives an RST (tcp_reset): its connection is over at once, no TIME_WAIT. It
     * keeps the error for its next read — ECONNRESET, or EPIPE if it was in CLOSE_WAIT — and
     * every later send fails with EPIPE. A peer no descriptor holds any more is simply freed.
     */
    static KernelState resetArrives(KernelState state, int peerId, List<Change> changes) {
        ControlBlock peer = peerId < 0 ? null : state.sockets().get(peerId);
        if (peer == null || peer.isTimeWait() || !isTcp(peer)) {
            return state;
        }
        if (peer.orphan()) {
            changes.add(new Change.SocketReleased(peerId));
            KernelState after = state.withSockets(state.sockets().without(peerId), state.nextSocketId())
                    .withMemory(state.memory().release(peer.memoryBytes()));
            changes.add(new Change.MemoryChanged(state.memory().used(), after.memory().used()));
            return after;
        }
        Errno error = peer.tcpState() == TcpState.TCP_CLOSE_WAIT ? Errno.EPIPE : Errno.ECONNRESET;
        changes.add(new Change.FieldChanged(peerId, ControlBlock.Field.TCP_STATE));
        changes.add(new Change.FieldChanged(peerId, ControlBlock.Field.ERROR));
        return state.withSocket(peer.toBuilder().states(peer.socketState(), TcpState.TCP_CLOSE)
                .shut(true, true).error(error).peer(-1).build());
    }
}
