// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.Locale;

/**
 * The machine's place on the network: its addresses, which addresses are its own, and how
 * ephemeral ports are picked. Linux takes them from 32768–60999, pseudo-randomly, preferring
 * even ports for connect() and odd ones for bind(port 0); the model walks the range in order
 * with the same parity rule, so lessons are reproducible.
 */
public final class Network {
    /** net.ipv4.ip_local_port_range. */
    public static final int FIRST_EPHEMERAL_PORT = 32768;
    public static final int LAST_EPHEMERAL_PORT = 60999;
    /** Ports below this need CAP_NET_BIND_SERVICE (net.ipv4.ip_unprivileged_port_start). */
    public static final int FIRST_UNPRIVILEGED_PORT = 1024;
    /** net.core.somaxconn: listen() caps the backlog here. */
    public static final int SOMAXCONN = 4096;
    /** The machine's own addresses besides loopback. */
    public static final String HOST_V4 = "10.0.0.2";
    public static final String HOST_V6 = "fd00::2";

    private Network() {
    }

    /** True when the address belongs to this machine (loopback, its own, or the wildcard). */
    public static boolean isLocal(Endpoint endpoint) {
        String a = endpoint.address();
        return switch (endpoint.family()) {
            case AF_INET -> a.startsWith("127.") || a.equals(HOST_V4) || a.equals("0.0.0.0");
            case AF_INET6 -> a.equals("::1") || a.equals(HOST_V6) || a.equals("::")
                    || mappedIpv4(a) != null && isLocal(new Endpoint(AddressFamily.AF_INET, mappedIpv4(a), 0));
            case AF_UNIX -> true;
        };
    }

    /** The IPv4 address inside an IPv4-mapped IPv6 address ("::ffff:127.0.0.1" → "127.0.0.1"), or null. */
    static String mappedIpv4(String v6) {
        String lower = v6.toLowerCase(Locale.ROOT);
        return lower.startsWith("::ffff:") && lower.indexOf('.') > 0 ? lower.substring(7) : null;
    }

    /**
     * The IPv4 address an endpoint of an inet socket holds, as the bind-conflict code sees it: its
     * own for AF_INET; for AF_INET6 "0.0.0.0" for [::] and the inner address for an IPv4-mapped one,
     * unless the socket is IPv6 only; null when it holds no IPv4 address (a v6-only socket, or any
     * other IPv6 address: binding one makes the socket IPv6 only).
     */
    private static String ipv4Side(Endpoint e, boolean v6only) {
        if (e.family() == AddressFamily.AF_INET) {
            return e.address();
        }
        if (v6only) {
            return null;
        }
        return e.address().equals("::") ? "0.0.0.0" : mappedIpv4(e.address());
    }

    /** The IPv6 address an endpoint holds: null for AF_INET and for an IPv4-mapped address. */
    private static String ipv6Side(Endpoint e) {
        return e.family() == AddressFamily.AF_INET6 && mappedIpv4(e.address()) == null ? e.address() : null;
    }

    /** True when two addresses of one side overlap: the same, or one of them the wildcard. */
    private static boolean overlap(String a, String b) {
        return a != null && b != null && (a.equals(b) || a.equals("0.0.0.0") || b.equals("0.0.0.0")
                || a.equals("::") || b.equals("::"));
    }

    /** True for the wildcard address (INADDR_ANY, in6addr_any). */
    public static boolean isWildcard(Endpoint endpoint) {
        return endpoint.address().equals("0.0.0.0") || endpoint.address().equals("::");
    }

    /** The source address routing picks for a destination. */
    public static String sourceFor(Endpoint destination) {
        String a = destination.address();
        return switch (destination.family()) {
            case AF_INET -> a.startsWith("127.") ? a : HOST_V4;
            case AF_INET6 -> a.equals("::1") ? a : HOST_V6;
            case AF_UNIX -> "";
        };
    }

    /** The next port of the given parity (0 even, 1 odd) at or after {@code from}, wrapping in the range. */
    static int nextPort(int from, int parity) {
        int port = from < FIRST_EPHEMERAL_PORT || from > LAST_EPHEMERAL_PORT ? FIRST_EPHEMERAL_PORT : from;
        if ((port & 1) != parity) {
            port++;
        }
        return port > LAST_EPHEMERAL_PORT ? FIRST_EPHEMERAL_PORT + parity : port;
    }

    /**
     * True when two local endpoints claim the same port on overlapping addresses. IPv4 and IPv6
     * share one port space: an IPv4 address clashes with an IPv4 one, with [::] of a socket that is
     * not IPv6 only (dual stack, Linux's default) and with the IPv4-mapped "::ffff:a.b.c.d"; an IPv6
     * address clashes with an IPv6 one; a wildcard with every address of its side
     * (inet_csk_bind_conflict, inet_rcv_saddr_equal, ipv6_rcv_saddr_equal; kernel-truth/ipv6-v6only
     * tries every pair of eight kinds).
     */
    static boolean clash(Endpoint a, boolean aV6only, Endpoint b, boolean bV6only) {
        if ((a.family() == AddressFamily.AF_UNIX) != (b.family() == AddressFamily.AF_UNIX)) {
            return false;
        }
        if (a.family() == AddressFamily.AF_UNIX) {
            return !a.address().isEmpty() && a.address().equals(b.address());
        }
        if (a.port() == 0 || a.port() != b.port()) {
            return false;
        }
        return overlap(ipv4Side(a, aV6only), ipv4Side(b, bV6only)) || overlap(ipv6Side(a), ipv6Side(b));
    }

    /**
     * True when a listener bound at {@code local} receives connections for {@code destination}. An
     * IPv4-mapped destination is IPv4 (tcp_v6_connect hands it to tcp_v4_connect); a listener that is
     * IPv6 only receives no IPv4 connection.
     */
    static boolean receives(Endpoint local, boolean v6only, Endpoint destination) {
        if (local.family() == AddressFamily.AF_UNIX || destination.family() == AddressFamily.AF_UNIX) {
            return local.family() == destination.family() && !local.address().isEmpty()
                    && local.address().equals(destination.address());
        }
        if (local.port() != destination.port()) {
            return false;
        }
        String inner = destination.family() == AddressFamily.AF_INET6 ? mappedIpv4(destination.address()) : null;
        if (destination.family() == AddressFamily.AF_INET || inner != null) {
            String held = ipv4Side(local, v6only);
            return held != null && (held.equals("0.0.0.0") || held.equals(inner != null ? inner : destination.address()));
        }
        String held = ipv6Side(local);
        return held != null && (held.equals("::") || held.equals(destination.address()));
    }
}
