// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
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
        // Every socket() of a replay asks: each possible set is made once ({@link #SETS}).
        int index = 0;
        for (int i = 0; i < FLAGS.length; i++) {
            if ((typeArgument & FLAGS[i].bit) != 0) {
                index |= 1 << i;
            }
        }
        return SETS.get(index);
    }

    private static final SocketFlag[] FLAGS = values();

    /** {@link #in}'s answers, by the set's flags as bits of the index (bit i: {@code values()[i]}). */
    private static final List<Set<SocketFlag>> SETS = sets();

    private static List<Set<SocketFlag>> sets() {
        List<Set<SocketFlag>> sets = new ArrayList<>();
        for (int index = 0; index < 1 << FLAGS.length; index++) {
            EnumSet<SocketFlag> flags = EnumSet.noneOf(SocketFlag.class);
            for (int i = 0; i < FLAGS.length; i++) {
                if ((index & 1 << i) != 0) {
                    flags.add(FLAGS[i]);
                }
            }
            sets.add(Set.copyOf(flags));
        }
        return List.copyOf(sets);
    }
}
