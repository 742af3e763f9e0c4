// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.Set;

/**
 * The socket that socket()'s arguments ask for, once they have passed the checks: what the
 * protocol stack will allocate and write into the form.
 *
 * @param family        the family
 * @param type          the type (flags removed)
 * @param protocol      the protocol, 0 already resolved to the family's default for the type
 * @param flags         SOCK_NONBLOCK / SOCK_CLOEXEC
 * @param slab          the slab the protocol's sock comes from
 * @param sendBuffer    the initial sk_sndbuf
 * @param receiveBuffer the initial sk_rcvbuf
 * @param ping          an ICMP datagram ("ping") socket, which checks ping_group_range when initialised
 */
public record SocketSpec(AddressFamily family, SocketType type, int protocol, Set<SocketFlag> flags, String slab,
                         int sendBuffer, int receiveBuffer, boolean ping) {
    /** tcp_wmem[1]: a TCP socket's initial send buffer limit. */
    public static final int TCP_SEND_BUFFER = 16384;
    /** tcp_rmem[1]: a TCP socket's initial receive buffer limit. */
    public static final int TCP_RECEIVE_BUFFER = 131072;
    /** net.core.wmem_default / rmem_default: every other socket's initial limits. */
    public static final int DEFAULT_BUFFER = 212992;

    public SocketSpec {
        flags = Set.copyOf(flags);
    }

    /** Bytes allocated in stage 1: socket+inode and the protocol's sock. */
    public long stageOneBytes() {
        return KernelObjectSizes.SOCKET_INODE + KernelObjectSizes.protocolBytes(slab);
    }

    /** Bytes allocated in stage 3: the struct file and its dentry. */
    public static long stageThreeBytes() {
        return KernelObjectSizes.FILE + KernelObjectSizes.DENTRY;
    }
}
