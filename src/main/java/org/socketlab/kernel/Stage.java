// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

/**
 * What a step does. socket() is the three classic stages (after its argument checks);
 * the other calls have stages of their own.
 */
public enum Stage {
    /** Before anything happens: the lesson's starting picture. */
    START,
    /** socket() checks its arguments; a failure here allocates nothing. */
    CHECK_ARGUMENTS,
    /** Stage 1, "an empty box": memory for struct socket and the protocol's sock. */
    ALLOCATE_MEMORY,
    /** Stage 2, "fill in the form": initial state, no addresses, empty buffers. */
    INIT_CONTROL_BLOCK,
    /** Stage 3, "a coat-check ticket": the lowest free descriptor is handed out. */
    ISSUE_DESCRIPTOR,
    /** close(): the drawer is emptied and the ticket is no longer valid. */
    CLOSE_DESCRIPTOR,
    /** The last reference is gone: the socket's memory goes back to the pool. */
    RELEASE_SOCKET,
    /** bind(): the local address is written into the form. */
    BIND,
    /** listen(): TCP_CLOSE becomes TCP_LISTEN; connections may queue. */
    LISTEN,
    /** An unbound socket gets an ephemeral port (connect, sendto, listen). */
    AUTOBIND,
    /** connect(): the SYN leaves — the first packet of the socket's life. */
    SEND_SYN,
    /** The handshake completes (or a datagram socket notes its peer). */
    ESTABLISH,
    /** accept(): the oldest queued connection becomes a socket of its own. */
    ACCEPT_CONNECTION,
    /** send()/sendto(): data is queued and leaves. */
    SEND_DATA,
    /** recv()/read(): queued bytes are copied to the application, or the end of the data is reported. */
    RECEIVE_DATA,
    /** close() or shutdown() of a connection: the FIN leaves, the peer learns that no more data comes. */
    SEND_FIN,
    /** close() with unread data or SO_LINGER 0: an RST ends the connection at once, on both sides. */
    SEND_RESET,
    /** setsockopt(): an option is written into the socket (SO_REUSEADDR, SO_LINGER). */
    SET_OPTION,
    /** getsockopt(): an option is read from the socket; SO_ERROR takes the pending error (sk_err). */
    GET_OPTION,
    /** A signal's disposition is set, or SIGPIPE's default action ends the process. */
    SIGNAL,
    /** shutdown(): one or both directions are closed. */
    SHUTDOWN,
    /** dup()/dup2(): a second ticket for the same open file. */
    DUPLICATE,
    /** fork()/clone(): a new process, with a copy of the cabinet or the same one. */
    FORK,
    /** exit(): the process ends and its drawers are emptied. */
    EXIT,
    /**
     * execve(): the process starts another program; the drawers marked close-on-exec are emptied,
     * the others stay (begin_new_exec → do_close_on_exec). A failed execve() changes nothing.
     */
    EXEC,
    /** setrlimit(RLIMIT_NOFILE): the cabinet's limit changes. */
    SET_LIMIT,
    /** fcntl()/ioctl(): a flag of the drawer (FD_CLOEXEC) or of the open file (O_NONBLOCK) is read or set. */
    FILE_FLAGS,
    /** A drawer gets a file the model does not build itself (a traced open, or one opened out of sight). */
    OPEN_FILE,
    /** socket(AF_NETLINK): netlink_create() builds a netlink socket and a descriptor leads to it. */
    NETLINK_SOCKET,
    /** bind() on a netlink socket: netlink_bind() gives it a port id. */
    NETLINK_BIND,
    /** A connection from a client the model does not see arrives in a listener's queue. */
    INCOMING_CONNECTION,
    /** A process the model did not see being created appears, with a cabinet of its own. */
    ATTACH,
    /** epoll_ctl(): an entry of an epoll instance's interest list is added, changed or removed. */
    WATCH,
    /** poll(), select(), epoll_wait(): the call finds which of the descriptors it asked about are ready. */
    WAIT_READY;

    /** True for the three stages of socket() that the classic explanation names. */
    public boolean isSocketStage() {
        return this == ALLOCATE_MEMORY || this == INIT_CONTROL_BLOCK || this == ISSUE_DESCRIPTOR;
    }
}
