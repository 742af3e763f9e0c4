// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

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
        String lower = v6.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("::ffff:") && lower.indexOf('.') > 0 ? lower.substring(7) : null;
    }

    /**
     * The IPv4 addresses an endpoint of an inet socket covers, as inet_rcv_saddr_equal sees them:
     * its own for AF_INET; for AF_INET6 (v6only off, Linux's default) "0.0.0.0" for [::] and the
     * inner address for an IPv4-mapped one; null for an IPv6 address that covers no IPv4 one.
     */
    private static String ipv4Side(Endpoint e) {
        if (e.family() == AddressFamily.AF_INET) {
            return e.address();
        }
        return e.address().equals("::") ? "0.0.0.0" : mappedIpv4(e.address());
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
     * share one port space: [::]:p covers 0.0.0.0:p (dual stack, v6only off) and "::ffff:a.b.c.d"
     * is the IPv4 address a.b.c.d (inet_csk_bind_conflict, inet_rcv_saddr_equal;
     * kernel-truth/bind-dual-stack).
     */
    static boolean clash(Endpoint a, Endpoint b) {
        if ((a.family() == AddressFamily.AF_UNIX) != (b.family() == AddressFamily.AF_UNIX)) {
            return false;
        }
        if (a.family() == AddressFamily.AF_UNIX) {
            return !a.address().isEmpty() && a.address().equals(b.address());
        }
        if (a.port() == 0 || a.port() != b.port()) {
            return false;
        }
        if (a.family() == b.family()) {
            return a.address().equals(b.address()) || isWildcard(a) || isWildcard(b);
        }
        String a4 = ipv4Side(a);
        String b4 = ipv4Side(b);
        return a4 != null && b4 != null && (a4.equals(b4) || a4.equals("0.0.0.0") || b4.equals("0.0.0.0"));
    }

    /** True when a listener bound at {@code local} receives connections for {@code destination}. */
    static boolean receives(Endpoint local, Endpoint destination) {
        if (local.family() == AddressFamily.AF_INET6 && destination.family() == AddressFamily.AF_INET) {
            String covered = ipv4Side(local);
            return covered != null && local.port() == destination.port()
                    && (covered.equals("0.0.0.0") || covered.equals(destination.address()));
        }
        if (local.family() == AddressFamily.AF_INET && destination.family() == AddressFamily.AF_INET6) {
            String inner = mappedIpv4(destination.address());
            return inner != null && receives(local, new Endpoint(AddressFamily.AF_INET, inner, destination.port()));
        }
        if (local.family() != destination.family()) {
            return false;
        }
        if (local.family() == AddressFamily.AF_UNIX) {
            return !local.address().isEmpty() && local.address().equals(destination.address());
        }
        return local.port() == destination.port() && (isWildcard(local) || local.address().equals(destination.address()));
    }
}
