// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.Optional;

/** IP protocol numbers that matter to the lessons ({@code /etc/protocols}). */
public enum Protocol {
    IPPROTO_IP(0),
    IPPROTO_ICMP(1),
    IPPROTO_TCP(6),
    IPPROTO_UDP(17),
    IPPROTO_ICMPV6(58),
    IPPROTO_UDPLITE(136),
    IPPROTO_RAW(255),
    /** Multipath TCP: a SOCK_STREAM protocol of its own, registered in inetsw by net/mptcp. */
    IPPROTO_MPTCP(262);

    /**
     * IPPROTO_MAX: inet_create rejects protocol numbers at or above it (and below 0) with EINVAL.
     * Numbers below it that no entry of the type has are EPROTONOSUPPORT (256, 258, ...).
     */
    public static final int LIMIT = 263;

    private final int number;

    Protocol(int number) {
        this.number = number;
    }

    /** The value passed to socket(), e.g. 6 for IPPROTO_TCP. */
    public int number() {
        return number;
    }

    /** The protocol with this number, if it has a name here. */
    public static Optional<Protocol> of(int number) {
        for (Protocol p : values()) {
            if (p.number == number) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** A readable name for any protocol number: "IPPROTO_TCP", or "protocol 42". */
    public static String nameOf(int number) {
        return of(number).map(Enum::name).orElse("protocol " + number);
    }
}
