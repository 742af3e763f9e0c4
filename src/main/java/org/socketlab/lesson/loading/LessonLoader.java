// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.loading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.LessonOrigin;
import org.socketlab.lesson.replay.Replay;
import org.socketlab.lesson.replay.ReplayProgress;
import org.socketlab.lesson.source.LessonParseException;
import org.socketlab.lesson.strace.NotAStraceLogException;
import org.socketlab.lesson.strace.StraceParser;

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
        return open(file, ReplayProgress.NONE);
    }

    /**
     * Opens a file as {@link #open(Path)} does, telling {@code progress} how far a strace log's
     * reading and replay have come; a thread interrupted while a log loads stops with a {@link
     * LessonLoadException} whose cause is an {@link java.io.InterruptedIOException}.
     */
    public static Opened open(Path file, ReplayProgress progress) throws LessonLoadException {
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
        Replay replay = TraceLessons.load(file, progress);
        return new Opened(replay.lesson(), replay);
    }

    /**
     * Checks that a file opens, as {@link #open} would say it does not, without replaying a
     * strace log: a log is only read through once ({@link StraceParser#stream}), so the command
     * line can refuse a bad file before the window opens without loading a big log twice.
     */
    public static void check(Path file) throws LessonLoadException {
        if (isLessonFile(file) || !Files.isRegularFile(file) || !Files.isReadable(file)) {
            open(file);
            return;
        }
        try {
            StraceParser.stream(file);
        } catch (NotAStraceLogException e) {
            throw new LessonLoadException(file, e.getMessage(), "", e);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
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
