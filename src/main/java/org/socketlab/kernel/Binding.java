// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * bind(): writes the local address into the form. Port 0 asks for an ephemeral port (Linux
 * prefers odd ones for bind). Fails with EINVAL when already bound, EADDRINUSE when another
 * socket holds the port, EADDRNOTAVAIL for an address that is not this machine's, EACCES for a
 * port below 1024 without CAP_NET_BIND_SERVICE.
 */
final class Binding {
    private Binding() {
    }

    static List<Step> run(KernelState before, int pid, Syscall.Bind call) {
        SocketLookup.Found found = SocketLookup.find(before, pid, call.fd());
        if (!found.ok()) {
            return SocketLookup.failure(before, pid, call, Stage.BIND, call.fd(), found.errno());
        }
        ControlBlock socket = found.socket();
        Endpoint address = call.address();
        // inet_bind_sk / inet6_bind check the length before the family (kernel-truth/bind-checks):
        // shorter than a sockaddr_in (16), or than the RFC 2133 sockaddr_in6 (24), is EINVAL.
        int shortest = socket.family() == AddressFamily.AF_INET ? 16 : socket.family() == AddressFamily.AF_INET6 ? 24 : 0;
        if (call.length() < shortest) {
            return SocketLookup.refuse(before, pid, call, Stage.BIND, Errno.EINVAL, "bind.short", call.fd(),
                    call.length(), shortest);
        }
        if (address.family() != socket.family()) {
            Errno errno = socket.family() == AddressFamily.AF_UNIX ? Errno.EINVAL : Errno.EAFNOSUPPORT;
            return SocketLookup.refuse(before, pid, call, Stage.BIND, errno, "bind.family",
                    address.family().name(), socket.family().name());
        }
        // IPv4 (__inet_bind) checks the address and the port's privilege before "already bound"
        // (kernel-truth/bind-checks); IPv6 (__inet6_bind) checks only the privilege first, then
        // "already bound", then a mapped address on a v6-only socket, then the address
        // (kernel-truth/ipv6-v6only).
        boolean six = socket.family() == AddressFamily.AF_INET6;
        if (!six && !Network.isLocal(address)) {
            return SocketLookup.refuse(before, pid, call, Stage.BIND, Errno.EADDRNOTAVAIL, "bind.notLocal",
                    address.address());
        }
        int port = address.port();
        if (socket.family() != AddressFamily.AF_UNIX && port != 0 && port < Network.FIRST_UNPRIVILEGED_PORT
                && !before.process(pid).credentials().netBindService()) {
            return SocketLookup.refuse(before, pid, call, Stage.BIND, Errno.EACCES, "bind.lowPort", port);
        }
        boolean bound = socket.family() == AddressFamily.AF_UNIX ? !socket.local().address().isEmpty()
                : socket.local().port() != 0;
        if (bound) {
            return SocketLookup.refuse(before, pid, call, Stage.BIND, Errno.EINVAL, "bind.again",
                    call.fd(), socket.local().toString());
        }
        boolean mapped = six && Network.mappedIpv4(address.address()) != null;
        if (mapped && socket.v6only()) {
            return SocketLookup.refuse(before, pid, call, Stage.BIND, Errno.EINVAL, "bind.mappedV6only",
                    call.fd(), address.address());
        }
        if (six && !Network.isLocal(address)) {
            return SocketLookup.refuse(before, pid, call, Stage.BIND, Errno.EADDRNOTAVAIL, "bind.notLocal",
                    address.address());
        }
        KernelState state = before;
        boolean chosen = false;
        if (socket.family() != AddressFamily.AF_UNIX && port == 0) {
            int[] taken = SocketLookup.takePort(before, 1);
            port = taken[0];
            state = before.withNextPort(taken[1]);
            chosen = true;
        }
        Endpoint local = new Endpoint(address.family(), address.address(), port);
        for (ControlBlock other : before.sockets().values()) {
            if (other.id() != socket.id() && sameTransport(other, socket)
                    && Network.clash(other.local(), other.v6only(), local, socket.v6only()) && !shareable(socket, other)) {
                return SocketLookup.refuse(before, pid, call, Stage.BIND, Errno.EADDRINUSE, "bind.inUse",
                        local.toString());
            }
        }
        // A socket bound to one IPv6 address (not [::], not IPv4-mapped) becomes IPv6 only (__inet6_bind).
        boolean onlySix = six && !mapped && !Network.isWildcard(local) && !socket.v6only();
        ControlBlock boundSocket = socket.toBuilder().local(local).v6only(socket.v6only() || onlySix).build();
        KernelState after = state.withSocket(boundSocket);
        if (socket.family() == AddressFamily.AF_UNIX && !UnixAddresses.isAbstract(local)) {
            // unix_bind_bsd: the path becomes a socket file, which outlives the socket.
            after = after.withUnixPath(local.address());
        }
        List<Change> changes = new ArrayList<>(List.of(new Change.FieldChanged(socket.id(), ControlBlock.Field.LOCAL)));
        if (onlySix) {
            changes.add(new Change.FieldChanged(socket.id(), ControlBlock.Field.OPTIONS));
        }
        return List.of(new Step(pid, call, Stage.BIND, after, changes,
                Narration.of(chosen ? "bind.ephemeral" : "bind.ok", call.fd(), local.toString(), port),
                new Outcome.Success(0)));
    }

    /**
     * SO_REUSEADDR lets two sockets hold one port only when both carry it and, for TCP, the
     * other is not listening (inet_csk_bind_conflict; udp_lib_lport_inuse for UDP). A TIME_WAIT
     * sock carries the flag of the connection it replaced, which has its listener's.
     */
    static boolean shareable(ControlBlock binding, ControlBlock other) {
        if (binding.family() == AddressFamily.AF_UNIX || !binding.reuseAddress() || !other.reuseAddress()) {
            return false;
        }
        return !binding.isStream() || other.tcpState() != TcpState.TCP_LISTEN;
    }

    /**
     * TCP ports and UDP ports are separate spaces, shared by IPv4 and IPv6 (one hash table per
     * protocol); AF_UNIX paths are one space.
     */
    static boolean sameTransport(ControlBlock a, ControlBlock b) {
        boolean unixA = a.family() == AddressFamily.AF_UNIX;
        boolean unixB = b.family() == AddressFamily.AF_UNIX;
        return unixA && unixB || !unixA && !unixB && a.type() == b.type() && a.protocol() == b.protocol();
    }
}
