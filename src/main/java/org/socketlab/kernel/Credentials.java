// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

/**
 * What a process is allowed to do, as far as the socket calls ask.
 *
 * @param netRaw           holds CAP_NET_RAW: may create SOCK_RAW sockets
 * @param pingGroup        its group is inside net.ipv4.ping_group_range: may create ICMP datagram sockets
 * @param netBindService   holds CAP_NET_BIND_SERVICE: may bind ports below 1024
 */
public record Credentials(boolean netRaw, boolean pingGroup, boolean netBindService) {
    /** An ordinary user: no raw sockets, outside the ping group (the kernel's default range), no low ports. */
    public static final Credentials USER = new Credentials(false, false, false);
    /** root: every capability. */
    public static final Credentials ROOT = new Credentials(true, true, true);

    /** Credentials where low ports come with the raw-socket capability, as they do for root. */
    public Credentials(boolean netRaw, boolean pingGroup) {
        this(netRaw, pingGroup, netRaw);
    }
}
