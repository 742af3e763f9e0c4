// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.Objects;
import java.util.Set;

/**
 * The socket's control information: the "form" the protocol stack fills in (Linux keeps it
 * in {@code struct socket} and the protocol's {@code struct sock}). A control block is
 * {@linkplain #isBlank() blank} between stage 1 (memory allocated, zeroed) and stage 2
 * (initial values written).
 *
 * @param id                 the socket's inode number, as strace prints it in {@code socket:[id]}
 * @param family             the address family
 * @param type               the socket type
 * @param protocol           the protocol number; 0 was resolved to TCP or UDP in stage 2
 * @param flags              the flags socket() was given
 * @param socketState        BSD-layer state (socket.state)
 * @param tcpState           protocol-layer state (sk_state)
 * @param local              local address and port; unset until bind/connect/listen/sendto
 * @param remote             remote address and port; unset until connect
 * @param sendBufferLimit    sk_sndbuf in bytes (a limit; no buffer memory exists yet)
 * @param receiveBufferLimit sk_rcvbuf in bytes
 * @param sendQueued         bytes waiting in the send queue
 * @param receiveQueued      bytes waiting in the receive queue
 * @param slab               the slab the protocol's sock came from ("TCP", "UDPv6", ...)
 * @param memoryBytes        kernel memory this socket holds right now
 */
public record ControlBlock(
        int id,
        AddressFamily family,
        SocketType type,
        int protocol,
        Set<SocketFlag> flags,
        SocketState socketState,
        TcpState tcpState,
        Endpoint local,
        Endpoint remote,
        int sendBufferLimit,
        int receiveBufferLimit,
        int sendQueued,
        int receiveQueued,
        String slab,
        long memoryBytes) {

    /** The fields of the form, used to say which ones a step changed. */
    public enum Field {
        FAMILY, TYPE, PROTOCOL, FLAGS, SOCKET_STATE, TCP_STATE, LOCAL, REMOTE,
        SEND_BUFFER, RECEIVE_BUFFER, QUEUED, MEMORY
    }

    public ControlBlock {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(type, "type");
        flags = Set.copyOf(flags);
        Objects.requireNonNull(socketState, "socketState");
        Objects.requireNonNull(tcpState, "tcpState");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(slab, "slab");
    }

    /** Stage 1: freshly allocated, zeroed memory — nothing written but what sk_alloc sets. */
    static ControlBlock allocated(int id, AddressFamily family, SocketType type, Set<SocketFlag> flags,
                                  String slab, long memoryBytes) {
        return new ControlBlock(id, family, type, 0, flags, SocketState.SS_FREE, TcpState.NONE,
                Endpoint.unset(family), Endpoint.unset(family), 0, 0, 0, 0, slab, memoryBytes);
    }

    /** True between allocation and initialisation: the form is still empty. */
    public boolean isBlank() {
        return socketState == SocketState.SS_FREE;
    }

    /** True when the protocol is a byte stream with connections (TCP). */
    public boolean isStream() {
        return type == SocketType.SOCK_STREAM;
    }

    ControlBlock withProtocolState(int newProtocol, SocketState newSocketState, TcpState newTcpState,
                                   int sndbuf, int rcvbuf) {
        return new ControlBlock(id, family, type, newProtocol, flags, newSocketState, newTcpState, local, remote,
                sndbuf, rcvbuf, sendQueued, receiveQueued, slab, memoryBytes);
    }

    ControlBlock withStates(SocketState newSocketState, TcpState newTcpState) {
        return new ControlBlock(id, family, type, protocol, flags, newSocketState, newTcpState, local, remote,
                sendBufferLimit, receiveBufferLimit, sendQueued, receiveQueued, slab, memoryBytes);
    }

    ControlBlock withLocal(Endpoint newLocal) {
        return new ControlBlock(id, family, type, protocol, flags, socketState, tcpState, newLocal, remote,
                sendBufferLimit, receiveBufferLimit, sendQueued, receiveQueued, slab, memoryBytes);
    }

    ControlBlock withRemote(Endpoint newRemote) {
        return new ControlBlock(id, family, type, protocol, flags, socketState, tcpState, local, newRemote,
                sendBufferLimit, receiveBufferLimit, sendQueued, receiveQueued, slab, memoryBytes);
    }

    ControlBlock withMemory(long newMemoryBytes) {
        return new ControlBlock(id, family, type, protocol, flags, socketState, tcpState, local, remote,
                sendBufferLimit, receiveBufferLimit, sendQueued, receiveQueued, slab, newMemoryBytes);
    }
}
