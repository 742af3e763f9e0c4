// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson;

import java.util.ArrayList;
import java.util.List;
import org.socketlab.kernel.Outcome;
import org.socketlab.kernel.Step;
import org.socketlab.lesson.source.LessonParseException;
import org.socketlab.lesson.source.LessonParser;

/** Helpers for tests of compiled lessons. */
final class Compiled {
    private Compiled() {
    }

    /** Parses and compiles the lines of a lesson called "lesson.c". */
    static Lesson compile(String... lines) throws LessonParseException {
        return LessonCompiler.compile(LessonParser.parse("lesson.c", String.join("\n", lines) + "\n"));
    }

    /** The steps that end a call, in order. */
    static List<Step> returns(Lesson lesson) {
        List<Step> steps = new ArrayList<>();
        for (Frame frame : lesson.frames()) {
            if (frame.step().call() != null && frame.step().outcome().isReturned()) {
                steps.add(frame.step());
            }
        }
        return steps;
    }

    /** What each call returned, as "pid call → result": "4242 socket → 3", "4242 close → EBADF". */
    static List<String> results(Lesson lesson) {
        return returns(lesson).stream().map(s -> s.pid() + " " + s.call().name() + " → " + result(s.outcome())).toList();
    }

    static String result(Outcome outcome) {
        if (outcome instanceof Outcome.Success success) {
            return String.valueOf(success.value());
        }
        if (outcome instanceof Outcome.Failure failure) {
            return failure.errno().name();
        }
        return "waits";
    }
}
