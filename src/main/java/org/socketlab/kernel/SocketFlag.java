// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.EnumSet;
import java.util.Set;

/**
 * Flags that may be or-ed into socket()'s type argument. Any other bit above
 * {@link SocketType#TYPE_MASK} makes socket() fail with EINVAL.
 */
public enum SocketFlag {
    /** O_NONBLOCK on the new open file: calls return EAGAIN/EINPROGRESS instead of waiting. */
    SOCK_NONBLOCK(0x800),
    /** FD_CLOEXEC on the new descriptor: it is closed across execve(). */
    SOCK_CLOEXEC(0x80000);

    /** Every bit socket() accepts in the type argument besides the type itself. */
    public static final int ALL_BITS = 0x800 | 0x80000;

    private final int bit;

    SocketFlag(int bit) {
        this.bit = bit;
    }

    /** The bit as it appears in the type argument. */
    public int bit() {
        return bit;
    }

    /** The flags set in a type argument (other bits are ignored here). */
    public static Set<SocketFlag> in(int typeArgument) {
        EnumSet<SocketFlag> flags = EnumSet.noneOf(SocketFlag.class);
        for (SocketFlag f : values()) {
            if ((typeArgument & f.bit) != 0) {
                flags.add(f);
            }
        }
        return Set.copyOf(flags);
    }
}
