// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

import java.util.Optional;
import java.util.OptionalLong;
import org.socketlab.kernel.LinuxSymbols;

/**
 * The numbers behind the symbols strace prints in the calls the lessons replay, read from the
 * one table of them, {@link LinuxSymbols}: address families (also the old PF_ spellings), socket
 * types and flags, IP protocols, rlimit resources and RLIM_INFINITY, clone flags and signals.
 */
public final class StraceSymbols {
    private StraceSymbols() {
    }

    /** The number behind a symbol, e.g. 2 for AF_INET and for PF_INET, -1 for RLIM64_INFINITY. */
    public static OptionalLong valueOf(String name) {
        return LinuxSymbols.valueOf(name);
    }

    /** {@link #valueOf}, null for an unknown symbol. */
    static Long value(String name) {
        return LinuxSymbols.value(name);
    }

    /** The AF_ name of an address family number, e.g. "AF_INET6" for 10; empty if unknown. */
    public static Optional<String> familyName(long number) {
        return LinuxSymbols.familyName(number);
    }

    /** The modern spelling of a family name: PF_INET → AF_INET, AF_LOCAL/PF_LOCAL → AF_UNIX. */
    public static String canonical(String name) {
        String n = name.startsWith("PF_") ? "AF_" + name.substring(3) : name;
        return n.equals("AF_LOCAL") ? "AF_UNIX" : n;
    }
}
