// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Something a replay wants the reader to know about one line of the trace: a line the parser
 * could not read, a guess the model had to make, or a place where the model and the kernel
 * disagree. The words come from {@link Kind}, one English sentence pattern per kind, so a
 * translation needs only the kind's name as its key and the arguments.
 *
 * @param line the 1-based line of the trace (0 for the whole trace)
 * @param kind what happened
 * @param args the values the sentence mentions: numbers, call names, errno names
 */
public record ReplayWarning(int line, Kind kind, List<Object> args) {

    /** What a warning is about, with its sentence as a {@link MessageFormat} pattern. */
    public enum Kind {
        /** {0}: the parser's own message. */
        UNREADABLE("{0}"),
        /** {0} name, {1} predicted, {2} actual (numbers, "-1 ERRNO", or {@link Said} words). */
        MISMATCH("{0}(): the model predicted {1}, the kernel returned {2}; the model follows the kernel"),
        /** {0} name, {1} what the model said, {2} what the kernel said (as for MISMATCH). */
        DISAGREEMENT("{0}(): the model expected {1}, but the kernel returned {2}"),
        /** {0} pid. */
        UNKNOWN_PROCESS("process {0,number,#} appears without a fork or clone in the trace: its descriptor table"
                + " is not known, so it starts empty and fills with what the trace shows"),
        /** {0} pid. */
        UNTRACED_CHILD("{0,number,#} is a child the trace does not follow (record with strace -f to see it)"),
        /** {0} descriptor. */
        OPENED_OUTSIDE("descriptor {0,number,#} was opened by a call the trace does not show"),
        /** {0} first descriptor, {1} last descriptor, {2} how many of them the model had free. */
        OPENED_OUTSIDE_MANY("descriptors {0,number,#} to {1,number,#} were in use: {2,number,integer} of them"
                + " were opened by calls the trace does not show"),
        /** {0} descriptor, {1} how many free drawers lie below it. */
        TOO_FAR_OUTSIDE("descriptor {0,number,#} is {1,number,integer} drawers above the lowest free one: too many"
                + " to be opened out of sight, so the model does not follow it"),
        /** {0} descriptor. */
        CLOSED_OUTSIDE("descriptor {0,number,#} was closed by a call the trace does not show"),
        /** {0} descriptor, {1} call name. */
        FOREIGN_SOCKET("descriptor {0,number,#} is a socket the model cannot build, so {1}() on it is shown"
                + " but not animated"),
        /** {0} old limit, {1} new limit. */
        LIMIT_INFERRED("the descriptor limit must be {1,number,#}, not {0,number,#}: the kernel''s answers show it"),
        /** {0} name, {1} its line, {2} the other thread's call, {3} its line. */
        RACE("{0}() at line {1,number,#} and {2}() at line {3,number,#} ran at the same time in two threads of one"
                + " descriptor table: the log cannot tell which the kernel served first, so the model follows"
                + " the kernel''s numbers"),
        /** {0} what went wrong. */
        NOT_REPLAYED("the model could not follow this line ({0}); the replay goes on without it");

        private final String pattern;

        Kind(String pattern) {
            this.pattern = pattern;
        }

        /** The English sentence pattern. */
        public String pattern() {
            return pattern;
        }
    }

    public ReplayWarning {
        Objects.requireNonNull(kind, "kind");
        args = List.copyOf(args);
    }

    /** A warning with these arguments. */
    static ReplayWarning of(int line, Kind kind, Object... args) {
        return new ReplayWarning(line, kind, List.of(args));
    }

    /** The warning as an English sentence. */
    public String message() {
        return new MessageFormat(kind.pattern(), Locale.ENGLISH).format(args.toArray());
    }

    @Override
    public String toString() {
        return "line " + line + ": " + message();
    }
}
