// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

/**
 * What poll(), select() and epoll_wait() would find on one socket now: the bits of the kernel's
 * poll mask the model predicts ({@code ready}), and the bits it cannot know ({@code unsure}) because
 * what decides them happens where the model does not look — a connection or a datagram from a
 * process outside the trace, a peer elsewhere, a file the model does not build. A bit outside
 * {@code unsure} is a prediction the kernel's answer can prove wrong.
 *
 * <p>The rules are the protocols' poll functions of Linux 6.x: {@code tcp_poll} and
 * {@code inet_csk_listen_poll} (net/ipv4/tcp.c, inet_connection_sock.h), {@code udp_poll} and
 * {@code datagram_poll} (net/ipv4/udp.c, net/core/datagram.c), {@code unix_poll} and
 * {@code unix_dgram_poll} (net/unix/af_unix.c). poll() keeps the bits asked for plus POLLERR and
 * POLLHUP ({@code do_pollfd}, fs/select.c); the numbers are the EPOLL* and POLL* values, which are
 * the same.
 *
 * @param ready  the bits the model says are set
 * @param unsure the bits the model cannot know (they may be set or not, whatever {@code ready} says)
 */
public record Readiness(int ready, int unsure) {
    public static final int POLLIN = 0x1;
    public static final int POLLPRI = 0x2;
    public static final int POLLOUT = 0x4;
    public static final int POLLERR = 0x8;
    public static final int POLLHUP = 0x10;
    public static final int POLLNVAL = 0x20;
    public static final int POLLRDNORM = 0x40;
    public static final int POLLRDBAND = 0x80;
    public static final int POLLWRNORM = 0x100;
    public static final int POLLWRBAND = 0x200;
    public static final int POLLRDHUP = 0x2000;
    /** Every bit a socket's poll function can set. */
    public static final int ALL = POLLIN | POLLPRI | POLLOUT | POLLERR | POLLHUP | POLLRDNORM | POLLRDBAND
            | POLLWRNORM | POLLWRBAND | POLLRDHUP;
    /** select()'s read set: the bits that make a descriptor readable (POLLIN_SET in fs/select.c). */
    public static final int SELECT_IN = POLLRDNORM | POLLRDBAND | POLLIN | POLLHUP | POLLERR;
    /** select()'s write set (POLLOUT_SET). */
    public static final int SELECT_OUT = POLLWRBAND | POLLWRNORM | POLLOUT | POLLERR;
    /** select()'s exception set (POLLEX_SET). */
    public static final int SELECT_EX = POLLPRI;

    private static final int READABLE = POLLIN | POLLRDNORM;
    private static final int READ_HUNG_UP = POLLIN | POLLRDNORM | POLLRDHUP;
    /** Nothing known: a file the model does not build, or a socket of a kind it does not poll. */
    public static final Readiness UNKNOWN = new Readiness(0, ALL);
    /** A descriptor that is not open: poll() reports POLLNVAL for it. */
    public static final Readiness NOT_OPEN = new Readiness(POLLNVAL, 0);

    /** What the kernel would report for this process's descriptor now. */
    public static Readiness of(KernelState state, int pid, int fd) {
        if (!state.tableOf(pid).isOpen(fd)) {
            return NOT_OPEN;
        }
        OpenFile file = state.fileOf(pid, fd);
        return file.kind() != FileKind.SOCKET ? UNKNOWN : ofSocket(state, file.socketId());
    }

    /** What the kernel would report for the socket with this id now (epoll watches the file, not the number). */
    public static Readiness ofSocket(KernelState state, int socketId) {
        ControlBlock socket = state.sockets().get(socketId);
        if (socket == null || socket.isBare() || socket.isBlank()) {
            return UNKNOWN;
        }
        if (socket.family() == AddressFamily.AF_UNIX) {
            return socket.isConnectionOriented() ? unixStream(state, socket) : unixDatagram(socket);
        }
        if (socket.isStream() && socket.protocol() == Protocol.IPPROTO_TCP.number()) {
            return tcp(state, socket);
        }
        if (socket.type() == SocketType.SOCK_DGRAM && socket.protocol() == Protocol.IPPROTO_UDP.number()) {
            return udp(socket);
        }
        return UNKNOWN;
    }

    /** The bits poll() reports: those asked for, and POLLERR, POLLHUP and POLLNVAL always. */
    public Readiness forPoll(int events) {
        int filter = events | POLLERR | POLLHUP | POLLNVAL;
        return new Readiness(ready & filter, unsure & filter);
    }

    /** The bits epoll_wait() reports for a registration: its events, and EPOLLERR and EPOLLHUP always. */
    public Readiness forEpoll(int events) {
        int filter = events | POLLERR | POLLHUP;
        return new Readiness(ready & filter, unsure & filter);
    }

    /**
     * How this prediction compares with the bits the kernel reported: AGREES when they are the bits
     * the model predicted, CANNOT_KNOW when they differ only in bits it cannot know, else DISAGREES.
     */
    public Verdict judge(int reported) {
        int differ = ready ^ reported;
        return differ == 0 ? Verdict.AGREES : (differ & ~unsure) == 0 ? Verdict.CANNOT_KNOW : Verdict.DISAGREES;
    }

    /**
     * Whether select() would count the descriptor in a set (one of {@link #SELECT_IN},
     * {@link #SELECT_OUT}, {@link #SELECT_EX}): TRUE, FALSE, or null when the model cannot know.
     */
    public Boolean inSet(int set) {
        if ((ready & ~unsure & set) != 0) {
            return Boolean.TRUE;
        }
        return (unsure & set) != 0 ? null : (Boolean) ((ready & set) != 0);
    }

    /** How a prediction compares with the kernel's answer. */
    public enum Verdict {
        AGREES, CANNOT_KNOW, DISAGREES
    }

    /**
     * tcp_poll: a listener is readable when a connection waits (inet_csk_listen_poll); otherwise
     * POLLHUP in TCP_CLOSE or when both directions are shut, POLLIN|POLLRDHUP once a FIN (or a
     * reset) came, POLLIN with bytes queued and POLLOUT unless the handshake is still on (SYN_SENT),
     * POLLERR while sk_err holds an error. POLLPRI (urgent data) is never predicted: cannot know.
     */
    private static Readiness tcp(KernelState state, ControlBlock s) {
        if (s.isListening()) {
            // A connection from a process outside the trace may be waiting too.
            return s.acceptQueue().isEmpty() ? new Readiness(0, READABLE) : new Readiness(READABLE, 0);
        }
        TcpState st = s.tcpState();
        boolean refused = st == TcpState.TCP_CLOSE
                && (s.socketState() == SocketState.SS_CONNECTING || s.error() != null);
        boolean shutRead = s.shutRead() || refused; // tcp_done: sk_shutdown = SHUTDOWN_MASK
        boolean shutBoth = s.shutRead() && s.shutWrite() || refused;
        int mask = 0;
        if (shutBoth || st == TcpState.TCP_CLOSE) {
            mask |= POLLHUP;
        }
        if (shutRead) {
            mask |= READ_HUNG_UP;
        }
        if (st != TcpState.TCP_SYN_SENT && st != TcpState.TCP_SYN_RECV) {
            if (s.receiveQueued() > 0) {
                mask |= READABLE;
            }
            mask |= POLLOUT | POLLWRNORM;
        }
        if (s.error() != null) {
            mask |= POLLERR;
        }
        int unsure = 0;
        boolean peerHere = s.peer() >= 0 && state.sockets().get(s.peer()) != null;
        if (st == TcpState.TCP_SYN_SENT || (s.socketState() == SocketState.SS_CONNECTING && st == TcpState.TCP_CLOSE)) {
            // The handshake's answer comes from where the model does not see (a server elsewhere, or
            // one on this machine outside the trace that the model found nobody listening at).
            unsure = ALL;
        } else if (st == TcpState.TCP_CLOSE && s.remote() != null && !s.remote().isUnset() && !s.shutRead()) {
            // A connection that ended earlier: whether its end left sk_shutdown set is not in the model.
            unsure = READ_HUNG_UP;
        } else if (st != TcpState.TCP_CLOSE && !peerHere) {
            // A peer elsewhere (or gone): data, a FIN or a reset may arrive, and its window decides POLLOUT.
            unsure = s.shutRead() ? POLLOUT | POLLWRNORM | POLLERR | POLLHUP : ALL;
        }
        // Urgent data (send with MSG_OOB) sets POLLPRI (tcp_poll: TCP_URG_VALID); the model keeps no
        // urgent pointer, so it cannot say POLLPRI is clear.
        unsure |= POLLPRI;
        return new Readiness(mask, unsure);
    }

    /**
     * udp_poll / datagram_poll: always writable (the send buffer is empty between calls), readable
     * with a datagram queued, POLLERR while an ICMP error waits in sk_err.
     */
    private static Readiness udp(ControlBlock s) {
        int mask = POLLOUT | POLLWRNORM | POLLWRBAND;
        if (!s.messages().isEmpty()) {
            mask |= READABLE;
        }
        if (s.shutRead()) {
            mask |= READ_HUNG_UP;
        }
        if (s.shutRead() && s.shutWrite()) {
            mask |= POLLHUP;
        }
        if (s.error() != null) {
            mask |= POLLERR;
        }
        // A datagram, or an ICMP error, may come from anywhere.
        int unsure = (s.messages().isEmpty() ? READABLE : 0) | (s.error() == null ? POLLERR : 0);
        return new Readiness(mask, unsure);
    }

    /**
     * unix_poll for streams and seqpackets: POLLERR with sk_err, POLLHUP when both directions are shut
     * (the peer closed: unix_release_sock sets SHUTDOWN_MASK) or the socket is unconnected (TCP_CLOSE),
     * POLLIN with something queued (a listener's queue holds the connections), POLLOUT unless listening.
     */
    private static Readiness unixStream(KernelState state, ControlBlock s) {
        int mask = 0;
        if (s.error() != null) {
            mask |= POLLERR;
        }
        if (s.shutRead() && s.shutWrite()) {
            mask |= POLLHUP;
        }
        if (s.shutRead()) {
            mask |= READ_HUNG_UP;
        }
        if (s.receiveQueued() > 0 || !s.messages().isEmpty() || s.isListening() && !s.acceptQueue().isEmpty()) {
            mask |= READABLE;
        }
        if (s.tcpState() == TcpState.TCP_CLOSE) {
            mask |= POLLHUP;
        }
        if (!s.isListening()) {
            mask |= POLLOUT | POLLWRNORM | POLLWRBAND;
        }
        int unsure = 0;
        boolean peerHere = s.peer() >= 0 && state.sockets().get(s.peer()) != null;
        if (s.isListening()) {
            unsure = s.acceptQueue().isEmpty() ? READABLE : 0;
        } else if (s.tcpState() != TcpState.TCP_CLOSE && !peerHere && !(s.shutRead() && s.shutWrite())) {
            // Connected to a process outside the trace: what it sends, and when it closes, is not seen.
            unsure = ALL;
        }
        return new Readiness(mask, unsure);
    }

    /** unix_dgram_poll: readable with a message queued; writability depends on the receiver's queue. */
    private static Readiness unixDatagram(ControlBlock s) {
        int mask = POLLOUT | POLLWRNORM | POLLWRBAND;
        if (!s.messages().isEmpty()) {
            mask |= READABLE;
        }
        if (s.error() != null) {
            mask |= POLLERR;
        }
        int unsure = POLLOUT | POLLWRNORM | POLLWRBAND | (s.messages().isEmpty() ? READABLE : 0)
                | (s.error() == null ? POLLERR : 0);
        return new Readiness(mask, unsure);
    }

    /** The bits as strace names them, POLLIN|POLLOUT (epoll: EPOLLIN|EPOLLOUT), or 0. */
    public static String names(int bits, String prefix) {
        StringBuilder out = new StringBuilder();
        String[] names = {"IN", "PRI", "OUT", "ERR", "HUP", "NVAL", "RDNORM", "RDBAND", "WRNORM", "WRBAND"};
        for (int i = 0; i < names.length; i++) {
            if ((bits & (1 << i)) != 0) {
                out.append(out.length() == 0 ? "" : "|").append(prefix).append(names[i]);
            }
        }
        if ((bits & POLLRDHUP) != 0) {
            out.append(out.length() == 0 ? "" : "|").append(prefix).append("RDHUP");
        }
        return out.length() == 0 ? "0" : out.toString();
    }

    /** The bit of a name strace prints (POLLIN, EPOLLRDHUP), or 0 for one that is no readiness bit. */
    public static int bit(String name) {
        String n = name.startsWith("EPOLL") ? name.substring(5) : name.startsWith("POLL") ? name.substring(4) : "";
        return switch (n) {
            case "IN" -> POLLIN;
            case "PRI" -> POLLPRI;
            case "OUT" -> POLLOUT;
            case "ERR" -> POLLERR;
            case "HUP" -> POLLHUP;
            case "NVAL" -> POLLNVAL;
            case "RDNORM" -> POLLRDNORM;
            case "RDBAND" -> POLLRDBAND;
            case "WRNORM" -> POLLWRNORM;
            case "WRBAND" -> POLLWRBAND;
            case "RDHUP" -> POLLRDHUP;
            default -> 0;
        };
    }
}
