// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.List;
import java.util.Set;

/**
 * socket()'s argument checks, in the order Linux makes them (__sys_socket, __sock_create,
 * inet_create, unix_create). Only the flag bits, the family range (NPROTO) and the type range
 * (SOCK_MAX) are checked before anything is allocated; __sock_create then builds the struct
 * socket (sock_alloc) and asks the family, whose refusals (an unregistered family, the
 * protocol range, the type table, CAP_NET_RAW) come after it: a {@link Verdict} says which.
 */
final class SocketArguments {
    /**
     * The result of the checks: a spec to build, or the errno and why, and whether the refusal
     * came after sock_alloc() had built the struct socket (the family's create() refused).
     */
    record Verdict(SocketSpec spec, Errno errno, Narration narration, boolean afterSockAlloc) {
        boolean passed() {
            return spec != null;
        }
    }

    /** One entry of the kernel's (type → protocols) switch for the inet families. */
    private record Entry(int protocol) {
    }

    /** AF_PACKET's number: the model builds no packet socket, but knows who may not open one. */
    static final int AF_PACKET = 17;

    private SocketArguments() {
    }

    static Verdict check(int familyNumber, int typeArgument, int protocol, Credentials credentials) {
        int flagBits = typeArgument & ~SocketType.TYPE_MASK;
        if ((flagBits & ~SocketFlag.ALL_BITS) != 0) {
            return fail(Errno.EINVAL, "socket.check.flags", hex(flagBits & ~SocketFlag.ALL_BITS));
        }
        if (familyNumber < 0 || familyNumber >= AddressFamily.NPROTO) {
            return fail(Errno.EAFNOSUPPORT, "socket.check.family", familyName(familyNumber));
        }
        int typeNumber = typeArgument & SocketType.TYPE_MASK;
        if (typeNumber >= SocketType.SOCK_MAX) {
            return fail(Errno.EINVAL, "socket.check.type", typeNumber);
        }
        if (familyNumber == AddressFamily.AF_INET.number() && typeNumber == SocketType.SOCK_PACKET.number()) {
            familyNumber = AF_PACKET; // __sock_create: the old (PF_INET, SOCK_PACKET) is a PF_PACKET socket
        }
        AddressFamily family = AddressFamily.of(familyNumber).orElse(null);
        if (family == null && familyNumber == AF_PACKET && !credentials.netRaw()) {
            // packet_create (net/packet/af_packet.c) asks for CAP_NET_RAW before anything else.
            return refuse(Errno.EPERM, "socket.refused.packet");
        }
        if (family == null) {
            return refuse(Errno.EAFNOSUPPORT, "socket.refused.family", familyName(familyNumber));
        }
        Set<SocketFlag> flags = SocketFlag.in(typeArgument);
        return family == AddressFamily.AF_UNIX
                ? checkUnix(typeNumber, protocol, flags)
                : checkInet(family, typeNumber, protocol, flags, credentials);
    }

    private static Verdict checkInet(AddressFamily family, int typeNumber, int protocol, Set<SocketFlag> flags,
                                     Credentials credentials) {
        if (protocol < 0 || protocol >= Protocol.LIMIT) {
            return refuse(Errno.EINVAL, "socket.refused.protocolRange", family.name(), protocol);
        }
        SocketType type = SocketType.of(typeNumber).orElse(null);
        List<Entry> entries = inetEntries(family, type);
        // Mirrors inet_create's search of inetsw[type]: an empty list is ESOCKTNOSUPPORT, a list
        // without a fitting protocol is EPROTONOSUPPORT, protocol 0 takes the first entry.
        Errno errno = Errno.ESOCKTNOSUPPORT;
        int resolved = -1;
        for (Entry entry : entries) {
            errno = null;
            if (protocol == entry.protocol()) {
                if (protocol != 0) {
                    resolved = protocol;
                    break;
                }
            } else {
                if (protocol == 0) {
                    resolved = entry.protocol();
                    break;
                }
                if (entry.protocol() == 0) {
                    resolved = protocol;
                    break;
                }
            }
            errno = Errno.EPROTONOSUPPORT;
        }
        if (errno == Errno.ESOCKTNOSUPPORT) {
            return refuse(errno, "socket.refused.typeForFamily", family.name(), typeName(typeNumber));
        }
        if (errno != null) {
            return refuse(errno, "socket.refused.protocolForType", family.name(), typeName(typeNumber),
                    Protocol.nameOf(protocol));
        }
        if (type == SocketType.SOCK_RAW && !credentials.netRaw()) {
            return refuse(Errno.EPERM, "socket.refused.raw", family.name());
        }
        boolean ping = type == SocketType.SOCK_DGRAM && KernelObjectSizes.isPing(family, resolved);
        String slab = KernelObjectSizes.protocolSlab(family, type, resolved);
        boolean tcp = type == SocketType.SOCK_STREAM;
        int send = tcp ? SocketSpec.TCP_SEND_BUFFER : SocketSpec.DEFAULT_BUFFER;
        int receive = tcp ? SocketSpec.TCP_RECEIVE_BUFFER : SocketSpec.DEFAULT_BUFFER;
        return new Verdict(new SocketSpec(family, type, resolved, flags, slab, send, receive, ping), null, null, false);
    }

    private static List<Entry> inetEntries(AddressFamily family, SocketType type) {
        if (type == null) {
            return List.of();
        }
        int icmp = family == AddressFamily.AF_INET6 ? Protocol.IPPROTO_ICMPV6.number() : Protocol.IPPROTO_ICMP.number();
        return switch (type) {
            // tcp first (inetsw_array), then MPTCP, which inet_register_protosw adds after it.
            case SOCK_STREAM -> List.of(new Entry(Protocol.IPPROTO_TCP.number()),
                    new Entry(Protocol.IPPROTO_MPTCP.number()));
            case SOCK_DGRAM -> List.of(new Entry(Protocol.IPPROTO_UDP.number()), new Entry(icmp),
                    new Entry(Protocol.IPPROTO_UDPLITE.number()));
            case SOCK_RAW -> List.of(new Entry(Protocol.IPPROTO_IP.number()));
            default -> List.of();
        };
    }

    private static Verdict checkUnix(int typeNumber, int protocol, Set<SocketFlag> flags) {
        if (protocol != 0 && protocol != AddressFamily.AF_UNIX.number()) {
            return refuse(Errno.EPROTONOSUPPORT, "socket.refused.protocolForType", AddressFamily.AF_UNIX.name(),
                    typeName(typeNumber), Protocol.nameOf(protocol));
        }
        SocketType type = SocketType.of(typeNumber).orElse(null);
        if (type == SocketType.SOCK_RAW) {
            type = SocketType.SOCK_DGRAM; // unix_create quietly turns SOCK_RAW into SOCK_DGRAM
        }
        if (type != SocketType.SOCK_STREAM && type != SocketType.SOCK_DGRAM && type != SocketType.SOCK_SEQPACKET) {
            return refuse(Errno.ESOCKTNOSUPPORT, "socket.refused.typeForFamily", AddressFamily.AF_UNIX.name(),
                    typeName(typeNumber));
        }
        return new Verdict(new SocketSpec(AddressFamily.AF_UNIX, type, 0, flags, "UNIX",
                SocketSpec.DEFAULT_BUFFER, SocketSpec.DEFAULT_BUFFER, false), null, null, false);
    }

    /** A refusal before anything is allocated (__sys_socket, the ranges in __sock_create). */
    private static Verdict fail(Errno errno, String key, Object... args) {
        return new Verdict(null, errno, Narration.of(key, args), false);
    }

    /** A refusal after sock_alloc(): the family (or its absence) says no, and the box is taken apart. */
    private static Verdict refuse(Errno errno, String key, Object... args) {
        return new Verdict(null, errno, Narration.of(key, args), true);
    }

    static String familyName(int number) {
        return AddressFamily.of(number).map(Enum::name).orElse(hex(number));
    }

    static String typeName(int number) {
        return SocketType.of(number).map(Enum::name).orElse(String.valueOf(number));
    }

    private static String hex(int value) {
        return "0x" + Integer.toHexString(value);
    }
}
