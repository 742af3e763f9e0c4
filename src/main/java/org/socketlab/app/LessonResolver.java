// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.socketlab.lesson.loading.BuiltInLesson;
import org.socketlab.lesson.loading.BuiltInLessons;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.loading.LessonLoadException;
import org.socketlab.lesson.loading.LessonLoader;

/**
 * Finds the lesson a name on the command line means: the one place that knows which lessons
 * exist. A built-in lesson by id ({@code three-stages}) or by title in either language
 * ({@code "socket(): three stages"}); a lesson file ({@code .c}) or a strace log by its path,
 * opened through {@link LessonLoader}. Nothing named: "socket(): three stages".
 */
public final class LessonResolver {
    private final List<BuiltInLesson> builtIn;

    private LessonResolver(List<BuiltInLesson> builtIn) {
        this.builtIn = List.copyOf(builtIn);
    }

    /** A resolver for the lessons that ship with Socket Lab and for lesson files. */
    public static LessonResolver standard() {
        return new LessonResolver(BuiltInLessons.all());
    }

    /** The lesson used when none is named: "socket(): three stages". */
    public Lesson defaultLesson() {
        return BuiltInLessons.threeStages();
    }

    /**
     * The lesson {@code name} means; {@code null} or blank means the default lesson.
     *
     * @throws UnknownLessonException when no lesson has that id or title and no file that name,
     *         or the file is not a lesson (the message says why)
     */
    public Lesson resolve(String name) throws UnknownLessonException {
        if (name == null || name.isBlank()) {
            return defaultLesson();
        }
        String wanted = name.strip();
        for (BuiltInLesson lesson : builtIn) {
            if (lesson.id().equalsIgnoreCase(wanted) || lesson.title().zh().equals(wanted)
                    || lesson.title().en().toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT))) {
                return lesson.lesson();
            }
        }
        if (looksLikeAFile(wanted)) {
            try {
                return LessonLoader.load(Path.of(wanted));
            } catch (LessonLoadException e) {
                throw new UnknownLessonException(e.getMessage());
            }
        }
        throw new UnknownLessonException("Unknown lesson \"" + wanted + "\". Known lessons: "
                + String.join(", ", known()) + "; or give the path of a lesson file (.c) or a strace log.");
    }

    /** The built-in lessons by id, as "id (title)". */
    public List<String> known() {
        return builtIn.stream().map(l -> l.id() + " (\"" + l.title().en() + "\")").toList();
    }

    private static boolean looksLikeAFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".c") || lower.endsWith(".lesson") || lower.endsWith(".strace")
                || lower.endsWith(".txt") || lower.endsWith(".log") || name.contains("/") || name.contains("\\")
                || Files.exists(Path.of(name));
    }

    /** No lesson has the name that was asked for, or its file could not be read as one. */
    public static final class UnknownLessonException extends Exception {
        private static final long serialVersionUID = 1L;

        UnknownLessonException(String message) {
            super(message);
        }
    }
}
