// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * What happens when a socket's last reference goes (tcp_close, __tcp_close in net/ipv4/tcp.c).
 * The struct socket, its inode and file go at once; the protocol's sock goes with them unless a
 * TCP connection still has to be closed: then it lives on without a descriptor (an orphan).
 * <ul>
 * <li>a listener stops, and the connections still waiting in its queue are reset;</li>
 * <li>unread data in the receive queue, or SO_LINGER {1, 0}: an RST, the sock is freed, the peer's
 *     next read fails with ECONNRESET;</li>
 * <li>otherwise a FIN: ESTABLISHED goes FIN_WAIT1, and FIN_WAIT2 once the peer's ACK is back (the
 *     peer goes CLOSE_WAIT and reads 0); CLOSE_WAIT goes LAST_ACK, the peer goes TIME_WAIT and
 *     its ACK frees the sock.</li>
 * </ul>
 * The model's network is instant, so every exchange ends within the call that starts it.
 */
final class SocketRelease {
    /** The state after the release and what it changed; {@code bytes} the memory returned. */
    record Released(KernelState state, List<Change> changes, long bytes) {
    }

    /** One step of a release, as close() shows it. */
    record Phase(Stage stage, KernelState state, List<Change> changes, Narration narration) {
    }

    private SocketRelease() {
    }

    /** The whole release at once (exit, dup2 over a socket). */
    static Released release(KernelState before, int socketId) {
        List<Phase> phases = phases(before, socketId);
        List<Change> changes = new ArrayList<>();
        for (Phase phase : phases) {
            changes.addAll(phase.changes());
        }
        KernelState after = phases.get(phases.size() - 1).state();
        return new Released(after, changes, Math.max(0, before.memory().used() - after.memory().used()));
    }

    /** The release step by step: what goes at once, then the FIN or RST and its answer. */
    static List<Phase> phases(KernelState before, int socketId) {
        ControlBlock socket = before.sockets().get(socketId);
        if (!TcpSegments.isTcp(socket) || !holdsConnection(socket.tcpState())) {
            return List.of(freeAll(before, socket));
        }
        List<Phase> phases = new ArrayList<>(3);
        long socketPart = socket.memoryBytes() - KernelObjectSizes.protocolBytes(socket.slab());
        ControlBlock orphan = socket.toBuilder().orphan(true).shut(true, socket.shutWrite())
                .memory(socket.memoryBytes() - socketPart).build();
        KernelState state = before.withSocket(orphan).withMemory(before.memory().release(socketPart));
        phases.add(new Phase(Stage.RELEASE_SOCKET, state,
                List.of(new Change.FieldChanged(socketId, ControlBlock.Field.MEMORY),
                        new Change.MemoryChanged(before.memory().used(), state.memory().used())),
                Narration.of("close.orphan", socketPart, orphan.memoryBytes(), socket.tcpState().name())));
        if (socket.receiveQueued() > 0 || socket.lingerZero()) {
            phases.add(reset(state, orphan));
            return phases;
        }
        switch (socket.tcpState()) {
            case TCP_ESTABLISHED, TCP_SYN_RECV -> phases.add(finFromEstablished(state, orphan));
            case TCP_CLOSE_WAIT -> {
                Phase fin = finFromCloseWait(state, orphan);
                phases.add(fin);
                phases.add(lastAck(fin.state(), socketId));
            }
            case TCP_FIN_WAIT1, TCP_FIN_WAIT2, TCP_LAST_ACK, TCP_CLOSING, NONE, TCP_SYN_SENT, TCP_TIME_WAIT,
                    TCP_CLOSE, TCP_LISTEN -> {
                // Its FIN went out with an earlier shutdown(): the orphan waits for the rest.
            }
        }
        return phases;
    }

    /** States in which closing has a connection to end, so the tcp sock outlives the descriptor. */
    private static boolean holdsConnection(TcpState state) {
        return switch (state) {
            case TCP_ESTABLISHED, TCP_SYN_RECV, TCP_CLOSE_WAIT, TCP_FIN_WAIT1, TCP_FIN_WAIT2, TCP_LAST_ACK,
                    TCP_CLOSING -> true;
            case NONE, TCP_SYN_SENT, TCP_TIME_WAIT, TCP_CLOSE, TCP_LISTEN -> false;
        };
    }

    /** No connection to end: everything goes, and a listener's queued connections are reset. */
    private static Phase freeAll(KernelState before, ControlBlock socket) {
        SlotTrie<ControlBlock> sockets = before.sockets().without(socket.id());
        List<Change> changes = new ArrayList<>();
        changes.add(new Change.SocketReleased(socket.id()));
        long bytes = socket.memoryBytes();
        List<Integer> resetPeers = new ArrayList<>();
        for (int childId : socket.acceptQueue()) {
            ControlBlock child = sockets.get(childId);
            if (child != null) {
                bytes += child.memoryBytes();
                sockets = sockets.without(childId);
                changes.add(new Change.SocketReleased(childId));
                resetPeers.add(child.peer());
            }
        }
        KernelState after = before.withSockets(sockets, before.nextSocketId())
                .withMemory(before.memory().release(bytes));
        for (int peer : resetPeers) {
            after = TcpSegments.resetArrives(after, peer, changes);
        }
        if (!TcpSegments.isTcp(socket) && socket.isConnectionOriented()) {
            ControlBlock peer = socket.peer() < 0 ? null : after.sockets().get(socket.peer());
            after = TcpSegments.finArrives(after, socket.peer(), changes);
            if (peer != null && (socket.receiveQueued() > 0 || !socket.messages().isEmpty())) {
                // unix_release_sock: closing with unread data leaves ECONNRESET for the peer's next call.
                after = after.withSocket(after.sockets().get(peer.id()).toBuilder().error(Errno.ECONNRESET).build());
                changes.add(new Change.FieldChanged(peer.id(), ControlBlock.Field.ERROR));
            }
        }
        changes.add(new Change.MemoryChanged(before.memory().used(), after.memory().used()));
        String key = socket.acceptQueue().isEmpty() ? "close.release" : "close.listener";
        return new Phase(Stage.RELEASE_SOCKET, after, changes,
                Narration.of(key, bytes, socket.acceptQueue().size()));
    }

    /** Unread data or SO_LINGER 0: an RST instead of a FIN, and the sock is freed at once. */
    private static Phase reset(KernelState state, ControlBlock orphan) {
        List<Change> changes = new ArrayList<>();
        changes.add(new Change.SocketReleased(orphan.id()));
        KernelState after = state.withSockets(state.sockets().without(orphan.id()), state.nextSocketId())
                .withMemory(state.memory().release(orphan.memoryBytes()));
        after = TcpSegments.resetArrives(after, orphan.peer(), changes);
        changes.add(new Change.MemoryChanged(state.memory().used(), after.memory().used()));
        boolean unread = orphan.receiveQueued() > 0;
        return new Phase(Stage.SEND_RESET, after, changes,
                Narration.of(unread ? "close.reset.unread" : "close.reset.linger", orphan.receiveQueued(),
                        orphan.memoryBytes(), orphan.remote().toString()));
    }

    /** ESTABLISHED: the FIN leaves (FIN_WAIT1); the peer's ACK makes it FIN_WAIT2. */
    private static Phase finFromEstablished(KernelState state, ControlBlock orphan) {
        List<Change> changes = new ArrayList<>();
        ControlBlock waiting = orphan.toBuilder().states(orphan.socketState(), TcpState.TCP_FIN_WAIT2)
                .shut(true, true).packetsSent(orphan.packetsSent() + 1).build();
        KernelState after = state.withSocket(waiting);
        changes.add(new Change.FieldChanged(orphan.id(), ControlBlock.Field.TCP_STATE));
        changes.add(new Change.FieldChanged(orphan.id(), ControlBlock.Field.PACKETS));
        boolean local = orphan.peer() >= 0 && state.sockets().get(orphan.peer()) != null;
        after = TcpSegments.finArrives(after, orphan.peer(), changes);
        return new Phase(Stage.SEND_FIN, after, changes,
                Narration.of(local ? "close.fin" : "close.fin.remote", orphan.remote().toString(),
                        orphan.memoryBytes()));
    }

    /** CLOSE_WAIT: its own FIN (LAST_ACK); the peer, in FIN_WAIT2, goes TIME_WAIT and answers. */
    private static Phase finFromCloseWait(KernelState state, ControlBlock orphan) {
        List<Change> changes = new ArrayList<>();
        ControlBlock last = orphan.toBuilder().states(orphan.socketState(), TcpState.TCP_LAST_ACK)
                .shut(true, true).packetsSent(orphan.packetsSent() + 1).build();
        KernelState after = state.withSocket(last);
        changes.add(new Change.FieldChanged(orphan.id(), ControlBlock.Field.TCP_STATE));
        changes.add(new Change.FieldChanged(orphan.id(), ControlBlock.Field.PACKETS));
        boolean local = orphan.peer() >= 0 && state.sockets().get(orphan.peer()) != null;
        after = TcpSegments.finArrives(after, orphan.peer(), changes);
        return new Phase(Stage.SEND_FIN, after, changes,
                Narration.of(local ? "close.lastAck" : "close.lastAck.remote", orphan.remote().toString(),
                        KernelObjectSizes.TIME_WAIT_SOCK));
    }

    /** The ACK of its FIN comes back: the connection is over and the sock is freed. */
    private static Phase lastAck(KernelState state, int socketId) {
        ControlBlock socket = state.sockets().get(socketId);
        KernelState after = state.withSockets(state.sockets().without(socketId), state.nextSocketId())
                .withMemory(state.memory().release(socket.memoryBytes()));
        return new Phase(Stage.RELEASE_SOCKET, after,
                List.of(new Change.SocketReleased(socketId),
                        new Change.MemoryChanged(state.memory().used(), after.memory().used())),
                Narration.of("close.acked", socket.memoryBytes()));
    }
}
