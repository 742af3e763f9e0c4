// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.loading;

import java.util.Objects;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.LessonOrigin;
import org.socketlab.lesson.LocalizedText;
import org.socketlab.lesson.source.LessonCompiler;
import org.socketlab.lesson.source.LessonSource;

/**
 * One lesson that ships with Socket Lab, as the lesson list shows it: its id, title and
 * description are known at once; the lesson itself is compiled the first time it is asked
 * for, then kept.
 */
public final class BuiltInLesson {
    private final String id;
    private final String resource;
    private final LessonSource source;
    private Lesson lesson;

    BuiltInLesson(String id, String resource, LessonSource source) {
        this.id = Objects.requireNonNull(id, "id");
        this.resource = Objects.requireNonNull(resource, "resource");
        this.source = Objects.requireNonNull(source, "source");
    }

    /** The lesson's id, its file name without ".c", e.g. "three-stages". */
    public String id() {
        return id;
    }

    /** The lesson's title. */
    public LocalizedText title() {
        return source.title();
    }

    /** One line about what the lesson shows. */
    public LocalizedText description() {
        return source.description();
    }

    /** Where the lesson file lives in the application, e.g. "/assets/lessons/three-stages.c". */
    public String resource() {
        return resource;
    }

    /** The lesson, compiled on first use; the same object every time after that. */
    public synchronized Lesson lesson() {
        if (lesson == null) {
            lesson = LessonCompiler.compile(source, id, new LessonOrigin.Resource(resource));
        }
        return lesson;
    }

    @Override
    public String toString() {
        return "BuiltInLesson[" + id + "]";
    }
}
