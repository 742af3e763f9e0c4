// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.loading;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.source.LessonCompiler;
import org.socketlab.lesson.source.LessonParseException;

/**
 * The lessons that ship with Socket Lab: lesson files under {@code /assets/lessons/} in the
 * jar, in the order {@code /assets/lessons/index.txt} lists them (one file name a line;
 * blank lines and lines starting with {@code #} are skipped).
 */
public final class BuiltInLessons {
    /** The id of the lesson the app opens with. */
    public static final String THREE_STAGES = "three-stages";
    /** Where the built-in lesson files are. */
    public static final String FOLDER = "/assets/lessons/";
    /** The file that lists them in order. */
    public static final String INDEX = FOLDER + "index.txt";

    private BuiltInLessons() {
    }

    /** Read once, on first use. */
    private static final class Holder {
        static final List<BuiltInLesson> ALL = read();
    }

    /** Every built-in lesson, in the order of the lesson list. */
    public static List<BuiltInLesson> all() {
        return Holder.ALL;
    }

    /** The built-in lesson with this id, if there is one. */
    public static Optional<BuiltInLesson> find(String id) {
        return all().stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /**
     * "socket(): three stages", the lesson the app opens with: a fresh process creates a TCP
     * socket (ticket 3), then a second one (ticket 4), so the cabinet visibly fills.
     */
    public static Lesson threeStages() {
        return find(THREE_STAGES).orElseThrow().lesson();
    }

    /** The file names index.txt lists, in order. */
    static List<String> index() {
        String text = new String(LessonFiles.readResource(INDEX), StandardCharsets.UTF_8);
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static List<BuiltInLesson> read() {
        List<BuiltInLesson> lessons = new ArrayList<>();
        for (String file : index()) {
            String resource = FOLDER + file;
            try {
                lessons.add(new BuiltInLesson(LessonCompiler.idOf(file), resource, LessonFiles.parseResource(resource)));
            } catch (LessonParseException e) {
                throw new IllegalStateException("a built-in lesson does not parse:\n" + e.getMessage(), e);
            }
        }
        return List.copyOf(lessons);
    }
}
