// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.List;

/**
 * A socket family as the kernel registers it (sock_register): its number, the address it takes
 * (the sockaddr a bind() or connect() passes), what its sock costs, and its create() rules,
 * which {@link SocketArguments} runs after sock_alloc(). Every family a real program opens has
 * a case here; a family that is not registered in this kernel is {@link Unregistered}.
 * Java 17 has no pattern {@code switch}, so {@link #match(Cases)} is the exhaustive switch:
 * a new family adds a method to {@link Cases} and every place that handles families stops
 * compiling until it handles it.
 */
public sealed interface SocketFamily permits SocketFamily.Inet, SocketFamily.Inet6, SocketFamily.Unix,
        SocketFamily.Netlink, SocketFamily.Packet, SocketFamily.Vsock, SocketFamily.Alg, SocketFamily.Unregistered {

    /** The address a family's bind()/connect() take: the C struct and its length in bytes. */
    record AddressForm(String struct, int length) {
    }

    /**
     * What the family's sock costs: the slab /proc/slabinfo shows and its object size when the
     * family has a slab of its own ({@code measured}), or the kmalloc cache it shares, with an
     * estimate from the source ({@code bytes} 0 when not known).
     */
    record SockMemory(String cache, int bytes, boolean measured) {
    }

    /** One method per family: implementing this is an exhaustive switch over the families. */
    interface Cases<R> {
        R inet(Inet family);

        R inet6(Inet6 family);

        R unix(Unix family);

        R netlink(Netlink family);

        R packet(Packet family);

        R vsock(Vsock family);

        R alg(Alg family);

        R unregistered(Unregistered family);
    }

    /** The number socket() takes, e.g. 2 for AF_INET. */
    int number();

    /** The name, e.g. "AF_INET". */
    String name();

    /** The sockaddr this family's addresses are written in. */
    AddressForm address();

    /** The sock behind a socket of this family (for inet, TCP's; {@link KernelObjectSizes} has each protocol's). */
    SockMemory sock();

    <R> R match(Cases<R> cases);

    /** The family with this number. Every number below {@link AddressFamily#NPROTO} has one. */
    static SocketFamily of(int number) {
        for (SocketFamily f : KNOWN) {
            if (f.number() == number) {
                return f;
            }
        }
        return new Unregistered(number);
    }

    /**
     * Whether the model's answer to socket(family, type, protocol) is the kernel's: true for every
     * refusal it knows and every socket it builds, false where the kernel would build a socket the
     * model has no drawer for (a replay follows such a call without judging it).
     */
    static boolean modelsSocket(int family, int type, int protocol, Credentials credentials) {
        return SocketArguments.predicts(family, type, protocol, credentials);
    }

    /** The families this kernel has a case for, registered or not. */
    List<SocketFamily> KNOWN = List.of(new Inet(), new Inet6(), new Unix(), new Netlink(), new Packet(), new Vsock(),
            new Alg());

    /** AF_INET (2): inet_create, the inetsw table of TCP, UDP, ICMP, raw, MPTCP. */
    record Inet() implements SocketFamily {
        public int number() {
            return 2;
        }

        public String name() {
            return "AF_INET";
        }

        public AddressForm address() {
            return new AddressForm("sockaddr_in", 16);
        }

        public SockMemory sock() {
            return new SockMemory("TCP", KernelObjectSizes.protocolBytes("TCP"), true);
        }

        public <R> R match(Cases<R> cases) {
            return cases.inet(this);
        }
    }

    /** AF_INET6 (10): inet6_create, the same table as IPv4 with v6 socks. */
    record Inet6() implements SocketFamily {
        public int number() {
            return 10;
        }

        public String name() {
            return "AF_INET6";
        }

        public AddressForm address() {
            return new AddressForm("sockaddr_in6", 28);
        }

        public SockMemory sock() {
            return new SockMemory("TCPv6", KernelObjectSizes.protocolBytes("TCPv6"), true);
        }

        public <R> R match(Cases<R> cases) {
            return cases.inet6(this);
        }
    }

    /** AF_UNIX (1): unix_create, stream, datagram and seqpacket sockets on one host. */
    record Unix() implements SocketFamily {
        public int number() {
            return 1;
        }

        public String name() {
            return "AF_UNIX";
        }

        public AddressForm address() {
            return new AddressForm("sockaddr_un", 110);
        }

        public SockMemory sock() {
            return new SockMemory("UNIX", KernelObjectSizes.protocolBytes("UNIX"), true);
        }

        public <R> R match(Cases<R> cases) {
            return cases.unix(this);
        }
    }

    /** AF_NETLINK (16): netlink_create, a line to the kernel itself; struct netlink_sock from kmalloc. */
    record Netlink() implements SocketFamily {
        public int number() {
            return 16;
        }

        public String name() {
            return "AF_NETLINK";
        }

        public AddressForm address() {
            return new AddressForm("sockaddr_nl", 12);
        }

        public SockMemory sock() {
            return new SockMemory("kmalloc", 1100, false);
        }

        public <R> R match(Cases<R> cases) {
            return cases.netlink(this);
        }
    }

    /**
     * AF_PACKET (17): packet_create, frames as the device sees them. It asks for CAP_NET_RAW before
     * it looks at the type; SOCK_RAW, SOCK_DGRAM and the old SOCK_PACKET only. struct packet_sock
     * comes from kmalloc (no slab of its own to read; its size is not measured).
     */
    record Packet() implements SocketFamily {
        public int number() {
            return 17;
        }

        public String name() {
            return "AF_PACKET";
        }

        public AddressForm address() {
            return new AddressForm("sockaddr_ll", 20);
        }

        public SockMemory sock() {
            return new SockMemory("kmalloc", 0, false);
        }

        public <R> R match(Cases<R> cases) {
            return cases.packet(this);
        }
    }

    /**
     * AF_VSOCK (40): vsock_create, sockets between a virtual machine and its host. Protocol 0 or
     * PF_VSOCK; stream, datagram or seqpacket; a datagram socket needs a datagram transport at
     * once (none here: ENODEV). Its own slab, "AF_VSOCK", 1280 B on this machine.
     */
    record Vsock() implements SocketFamily {
        public int number() {
            return 40;
        }

        public String name() {
            return "AF_VSOCK";
        }

        public AddressForm address() {
            return new AddressForm("sockaddr_vm", 16);
        }

        public SockMemory sock() {
            return new SockMemory("AF_VSOCK", 1280, true);
        }

        public <R> R match(Cases<R> cases) {
            return cases.vsock(this);
        }
    }

    /**
     * AF_ALG (38): the kernel's crypto API as sockets (crypto/af_alg.c). Not built into this
     * kernel (6.18 here): socket() finds no family, EAFNOSUPPORT, whatever the type.
     */
    record Alg() implements SocketFamily {
        public int number() {
            return 38;
        }

        public String name() {
            return "AF_ALG";
        }

        public AddressForm address() {
            return new AddressForm("sockaddr_alg", 88);
        }

        public SockMemory sock() {
            return new SockMemory("kmalloc", 0, false);
        }

        public <R> R match(Cases<R> cases) {
            return cases.alg(this);
        }
    }

    /** A number no family is registered under in this kernel (e.g. 45, AF_MCTP, not built here). */
    record Unregistered(int number) implements SocketFamily {
        public String name() {
            return "0x" + Integer.toHexString(number);
        }

        public AddressForm address() {
            return new AddressForm("sockaddr", 16);
        }

        public SockMemory sock() {
            return new SockMemory("none", 0, false);
        }

        public <R> R match(Cases<R> cases) {
            return cases.unregistered(this);
        }
    }
}
