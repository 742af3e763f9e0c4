// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
    record Verdict(SocketSpec spec, Errno errno, Narration narration, boolean afterSockAlloc, boolean modelled) {
        Verdict(SocketSpec spec, Errno errno, Narration narration, boolean afterSockAlloc) {
            this(spec, errno, narration, afterSockAlloc, true);
        }

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

    /** {@link #check}'s answers so far (a replay asks the same few questions tens of thousands of times). */
    private static final Map<Question, Verdict> VERDICTS = new ConcurrentHashMap<>();
    /** More different questions than this and the answers are forgotten, so they never take much memory. */
    private static final int VERDICTS_KEPT = 256;

    /** socket()'s arguments and who asks, as {@link #VERDICTS} keys them. */
    private record Question(int family, int type, int protocol, Credentials credentials) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Question q && q.family == family && q.type == type && q.protocol == protocol
                    && (q.credentials == credentials || q.credentials.equals(credentials));
        }

        @Override
        public int hashCode() {
            // (The credentials are left out: a replay has one or two, and hashing a record costs more than the rest.)
            return (family * 31 + type) * 31 + protocol;
        }
    }

    /** The checks of a socket() call: the same arguments and credentials always get the same verdict. */
    static Verdict check(int familyNumber, int typeArgument, int protocol, Credentials credentials) {
        Question question = new Question(familyNumber, typeArgument, protocol, credentials);
        Verdict known = VERDICTS.get(question);
        if (known == null) {
            known = decide(familyNumber, typeArgument, protocol, credentials);
            if (VERDICTS.size() >= VERDICTS_KEPT) {
                VERDICTS.clear();
            }
            VERDICTS.put(question, known);
        }
        return known;
    }

    private static Verdict decide(int familyNumber, int typeArgument, int protocol, Credentials credentials) {
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
        Set<SocketFlag> flags = SocketFlag.in(typeArgument);
        return SocketFamily.of(familyNumber).match(new CreateRules(typeNumber, protocol, flags, credentials));
    }

    /** Each family's create(), after sock_alloc(): its refusals in its own order, or the spec to build. */
    private record CreateRules(int typeNumber, int protocol, Set<SocketFlag> flags, Credentials credentials)
            implements SocketFamily.Cases<Verdict> {
        @Override
        public Verdict inet(SocketFamily.Inet family) {
            return checkInet(AddressFamily.AF_INET, typeNumber, protocol, flags, credentials);
        }

        @Override
        public Verdict inet6(SocketFamily.Inet6 family) {
            return checkInet(AddressFamily.AF_INET6, typeNumber, protocol, flags, credentials);
        }

        @Override
        public Verdict unix(SocketFamily.Unix family) {
            return checkUnix(typeNumber, protocol, flags);
        }

        /** netlink_create builds it for anyone; a lesson's model builds netlink sockets only in a replay. */
        @Override
        public Verdict netlink(SocketFamily.Netlink family) {
            return unbuilt(family);
        }

        /** packet_create (net/packet/af_packet.c): CAP_NET_RAW first, then the type. */
        @Override
        public Verdict packet(SocketFamily.Packet family) {
            if (!credentials.netRaw()) {
                return refuse(Errno.EPERM, "socket.refused.packet");
            }
            SocketType type = SocketType.of(typeNumber).orElse(null);
            if (type != SocketType.SOCK_RAW && type != SocketType.SOCK_DGRAM && type != SocketType.SOCK_PACKET) {
                return refuse(Errno.ESOCKTNOSUPPORT, "socket.refused.typeForFamily", family.name(), typeName(typeNumber));
            }
            return unbuilt(family);
        }

        /** vsock_create (net/vmw_vsock/af_vsock.c): the protocol, the type, then a datagram transport. */
        @Override
        public Verdict vsock(SocketFamily.Vsock family) {
            if (protocol != 0 && protocol != family.number()) {
                return refuse(Errno.EPROTONOSUPPORT, "socket.refused.protocolForType", family.name(),
                        typeName(typeNumber), Protocol.nameOf(protocol));
            }
            SocketType type = SocketType.of(typeNumber).orElse(null);
            if (type != SocketType.SOCK_STREAM && type != SocketType.SOCK_DGRAM && type != SocketType.SOCK_SEQPACKET) {
                return refuse(Errno.ESOCKTNOSUPPORT, "socket.refused.typeForFamily", family.name(), typeName(typeNumber));
            }
            if (type == SocketType.SOCK_DGRAM) {
                // vsock_assign_transport: no transport registered for datagrams on this machine.
                return refuse(Errno.ENODEV, "socket.refused.vsockDatagram");
            }
            return unbuilt(family);
        }

        /** AF_ALG is not built into this kernel: no create() to call. */
        @Override
        public Verdict alg(SocketFamily.Alg family) {
            return refuse(Errno.EAFNOSUPPORT, "socket.refused.family", family.name());
        }

        @Override
        public Verdict unregistered(SocketFamily.Unregistered family) {
            return refuse(Errno.EAFNOSUPPORT, "socket.refused.family", familyName(family.number()));
        }
    }

    /**
     * The family's create() would build a socket the model has no drawer for (packet, vsock, or
     * netlink outside a replay): the lesson says so and answers EAFNOSUPPORT; a replay does not
     * judge such a call ({@link #predicts}).
     */
    private static Verdict unbuilt(SocketFamily family) {
        return new Verdict(null, Errno.EAFNOSUPPORT, Narration.of("socket.refused.unbuilt", family.name()), true, false);
    }

    /**
     * Whether the model's answer to this socket() call is the kernel's: true for every refusal it
     * knows and every socket it builds, false where the kernel would build a socket the model does not.
     */
    static boolean predicts(int familyNumber, int typeArgument, int protocol, Credentials credentials) {
        return check(familyNumber, typeArgument, protocol, credentials).modelled();
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
        return number >= 0 && number < AddressFamily.NPROTO ? SocketFamily.of(number).name() : hex(number);
    }

    static String typeName(int number) {
        return SocketType.of(number).map(Enum::name).orElse(String.valueOf(number));
    }

    private static String hex(int value) {
        return "0x" + Integer.toHexString(value);
    }
}
