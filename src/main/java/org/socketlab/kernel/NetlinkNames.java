// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

/**
 * How a netlink socket is labelled, as strace -yy shows it: {@code NETLINK:[ROUTE]} before
 * bind() and {@code NETLINK:[ROUTE:4711]} after, with the port id as an unsigned number.
 */
public final class NetlinkNames {
    /**
     * About the size of one netlink socket: struct netlink_sock (net/netlink/af_netlink.h) is a
     * struct sock and about 300 bytes of netlink fields; netlink_proto has no slab of its own, so
     * sk_alloc() takes it from a kmalloc cache. Not measured: an honest "about".
     */
    public static final int ABOUT_BYTES = 1100;

    private NetlinkNames() {
    }

    public static String unbound(String protocol) {
        return "NETLINK:[" + protocol + "]";
    }

    public static String bound(String protocol, int portId) {
        return "NETLINK:[" + protocol + ":" + Integer.toUnsignedString(portId) + "]";
    }
}
