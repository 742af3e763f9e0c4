// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.loading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Objects;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.LessonOrigin;
import org.socketlab.lesson.source.CodeListing;
import org.socketlab.lesson.source.LessonCompiler;
import org.socketlab.lesson.source.LessonParseException;
import org.socketlab.lesson.source.LessonParser;
import org.socketlab.lesson.source.LessonSource;
import org.socketlab.lesson.source.Problem;

/**
 * A lesson being written in the editor: its text compiled as the command line would compile the
 * file (same parser, same messages, named as the file is named), into a lesson to play or into
 * the problems to mark.
 */
public final class LessonDraft {
    private LessonDraft() {
    }

    /** What compiling a draft gave. */
    public sealed interface Outcome permits Compiled, Broken {
    }

    /**
     * The draft is a lesson.
     *
     * @param lesson  the lesson to play
     * @param listing which line of the file each line of the code panel is
     */
    public record Compiled(Lesson lesson, CodeListing listing) implements Outcome {
        public Compiled {
            Objects.requireNonNull(lesson, "lesson");
            Objects.requireNonNull(listing, "listing");
        }
    }

    /**
     * The draft is not a lesson yet.
     *
     * @param problems the first problems, in file order (at least one)
     * @param message  all of them as the command line prints them ({@code file:line:column: ...})
     */
    public record Broken(List<Problem> problems, String message) implements Outcome {
        public Broken {
            problems = List.copyOf(problems);
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * Compiles the text of a lesson.
     *
     * @param sourceName how messages name the file (the path the command line would be given)
     * @param text       the lesson's text
     * @param origin     where the lesson lives, so that it can be read again
     */
    public static Outcome compile(String sourceName, String text, LessonOrigin origin) {
        try {
            LessonSource source = LessonParser.parse(sourceName, text);
            Lesson lesson = LessonCompiler.compile(source, LessonCompiler.idOf(sourceName), origin);
            return new Compiled(lesson, source.listing());
        } catch (LessonParseException e) {
            return new Broken(e.problems(), e.getMessage());
        }
    }

    /** How messages name a lesson from this origin; "lesson.c" for one with no file. */
    public static String sourceNameOf(LessonOrigin origin) {
        if (origin instanceof LessonOrigin.File file) {
            return file.path().toString();
        }
        if (origin instanceof LessonOrigin.Resource resource) {
            return resource.path().substring(resource.path().lastIndexOf('/') + 1);
        }
        return "lesson.c";
    }

    /**
     * The text of a lesson file behind a lesson, or null when there is none to edit (a trace, a
     * lesson built in code, a file that is gone).
     */
    public static String textOf(Lesson lesson) {
        LessonOrigin origin = lesson.origin();
        if (origin instanceof LessonOrigin.File file) {
            if (!LessonLoader.isLessonFile(file.path())) {
                return null;
            }
            try {
                return Files.readString(file.path(), StandardCharsets.UTF_8);
            } catch (IOException | UncheckedIOException e) {
                return null;
            }
        }
        if (origin instanceof LessonOrigin.Resource resource && resource.path().endsWith(".c")) {
            return new String(LessonFiles.readResource(resource.path()), StandardCharsets.UTF_8);
        }
        return null;
    }
}
