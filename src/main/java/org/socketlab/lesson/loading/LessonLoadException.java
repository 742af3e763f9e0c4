// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.loading;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A lesson file or trace that could not be opened, with what to tell the user: a one-line
 * summary, and the details ({@code file:line:column: message}, the offending line with a caret,
 * and a hint) when there are any.
 */
public final class LessonLoadException extends Exception {
    private final Path file;
    private final String details;

    public LessonLoadException(Path file, String summary, String details, Throwable cause) {
        super(Objects.requireNonNull(summary, "summary"), cause);
        this.file = file;
        this.details = details == null ? "" : details;
    }

    /** The file that was being opened. */
    public Path file() {
        return file;
    }

    /** The problems in full, for a monospace box or the terminal; may be empty. */
    public String details() {
        return details;
    }
}
