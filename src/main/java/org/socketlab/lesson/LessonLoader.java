// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.socketlab.lesson.replay.Replay;
import org.socketlab.lesson.source.LessonParseException;

/**
 * Opens whatever the user points at — a lesson file ({@code .c}) or a strace log — and turns
 * it into a lesson, or into a {@link LessonLoadException} that says what is wrong. The one
 * door the window and the command line go through.
 */
public final class LessonLoader {
    /**
     * What was opened: the lesson, and for a strace log the replay report (warnings with line
     * numbers, mismatches, calls that are not animated); null for a lesson file.
     */
    public record Opened(Lesson lesson, Replay replay) {
    }

    private LessonLoader() {
    }

    /** True for names the loader treats as lesson files rather than traces. */
    public static boolean isLessonFile(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        return name.endsWith(".c") || name.endsWith(".lesson");
    }

    /** Opens a file as a lesson. */
    public static Lesson load(Path file) throws LessonLoadException {
        return open(file).lesson();
    }

    /** Opens a file as a lesson, with the replay report when it is a strace log. */
    public static Opened open(Path file) throws LessonLoadException {
        if (!Files.exists(file)) {
            throw new LessonLoadException(file, file + ": no such file", "", null);
        }
        if (Files.isDirectory(file)) {
            throw new LessonLoadException(file, file + " is a folder, not a lesson file", "", null);
        }
        if (!Files.isReadable(file)) {
            throw new LessonLoadException(file, file + " cannot be read (no permission)", "", null);
        }
        if (isLessonFile(file)) {
            return new Opened(loadLessonFile(file), null);
        }
        Replay replay = TraceLessons.load(file);
        return new Opened(replay.lesson(), replay);
    }

    /** Reads the lesson again from its file (F5); lessons without a file come back as they are. */
    public static Lesson reload(Lesson lesson) throws LessonLoadException {
        if (lesson.origin() instanceof LessonOrigin.File file) {
            return load(file.path());
        }
        return lesson;
    }

    private static Lesson loadLessonFile(Path file) throws LessonLoadException {
        try {
            return LessonFiles.load(file);
        } catch (LessonParseException e) {
            String first = e.problems().isEmpty() ? e.getMessage() : e.problems().get(0).format().lines()
                    .findFirst().orElse(e.getMessage());
            throw new LessonLoadException(file, first, e.getMessage(), e);
        }
    }

    /** An I/O failure as the user should read it. */
    static LessonLoadException unreadable(Path file, IOException e) {
        return new LessonLoadException(file, file + " cannot be read: " + e.getMessage(), "", e);
    }
}
