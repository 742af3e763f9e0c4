// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import org.socketlab.lesson.LocalizedText;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One call made by one process, in the order the lesson runs them. A line that more than one
 * process runs (after a fork(), outside an {@code if}) appears once per process, parent first.
 *
 * @param line       1-based line where the statement starts
 * @param column     1-based column (in characters) where the statement starts
 * @param process    the name of the process that makes the call (see {@link LessonSource#processes()})
 * @param assignTo   the variable that receives the call's result, if any
 * @param call       which call
 * @param arguments  the arguments in the canonical order of {@link Call#parameters()}
 * @param text       the call as written, e.g. "socket(AF_INET, SOCK_STREAM, 0)" or "return 0"
 * @param narration  what the lesson says about this call, if anything
 * @param child      for fork(): the name of the process it creates; for pthread_create(): the name of
 *                   the thread, whose statements follow this one; empty otherwise
 */
public record Statement(int line, int column, String process, Optional<String> assignTo, Call call,
                        List<Argument> arguments, String text, Optional<LocalizedText> narration,
                        Optional<String> child) {
    public Statement {
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(assignTo, "assignTo");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(narration, "narration");
        Objects.requireNonNull(child, "child");
        arguments = List.copyOf(arguments);
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("position " + line + ":" + column);
        }
        if (arguments.size() != call.parameters().size()) {
            throw new IllegalArgumentException(call.cName() + " needs " + call.parameters() + ": " + arguments);
        }
        if (child.isPresent() != (call == Call.FORK || call == Call.PTHREAD_CREATE)) {
            throw new IllegalArgumentException("only fork() and pthread_create() create a child");
        }
    }

    /** The same statement made by another process or thread (a thread function's line, for each thread). */
    Statement by(String otherProcess) {
        return new Statement(line, column, otherProcess, assignTo, call, arguments, text, narration, child);
    }

    /** The argument for a parameter of {@link Call#parameters()}, e.g. {@code argument("fd")}. */
    public Argument argument(String parameter) {
        int index = call.parameters().indexOf(parameter);
        if (index < 0) {
            throw new IllegalArgumentException(call.cName() + "() has no parameter " + parameter);
        }
        return arguments.get(index);
    }
}
