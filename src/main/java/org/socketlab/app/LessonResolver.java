// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import java.util.List;
import java.util.Locale;
import org.socketlab.lesson.BuiltInLessons;
import org.socketlab.lesson.Lesson;

/**
 * Finds the lesson a name on the command line means: the one place that knows which lessons
 * exist. Today that is the built-in lesson, by id ({@code three-stages}) or by title in any
 * language ({@code "socket(): three stages"}); lesson files ({@code .c}) and strace imports
 * ({@code .strace}) plug in here.
 */
public final class LessonResolver {
    private final List<Lesson> builtIn;

    private LessonResolver(List<Lesson> builtIn) {
        this.builtIn = List.copyOf(builtIn);
    }

    /** A resolver for the lessons that ship with Socket Lab. */
    public static LessonResolver standard() {
        return new LessonResolver(List.of(BuiltInLessons.threeStages()));
    }

    /** The lesson used when none is named: "socket(): three stages". */
    public Lesson defaultLesson() {
        return builtIn.get(0);
    }

    /**
     * The lesson {@code name} means; {@code null} or blank means the default lesson.
     *
     * @throws UnknownLessonException when no lesson has that id or title
     */
    public Lesson resolve(String name) throws UnknownLessonException {
        if (name == null || name.isBlank()) {
            return defaultLesson();
        }
        String wanted = name.strip();
        for (Lesson lesson : builtIn) {
            if (lesson.id().equalsIgnoreCase(wanted)
                    || lesson.title().zh().equals(wanted)
                    || lesson.title().en().toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT))) {
                return lesson;
            }
        }
        throw new UnknownLessonException(wanted, known());
    }

    /** The lessons this resolver knows by name, as "id (title)". */
    public List<String> known() {
        return builtIn.stream().map(l -> l.id() + " (\"" + l.title().en() + "\")").toList();
    }

    /** No lesson has the name that was asked for. */
    public static final class UnknownLessonException extends Exception {
        private static final long serialVersionUID = 1L;

        UnknownLessonException(String name, List<String> known) {
            super("Unknown lesson \"" + name + "\". Known lessons: " + String.join(", ", known) + ".");
        }
    }
}
