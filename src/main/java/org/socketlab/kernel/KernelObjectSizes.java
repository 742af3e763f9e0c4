// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

/**
 * What one socket costs in kernel memory: object sizes read from /proc/slabinfo on
 * Linux 6.18, x86-64 (see docs/decisions and DOMAIN.md). Stage 1 allocates the
 * socket+inode pair and the protocol's sock; stage 3 adds the struct file and its dentry.
 */
public final class KernelObjectSizes {
    /** struct socket + its inode ("sock_inode_cache"), allocated by sock_alloc(). */
    public static final int SOCKET_INODE = 832;
    /** struct file ("filp"), allocated by sock_alloc_file() when the ticket is issued. */
    public static final int FILE = 192;
    /** The dentry that names the socket in sockfs, allocated with the file. */
    public static final int DENTRY = 192;

    /**
     * A TIME_WAIT sock ("tw_sock_TCP", 256 B on Linux 6.18): what is left of the side that closed
     * first, in place of its tcp_sock, for 60 s (inet_twsk_alloc, tcp_time_wait).
     */
    public static final int TIME_WAIT_SOCK = 256;

    private KernelObjectSizes() {
    }

    /**
     * The slab the protocol's sock comes from (the name /proc/slabinfo shows), for a
     * family, type and resolved protocol that socket() accepts.
     */
    public static String protocolSlab(AddressFamily family, SocketType type, int protocol) {
        boolean v6 = family == AddressFamily.AF_INET6;
        return switch (family) {
            case AF_UNIX -> "UNIX";
            case AF_INET, AF_INET6 -> switch (type) {
                case SOCK_STREAM -> v6 ? "TCPv6" : "TCP";
                case SOCK_DGRAM -> isPing(family, protocol) ? (v6 ? "PINGv6" : "PING")
                        : protocol == Protocol.IPPROTO_UDPLITE.number() ? (v6 ? "UDPLITEv6" : "UDP-Lite")
                        : (v6 ? "UDPv6" : "UDP");
                default -> v6 ? "RAWv6" : "RAW";
            };
        };
    }

    /** Bytes of the protocol's sock (tcp_sock, udp_sock, ...), by slab name. */
    public static int protocolBytes(String slab) {
        return switch (slab) {
            case "TCP" -> 2368;
            case "TCPv6" -> 2496;
            case "UDP", "UDP-Lite" -> 1344;
            case "UDPv6", "UDPLITEv6" -> 1472;
            case "RAW" -> 1152;
            case "RAWv6" -> 1344;
            case "PING" -> 1024;
            case "PINGv6" -> 1344;
            case "UNIX" -> 1152;
            case "tw_sock_TCP", "tw_sock_TCPv6" -> TIME_WAIT_SOCK;
            default -> throw new IllegalArgumentException("unknown slab " + slab);
        };
    }

    /** The slab a TIME_WAIT sock of a connection from this slab comes from. */
    static String timeWaitSlab(String slab) {
        return slab.equals("TCPv6") ? "tw_sock_TCPv6" : "tw_sock_TCP";
    }

    static boolean isPing(AddressFamily family, int protocol) {
        return family == AddressFamily.AF_INET && protocol == Protocol.IPPROTO_ICMP.number()
                || family == AddressFamily.AF_INET6 && protocol == Protocol.IPPROTO_ICMPV6.number();
    }
}
