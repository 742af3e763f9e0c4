// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a clone/clone3/fork/vfork call created, read from its flags: a thread shares the
 * parent's descriptor table (CLONE_FILES), a forked process gets a copy of it.
 *
 * @param flags    the flag names as printed ({@code flags=CLONE_VM|CLONE_FS|...|SIGCHLD});
 *                 empty for fork and vfork, which take none
 * @param flagBits the flags' numeric value when every name is known, else null; 0 for fork,
 *                 CLONE_VM|CLONE_VFORK for vfork
 * @param childPid the new task's id (the call's result), or null if the call failed
 */
public record CloneInfo(List<String> flags, Long flagBits, Integer childPid) {

    private static final long CLONE_FILES = 0x400;
    private static final long CLONE_THREAD = 0x10000;
    /** What vfork() means as clone flags: CLONE_VM|CLONE_VFORK (no CLONE_FILES: the table is copied). */
    private static final long VFORK_BITS = 0x100 | 0x4000;

    public CloneInfo {
        flags = List.copyOf(flags);
    }

    /** True when parent and child share one descriptor table (CLONE_FILES): a socket one opens the other sees. */
    public boolean sharesFileTable() {
        return flags.contains("CLONE_FILES") || (flagBits != null && (flagBits & CLONE_FILES) != 0);
    }

    /** True for a thread of the same process (CLONE_THREAD). */
    public boolean isThread() {
        return flags.contains("CLONE_THREAD") || (flagBits != null && (flagBits & CLONE_THREAD) != 0);
    }

    static Optional<CloneInfo> of(TraceCall call) {
        Arg flags;
        switch (call.name()) {
            case "fork", "vfork" -> flags = null;
            case "clone" -> flags = call.namedArg("flags").orElse(null);
            case "clone3" -> {
                Arg a = call.arg(0).orElse(null);
                if (a instanceof Arg.InOut io) {
                    a = io.in();
                }
                flags = a instanceof Arg.Struct s ? s.field("flags").orElse(null) : null;
            }
            default -> {
                return Optional.empty();
            }
        }
        Long value = call.result().value();
        Integer child = value == null || call.result().isError() || value != value.intValue()
                ? null : value.intValue();
        if (flags == null) {
            return Optional.of(new CloneInfo(List.of(), call.name().equals("fork") ? 0L : VFORK_BITS, child));
        }
        OptionalLong bits = flags.asLong();
        return Optional.of(new CloneInfo(flags.flagNames(), bits.isPresent() ? bits.getAsLong() : null, child));
    }
}
