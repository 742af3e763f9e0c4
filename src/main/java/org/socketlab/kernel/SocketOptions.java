// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.List;

/**
 * setsockopt() and getsockopt(). At SOL_SOCKET (sk_setsockopt in net/core/sock.c): SO_REUSEADDR
 * sets sk_reuse, which bind() reads (inet_csk_bind_conflict) and which accepted connections and
 * TIME_WAIT socks inherit; SO_LINGER with l_onoff 1 and l_linger 0 makes close() reset the
 * connection. At the IPv6 level (do_ipv6_setsockopt): IPV6_V6ONLY (sk_ipv6only), only before the
 * socket has a port. The levels a TCP or UDP socket has: SOL_SOCKET, SOL_IP, its protocol's and,
 * for AF_INET6, SOL_IPV6; any other is ENOPROTOOPT (ip_getsockopt says EOPNOTSUPP); an AF_UNIX
 * socket has SOL_SOCKET only (EOPNOTSUPP). Other options are accepted and change nothing the model
 * shows (kernel-truth/ipv6-v6only).
 */
final class SocketOptions {
    private SocketOptions() {
    }

    static List<Step> run(KernelState before, int pid, Syscall.SetSocketOption call) {
        SocketLookup.Found found = SocketLookup.find(before, pid, call.fd());
        if (!found.ok()) {
            return SocketLookup.failure(before, pid, call, Stage.SET_OPTION, call.fd(), found.errno());
        }
        ControlBlock socket = found.socket();
        boolean solSocket = call.level() == Syscall.SetSocketOption.SOL_SOCKET;
        Errno refused = levelRefusal(socket, call.level(), call.option(), false);
        if (refused != null) {
            return SocketLookup.refuse(before, pid, call, Stage.SET_OPTION, refused, refusalKey(socket, call.level(),
                    false), call.fd(), call.level(), call.option(), familyName(socket), refused.name());
        }
        if (call.level() == Syscall.SetSocketOption.SOL_IPV6 && call.option() == Syscall.SetSocketOption.IPV6_V6ONLY) {
            return v6only(before, pid, call, socket);
        }
        ControlBlock changed;
        String key;
        if (solSocket && call.option() == Syscall.SetSocketOption.SO_REUSEADDR) {
            changed = socket.toBuilder().options(call.value() != 0, socket.lingerZero()).build();
            key = call.value() != 0 ? "setsockopt.reuseaddr" : "setsockopt.reuseaddr.off";
        } else if (solSocket && call.option() == Syscall.SetSocketOption.SO_LINGER) {
            boolean abortive = call.value() != 0 && call.seconds() == 0;
            changed = socket.toBuilder().options(socket.reuseAddress(), abortive).build();
            key = abortive ? "setsockopt.linger.zero" : "setsockopt.linger";
        } else {
            return List.of(new Step(pid, call, Stage.SET_OPTION, before, List.of(),
                    Narration.of("setsockopt.other", call.fd(), call.level(), call.option()),
                    new Outcome.Success(0)));
        }
        return List.of(new Step(pid, call, Stage.SET_OPTION, before.withSocket(changed),
                List.of(new Change.FieldChanged(socket.id(), ControlBlock.Field.OPTIONS)),
                Narration.of(key, call.fd(), call.seconds()), new Outcome.Success(0)));
    }

    /** IPV6_V6ONLY: an int, and only while the socket has no port (inet_num is 0). */
    private static List<Step> v6only(KernelState before, int pid, Syscall.SetSocketOption call, ControlBlock socket) {
        if (call.length() < Integer.BYTES) {
            return SocketLookup.refuse(before, pid, call, Stage.SET_OPTION, Errno.EINVAL, "setsockopt.v6only.short",
                    call.fd(), call.length());
        }
        if (socket.local().port() != 0) {
            return SocketLookup.refuse(before, pid, call, Stage.SET_OPTION, Errno.EINVAL, "setsockopt.v6only.bound",
                    call.fd(), socket.local().toString());
        }
        boolean only = call.value() != 0;
        ControlBlock changed = socket.toBuilder().v6only(only).build();
        return List.of(new Step(pid, call, Stage.SET_OPTION, before.withSocket(changed),
                List.of(new Change.FieldChanged(socket.id(), ControlBlock.Field.OPTIONS)),
                Narration.of(only ? "setsockopt.v6only" : "setsockopt.v6only.off", call.fd()), new Outcome.Success(0)));
    }

    /**
     * Why the socket's option code refuses a level, or an option at the IPv6 level, or null when it
     * takes it: do_sock_setsockopt (no setsockopt for AF_UNIX's other levels: EOPNOTSUPP),
     * tcp_setsockopt and udp_setsockopt (another level goes to ip_setsockopt or ipv6_setsockopt,
     * which know SOL_IP and SOL_IPV6 only: ENOPROTOOPT; ip_getsockopt answers EOPNOTSUPP), and
     * do_ipv6_setsockopt (an option number it has no case for: ENOPROTOOPT). Protocols other than
     * TCP and UDP (MPTCP, raw, ping) are not judged.
     */
    static Errno levelRefusal(ControlBlock socket, int level, int option, boolean get) {
        // A negative level is one a replay could not read: not judged.
        if (level == Syscall.SetSocketOption.SOL_SOCKET || level < 0) {
            return null;
        }
        if (socket.family() == AddressFamily.AF_UNIX) {
            return Errno.EOPNOTSUPP;
        }
        boolean six = socket.family() == AddressFamily.AF_INET6;
        if (six && level == Syscall.SetSocketOption.SOL_IPV6) {
            return option > Syscall.SetSocketOption.LAST_IPV6_OPTION ? Errno.ENOPROTOOPT : null;
        }
        boolean tcp = socket.protocol() == Protocol.IPPROTO_TCP.number();
        boolean udp = socket.protocol() == Protocol.IPPROTO_UDP.number();
        if (!tcp && !udp || level == Syscall.SetSocketOption.SOL_IP
                || level == (tcp ? Syscall.SetSocketOption.SOL_TCP : Syscall.SetSocketOption.SOL_UDP)) {
            return null;
        }
        return get && !six ? Errno.EOPNOTSUPP : Errno.ENOPROTOOPT;
    }

    private static String refusalKey(ControlBlock socket, int level, boolean get) {
        String call = get ? "getsockopt" : "setsockopt";
        if (socket.family() == AddressFamily.AF_UNIX) {
            return call + ".unixLevel";
        }
        return socket.family() == AddressFamily.AF_INET6 && level == Syscall.SetSocketOption.SOL_IPV6
                ? call + ".noOption" : call + ".noLevel";
    }

    private static String familyName(ControlBlock socket) {
        return socket.family() == null ? "" : socket.family().name();
    }

    /**
     * getsockopt() at SOL_SOCKET (sk_getsockopt in net/core/sock.c): SO_ERROR returns sock_error(sk),
     * which takes sk_err and clears it, so the error is reported once. Other options only read.
     */
    static List<Step> get(KernelState before, int pid, Syscall.GetSocketOption call) {
        SocketLookup.Found found = SocketLookup.find(before, pid, call.fd());
        if (!found.ok()) {
            return SocketLookup.failure(before, pid, call, Stage.GET_OPTION, call.fd(), found.errno());
        }
        ControlBlock socket = found.socket();
        Errno refused = levelRefusal(socket, call.level(), call.option(), true);
        if (refused != null) {
            return SocketLookup.refuse(before, pid, call, Stage.GET_OPTION, refused, refusalKey(socket, call.level(),
                    true), call.fd(), call.level(), call.option(), familyName(socket), refused.name());
        }
        if (call.level() == Syscall.SetSocketOption.SOL_IPV6 && call.option() == Syscall.SetSocketOption.IPV6_V6ONLY) {
            return List.of(new Step(pid, call, Stage.GET_OPTION, before, List.of(),
                    Narration.of(socket.v6only() ? "getsockopt.v6only" : "getsockopt.v6only.off", call.fd()),
                    new Outcome.Success(0)));
        }
        if (call.level() != Syscall.SetSocketOption.SOL_SOCKET || call.option() != Syscall.GetSocketOption.SO_ERROR) {
            return List.of(new Step(pid, call, Stage.GET_OPTION, before, List.of(),
                    Narration.of("getsockopt.other", call.fd(), call.level(), call.option()), new Outcome.Success(0)));
        }
        if (socket.error() == null) {
            return List.of(new Step(pid, call, Stage.GET_OPTION, before, List.of(),
                    Narration.of(socket.tcpState() == TcpState.TCP_SYN_SENT ? "getsockopt.error.waiting"
                            : "getsockopt.error.none", call.fd()), new Outcome.Success(0)));
        }
        ControlBlock taken = socket.toBuilder().error(null).build();
        return List.of(new Step(pid, call, Stage.GET_OPTION, before.withSocket(taken),
                List.of(new Change.FieldChanged(socket.id(), ControlBlock.Field.ERROR)),
                Narration.of("getsockopt.error", call.fd(), socket.error().name()), new Outcome.Success(0)));
    }
}
