// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

import java.util.OptionalInt;

/**
 * A message strace wrote about the tracing itself rather than a call:
 * {@code strace: Process 123 attached}, {@code +++ superseded by execve in pid 7 +++},
 * {@code [ Process PID=1 runs in 32 bit mode. ]}.
 *
 * @param pid     the pid printed before the message, or the one it is about
 *                ("Process 123 attached" → 123); null if none
 * @param message the text without the "strace: " prefix
 */
public record TraceNote(int line, Integer pid, String message) implements TraceEvent {

    /** The pid of an "attached" message: a new process or thread strace now follows. */
    public OptionalInt attachedPid() {
        if (message.startsWith("Process ") && message.endsWith(" attached")) {
            String n = message.substring(8, message.length() - 9).trim();
            if (!n.isEmpty() && n.length() < 10 && n.chars().allMatch(Character::isDigit)) {
                return OptionalInt.of(Integer.parseInt(n));
            }
        }
        return OptionalInt.empty();
    }
}
