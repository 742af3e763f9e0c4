// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert;

/** Helpers shared by the lesson-source tests. */
final class Lessons {
    private Lessons() {
    }

    /** Parses lines of a lesson called "lesson.c". */
    static LessonSource parse(String... lines) throws LessonParseException {
        return LessonParser.parse("lesson.c", String.join("\n", lines) + "\n");
    }

    /** The message the lesson's parse fails with. */
    static String errorOf(String... lines) {
        try {
            parse(lines);
        } catch (LessonParseException e) {
            return e.getMessage();
        }
        throw new AssertionError("the lesson parsed: " + String.join("\n", lines));
    }

    /** A lesson file in src/test/resources/lessons. */
    static Path resource(String name) {
        try {
            return Path.of(Lessons.class.getResource("/lessons/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The calls of a lesson as "process: call(args)" with constants as numbers, for compact assertions. */
    static List<String> calls(LessonSource lesson) {
        return lesson.statements().stream().map(Lessons::describe).collect(Collectors.toList());
    }

    static String describe(Statement s) {
        String args = s.arguments().stream().map(Lessons::describe).collect(Collectors.joining(", "));
        return s.process() + ": " + s.assignTo().map(v -> v + " = ").orElse("") + s.call().cName() + "(" + args + ")";
    }

    static String describe(Argument a) {
        if (a instanceof Argument.Constant) {
            return String.valueOf(((Argument.Constant) a).value());
        }
        if (a instanceof Argument.Address) {
            return ((Argument.Address) a).endpoint().toString();
        }
        return a.text();
    }

    static void assertFails(ThrowableAssert.ThrowingCallable parse, String message) {
        assertThatThrownBy(parse).isInstanceOf(LessonParseException.class).hasMessage(message);
    }
}
