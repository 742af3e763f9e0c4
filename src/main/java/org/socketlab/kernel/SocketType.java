// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.Optional;

/**
 * Socket types (the low four bits of socket()'s second argument) with their Linux numbers.
 * The bits above them carry {@link SocketFlag}s.
 */
public enum SocketType {
    SOCK_STREAM(1),
    SOCK_DGRAM(2),
    SOCK_RAW(3),
    SOCK_RDM(4),
    SOCK_SEQPACKET(5),
    SOCK_DCCP(6),
    SOCK_PACKET(10);

    /** The bits of the type argument that select the type; the rest are flags. */
    public static final int TYPE_MASK = 0xf;
    /** SOCK_MAX on Linux: types at or above it are rejected with EINVAL. */
    public static final int SOCK_MAX = 11;

    private final int number;

    SocketType(int number) {
        this.number = number;
    }

    /** The value passed to socket(), e.g. 1 for SOCK_STREAM. */
    public int number() {
        return number;
    }

    /** The type with this number (flags already masked off), if Linux defines one. */
    public static Optional<SocketType> of(int number) {
        for (SocketType t : values()) {
            if (t.number == number) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
