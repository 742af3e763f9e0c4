// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The socket's control information: the "form" the protocol stack fills in (Linux keeps it
 * in {@code struct socket} and the protocol's {@code struct sock}). A control block is
 * {@linkplain #isBlank() blank} between stage 1 (memory allocated, zeroed) and stage 2
 * (initial values written).
 *
 * @param id                 the socket's inode number, as strace prints it in {@code socket:[id]}
 * @param family             the address family; null for a {@linkplain #isBare() bare} struct socket
 * @param type               the socket type; null for a bare struct socket of a type Linux has no name for
 * @param protocol           the protocol number; 0 was resolved to TCP or UDP in stage 2
 * @param flags              the flags socket() was given
 * @param socketState        BSD-layer state (socket.state)
 * @param tcpState           protocol-layer state (sk_state)
 * @param local              local address and port; unset until bind/connect/listen/sendto (null when bare)
 * @param remote             remote address and port; unset until connect (null when bare)
 * @param sendBufferLimit    sk_sndbuf in bytes (a limit; no buffer memory exists yet)
 * @param receiveBufferLimit sk_rcvbuf in bytes
 * @param sendQueued         bytes waiting in the send queue
 * @param receiveQueued      bytes waiting in the receive queue
 * @param slab               the slab the protocol's sock came from ("TCP", "UDPv6", ...)
 * @param memoryBytes        kernel memory this socket holds right now
 * @param backlog            the accept queue's length limit of a listening socket, else 0
 * @param acceptQueue        ids of connections waiting for accept(), oldest first
 * @param packetsSent        packets this socket has put on the wire
 * @param peer               the id of the socket at the other end when it is on this machine, else -1
 * @param shutRead           nothing more will arrive (sk_shutdown's RCV_SHUTDOWN): shutdown(SHUT_RD), the
 *                           peer's FIN, or a reset; a read with nothing queued returns 0
 * @param shutWrite          nothing more may be sent (SEND_SHUTDOWN): shutdown(SHUT_WR) or close() sent a
 *                           FIN, or a reset ended the connection; a send fails with EPIPE
 * @param error              the error a reset left (sk_err: ECONNRESET, or EPIPE in CLOSE_WAIT), reported
 *                           once by the next read, or null
 * @param orphan             no descriptor leads here any more (close()), but the connection is not over:
 *                           the protocol's sock lives on (FIN_WAIT, LAST_ACK) or is a TIME_WAIT sock
 * @param reuseAddress       SO_REUSEADDR (sk_reuse), inherited by accepted connections
 * @param lingerZero         SO_LINGER {1, 0}: close() resets the connection instead of sending a FIN
 * @param v6only             IPV6_V6ONLY (sk_ipv6only) of an AF_INET6 socket: it neither holds nor receives
 *                           IPv4 (net.ipv6.bindv6only, 0 here, is the default); inherited by accepted connections
 * @param passedFiles        open files passed to this socket with SCM_RIGHTS and not received yet, one list
 *                           per message, oldest first (ids of {@link OpenFile}s; the message holds a
 *                           reference to each, so they live on after the sender closes them)
 * @param messages           the lengths of the messages in the receive queue of a socket that keeps message
 *                           boundaries (datagram, seqpacket), oldest first — one sk_buff each, a zero-length
 *                           datagram included; {@code receiveQueued} is their sum. Empty for a byte stream.
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
        long memoryBytes,
        int backlog,
        List<Integer> acceptQueue,
        int packetsSent,
        int peer,
        boolean shutRead,
        boolean shutWrite,
        Errno error,
        boolean orphan,
        boolean reuseAddress,
        boolean lingerZero,
        boolean v6only,
        List<List<Integer>> passedFiles,
        List<Integer> messages) {

    /** The fields of the form, used to say which ones a step changed. */
    public enum Field {
        FAMILY, TYPE, PROTOCOL, FLAGS, SOCKET_STATE, TCP_STATE, LOCAL, REMOTE,
        SEND_BUFFER, RECEIVE_BUFFER, QUEUED, ACCEPT_QUEUE, PACKETS, MEMORY, ERROR, OPTIONS
    }

    /**
     * The slab a bare struct socket comes from: sock_alloc() builds it, with its inode, before the
     * family's create() is asked for a sock.
     */
    public static final String BARE_SLAB = "sock_inode_cache";

    public ControlBlock {
        Objects.requireNonNull(slab, "slab");
        if (!slab.equals(BARE_SLAB)) {
            Objects.requireNonNull(family, "family");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(local, "local");
            Objects.requireNonNull(remote, "remote");
        }
        flags = Set.copyOf(flags);
        Objects.requireNonNull(socketState, "socketState");
        Objects.requireNonNull(tcpState, "tcpState");
        acceptQueue = List.copyOf(acceptQueue);
        // Most sockets carry no descriptors in flight: no stream built for them (a replay makes thousands).
        passedFiles = passedFiles.isEmpty() ? List.of() : passedFiles.stream().map(List::copyOf).toList();
        messages = List.copyOf(messages);
    }

    /** Stage 1: freshly allocated, zeroed memory — nothing written but what sk_alloc sets. */
    static ControlBlock allocated(int id, AddressFamily family, SocketType type, Set<SocketFlag> flags,
                                  String slab, long memoryBytes) {
        return new ControlBlock(id, family, type, 0, flags, SocketState.SS_FREE, TcpState.NONE,
                Endpoint.unset(family), Endpoint.unset(family), 0, 0, 0, 0, slab, memoryBytes,
                0, List.of(), 0, -1, false, false, null, false, false, false, false, List.of(), List.of());
    }

    /**
     * What sock_alloc() builds before __sock_create() asks the family: a struct socket and its
     * inode, with sock->type set and no sock, so no family, state or addresses. It lives only until
     * the family's create() answers; when that is a refusal, sock_release() takes it apart.
     *
     * @param type the type asked for, or null when Linux has no name for its number
     */
    static ControlBlock bare(int id, SocketType type, Set<SocketFlag> flags) {
        return new ControlBlock(id, null, type, 0, flags, SocketState.SS_FREE, TcpState.NONE, null, null,
                0, 0, 0, 0, BARE_SLAB, KernelObjectSizes.SOCKET_INODE, 0, List.of(), 0, -1, false, false, null, false,
                false, false, false, List.of(), List.of());
    }

    /** True for a struct socket that has no sock yet (see {@link #bare}). */
    public boolean isBare() {
        return slab.equals(BARE_SLAB);
    }

    /** True between allocation and initialisation: the form is still empty. */
    public boolean isBlank() {
        return socketState == SocketState.SS_FREE;
    }

    /** True when the protocol is a byte stream with connections (TCP, or an AF_UNIX stream). */
    public boolean isStream() {
        return type == SocketType.SOCK_STREAM;
    }

    /**
     * True for the types that listen, accept and connect as streams do: SOCK_STREAM, and SOCK_SEQPACKET
     * (an AF_UNIX connection that keeps message boundaries; unix_seqpacket_ops share listen and accept
     * with the stream's).
     */
    public boolean isConnectionOriented() {
        return type == SocketType.SOCK_STREAM || type == SocketType.SOCK_SEQPACKET;
    }

    /**
     * True when each send queues one message that one receive takes whole (SOCK_DGRAM, SOCK_SEQPACKET,
     * raw): every type but the byte stream.
     */
    public boolean keepsBoundaries() {
        return !isStream();
    }

    /**
     * True for a connection whose handshake is over: SS_CONNECTED, or a non-blocking connect's
     * SS_CONNECTING once the answer came (Linux's send and receive look at sk_state, not at
     * sock->state, which only a second connect() moves on).
     */
    public boolean isConnected() {
        return socketState == SocketState.SS_CONNECTED || socketState == SocketState.SS_CONNECTING
                && tcpState != TcpState.TCP_SYN_SENT && tcpState != TcpState.TCP_SYN_RECV
                && tcpState != TcpState.TCP_CLOSE && tcpState != TcpState.NONE;
    }

    /** True for a socket in TCP_LISTEN. */
    public boolean isListening() {
        return tcpState == TcpState.TCP_LISTEN;
    }

    /** True when a field says something about this socket (the accept queue only for listeners). */
    public boolean shows(Field field) {
        return switch (field) {
            case ACCEPT_QUEUE -> isListening();
            case PACKETS -> !isBlank() && family != AddressFamily.AF_UNIX;
            case FAMILY -> !isBare();
            case TYPE -> type != null;
            case ERROR -> error != null;
            case OPTIONS -> reuseAddress || lingerZero || v6only;
            default -> true;
        };
    }

    /** True for a TCP connection in the TIME_WAIT sock that replaces the closed side's tcp sock. */
    public boolean isTimeWait() {
        return tcpState == TcpState.TCP_TIME_WAIT;
    }

    /**
     * The state this TCP socket would be in had its peer closed where the model cannot see it, or
     * null when the model sees all that can reach it. A connection whose other end is outside what
     * the model holds (a server or client outside the trace, a host elsewhere: {@code peer} is -1)
     * is ESTABLISHED as far as the log shows, but the peer's FIN may have arrived unseen: tcp_fin
     * (net/ipv4/tcp_input.c) then moves ESTABLISHED to CLOSE_WAIT, and FIN_WAIT2 to TIME_WAIT
     * (the descriptor's own sock to TCP_CLOSE). A socket whose FIN the model saw, or one in any
     * other state, has nothing unseen to wait for here.
     */
    public TcpState ifPeerClosedUnseen() {
        if (!TcpSegments.isTcp(this) || peer >= 0 || shutRead) {
            return null;
        }
        return switch (tcpState) {
            case TCP_ESTABLISHED -> TcpState.TCP_CLOSE_WAIT;
            case TCP_FIN_WAIT2 -> TcpState.TCP_CLOSE;
            case NONE, TCP_SYN_SENT, TCP_SYN_RECV, TCP_FIN_WAIT1, TCP_TIME_WAIT, TCP_CLOSE, TCP_CLOSE_WAIT,
                    TCP_LAST_ACK, TCP_LISTEN, TCP_CLOSING -> null;
        };
    }

    /** A copy to change a few fields of. */
    Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes a copy of a control block, field by field. */
    static final class Builder {
        private Set<SocketFlag> flags;
        private int protocol;
        private SocketState socketState;
        private TcpState tcpState;
        private Endpoint local;
        private Endpoint remote;
        private int sendBufferLimit;
        private int receiveBufferLimit;
        private int sendQueued;
        private int receiveQueued;
        private long memoryBytes;
        private int backlog;
        private List<Integer> acceptQueue;
        private int packetsSent;
        private int peer;
        private boolean shutRead;
        private boolean shutWrite;
        private Errno error;
        private boolean orphan;
        private boolean reuseAddress;
        private boolean lingerZero;
        private boolean v6only;
        private String slab;
        private List<List<Integer>> passedFiles;
        private List<Integer> messages;
        private final ControlBlock from;

        private Builder(ControlBlock c) {
            from = c;
            flags = c.flags;
            protocol = c.protocol;
            socketState = c.socketState;
            tcpState = c.tcpState;
            local = c.local;
            remote = c.remote;
            sendBufferLimit = c.sendBufferLimit;
            receiveBufferLimit = c.receiveBufferLimit;
            sendQueued = c.sendQueued;
            receiveQueued = c.receiveQueued;
            memoryBytes = c.memoryBytes;
            backlog = c.backlog;
            acceptQueue = c.acceptQueue;
            packetsSent = c.packetsSent;
            peer = c.peer;
            shutRead = c.shutRead;
            shutWrite = c.shutWrite;
            error = c.error;
            orphan = c.orphan;
            reuseAddress = c.reuseAddress;
            lingerZero = c.lingerZero;
            v6only = c.v6only;
            slab = c.slab;
            passedFiles = c.passedFiles;
            messages = c.messages;
        }

        /** The receive queue of a socket that keeps boundaries: these messages, and their bytes. */
        Builder messages(List<Integer> lengths) {
            messages = lengths;
            receiveQueued = lengths.stream().mapToInt(Integer::intValue).sum();
            return this;
        }

        Builder passedFiles(List<List<Integer>> value) {
            passedFiles = value;
            return this;
        }

        Builder flags(Set<SocketFlag> value) {
            flags = value;
            return this;
        }

        Builder protocol(int value) {
            protocol = value;
            return this;
        }

        Builder states(SocketState socket, TcpState tcp) {
            socketState = socket;
            tcpState = tcp;
            return this;
        }

        Builder local(Endpoint value) {
            local = value;
            return this;
        }

        Builder remote(Endpoint value) {
            remote = value;
            return this;
        }

        Builder buffers(int send, int receive) {
            sendBufferLimit = send;
            receiveBufferLimit = receive;
            return this;
        }

        Builder queued(int send, int receive) {
            sendQueued = send;
            receiveQueued = receive;
            if (receive == 0) {
                messages = List.of();
            }
            return this;
        }

        Builder memory(long bytes) {
            memoryBytes = bytes;
            return this;
        }

        Builder backlog(int value) {
            backlog = value;
            return this;
        }

        Builder acceptQueue(List<Integer> value) {
            acceptQueue = value;
            return this;
        }

        Builder packetsSent(int value) {
            packetsSent = value;
            return this;
        }

        Builder peer(int value) {
            peer = value;
            return this;
        }

        Builder shut(boolean read, boolean write) {
            shutRead = read;
            shutWrite = write;
            return this;
        }

        Builder error(Errno value) {
            error = value;
            return this;
        }

        Builder orphan(boolean value) {
            orphan = value;
            return this;
        }

        Builder options(boolean reuse, boolean linger) {
            reuseAddress = reuse;
            lingerZero = linger;
            return this;
        }

        Builder v6only(boolean value) {
            v6only = value;
            return this;
        }

        /** The sock moves to another slab: a closed connection's tcp sock becomes a TIME_WAIT sock. */
        Builder slab(String value) {
            slab = value;
            return this;
        }

        ControlBlock build() {
            return build(from.id);
        }

        /** The copy under another id (a TIME_WAIT sock is a new object). */
        ControlBlock build(int id) {
            return new ControlBlock(id, from.family, from.type, protocol, flags, socketState, tcpState,
                    local, remote, sendBufferLimit, receiveBufferLimit, sendQueued, receiveQueued, slab,
                    memoryBytes, backlog, acceptQueue, packetsSent, peer, shutRead, shutWrite, error, orphan,
                    reuseAddress, lingerZero, v6only, passedFiles, messages);
        }
    }
}
