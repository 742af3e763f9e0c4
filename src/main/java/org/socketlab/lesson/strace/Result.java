// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

import java.util.List;
import java.util.Optional;
import org.socketlab.kernel.Errno;

/**
 * What a traced call returned, from the text after {@code " = "}: {@code 3},
 * {@code 3<TCP:[13286]>}, {@code -1 EMFILE (Too many open files)},
 * {@code ? ERESTARTSYS (To be restarted if SA_RESTART is set)}, {@code ?},
 * {@code 0 (Timeout)}, {@code 0x7f60d097b000}.
 *
 * @param value        the returned number, null when strace printed {@code ?} (no value:
 *                     the process exited or the call will be restarted)
 * @param decoration   the {@code -y} decoration of a returned descriptor, or null
 * @param errno        the error name ("EMFILE", "ERESTARTSYS"), or null on success
 * @param errnoMessage strace's text for the error ("Too many open files"), or null
 * @param note         anything strace added after the value, e.g. "(Timeout)",
 *                     "([{fd=5, revents=POLLIN}])", "(INJECTED)", "<unavailable>"; or null
 */
public record Result(Long value, Decoration decoration, String errno, String errnoMessage, String note) {

    /** True when the call failed: strace printed an error name. */
    public boolean isError() {
        return errno != null;
    }

    /** True when strace printed {@code ?} instead of a value. */
    public boolean isUnknown() {
        return value == null;
    }

    /** The returned value as a descriptor (with its decoration) when the call succeeded with one. */
    public Optional<FdRef> asFd() {
        if (value == null || errno != null || value < 0 || value > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        return Optional.of(new FdRef(value.intValue(), decoration));
    }

    /**
     * What strace printed in the note's parentheses, read as arguments: poll's
     * {@code ([{fd=5, revents=POLLIN}])} is one array; select's {@code (in [6], out [5], left {...})}
     * gives {@code in [6]}-style items as strace spelled them. Empty without a parenthesised note.
     */
    public List<Arg> noteArguments() {
        if (note == null || !note.startsWith("(") || !note.endsWith(")")) {
            return List.of();
        }
        return new ArgParser(note, 1, note.length() - 1, new Interner()).arguments();
    }

    /** The kernel model's errno, when the error is one the model knows. */
    public Optional<Errno> knownErrno() {
        return errno == null ? Optional.empty() : Errno.named(errno);
    }
}
