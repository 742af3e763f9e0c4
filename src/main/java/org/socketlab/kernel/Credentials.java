// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

/**
 * What a process is allowed to do, as far as socket() asks.
 *
 * @param netRaw    holds CAP_NET_RAW (root has it): may create SOCK_RAW sockets
 * @param pingGroup its group is inside net.ipv4.ping_group_range: may create ICMP datagram sockets
 */
public record Credentials(boolean netRaw, boolean pingGroup) {
    /** An ordinary user: no raw sockets, outside the ping group (the kernel's default range). */
    public static final Credentials USER = new Credentials(false, false);
    /** root: every capability. */
    public static final Credentials ROOT = new Credentials(true, true);
}
