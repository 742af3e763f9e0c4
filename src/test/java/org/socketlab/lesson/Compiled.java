// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson;

import java.util.ArrayList;
import java.util.List;
import org.socketlab.kernel.Outcome;
import org.socketlab.kernel.Step;
import org.socketlab.lesson.source.LessonCompiler;
import org.socketlab.lesson.source.LessonParseException;
import org.socketlab.lesson.source.LessonParser;

/** Helpers for tests of compiled lessons. */
public final class Compiled {
    private Compiled() {
    }

    /** Parses and compiles the lines of a lesson called "lesson.c". */
    public static Lesson compile(String... lines) throws LessonParseException {
        return LessonCompiler.compile(LessonParser.parse("lesson.c", String.join("\n", lines) + "\n"));
    }

    /** The steps that end a call, in order. */
    public static List<Step> returns(Lesson lesson) {
        List<Step> steps = new ArrayList<>();
        for (Frame frame : lesson.frames()) {
            if (frame.step().call() != null && frame.step().outcome().isReturned()) {
                steps.add(frame.step());
            }
        }
        return steps;
    }

    /** The steps of each call, call by call (the starting frame left out). */
    public static List<List<Step>> calls(Lesson lesson) {
        List<List<Step>> calls = new ArrayList<>();
        List<Step> current = new ArrayList<>();
        for (Frame frame : lesson.frames().subList(1, lesson.size())) {
            current.add(frame.step());
            if (frame.step().outcome().isReturned()) {
                calls.add(List.copyOf(current));
                current.clear();
            }
        }
        return calls;
    }

    /** What each call returned, as "pid call → result": "4242 socket → 3", "4242 close → EBADF". */
    public static List<String> results(Lesson lesson) {
        return returns(lesson).stream().map(s -> s.pid() + " " + s.call().name() + " → " + result(s.outcome())).toList();
    }

    public static String result(Outcome outcome) {
        if (outcome instanceof Outcome.Success success) {
            return String.valueOf(success.value());
        }
        if (outcome instanceof Outcome.Failure failure) {
            return failure.errno().name();
        }
        return "waits";
    }
}
