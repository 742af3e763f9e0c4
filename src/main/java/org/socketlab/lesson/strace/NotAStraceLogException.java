// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

import java.io.IOException;

/**
 * Thrown instead of a {@link ParsedTrace} when the input cannot be a strace log, or is too
 * big to replay: binary data, text that is not UTF-8, nothing that looks like strace output,
 * an empty file, a file or line over the size limits. The message says which, in plain words.
 */
public final class NotAStraceLogException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Why the input was refused. */
    public enum Reason {
        /** It is empty or holds only blank lines. */
        EMPTY,
        /** It contains NUL bytes: a binary file. */
        BINARY,
        /** It is not valid UTF-8 text. */
        NOT_TEXT,
        /** None of its first lines looks like strace output (an HTML page, a program, notes...). */
        NO_STRACE_LINES,
        /** The file is larger than {@link StraceParser#MAX_FILE_CHARS}. */
        FILE_TOO_LARGE,
        /** A line is longer than {@link StraceParser#MAX_LINE_CHARS}. */
        LINE_TOO_LONG
    }

    private final Reason reason;
    private final int line;

    /**
     * @param reason  why the input was refused
     * @param line    the 1-based line where it was noticed, or 0 for the whole input
     * @param message the full message for the user
     */
    public NotAStraceLogException(Reason reason, int line, String message) {
        super(message);
        this.reason = reason;
        this.line = line;
    }

    /** Why the input was refused. */
    public Reason reason() {
        return reason;
    }

    /** The 1-based line where the problem was noticed, or 0 when it concerns the whole input. */
    public int line() {
        return line;
    }
}
