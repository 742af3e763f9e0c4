// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a lesson file cannot be read as a lesson. Carries the first problems found (up
 * to {@link #SHOWN}, in file order); its message is their formatted text, ready to show.
 */
public final class LessonParseException extends Exception {
    private static final long serialVersionUID = 1L;

    /** How many problems one exception reports at most. */
    public static final int SHOWN = 10;

    private final transient List<Problem> problems;
    private final int total;

    /**
     * @param problems the problems to report (at least one, at most {@link #SHOWN})
     * @param total    how many were found in all, which may be more
     */
    public LessonParseException(List<Problem> problems, int total) {
        super(format(problems, total));
        if (problems.isEmpty() || problems.size() > SHOWN || total < problems.size()) {
            throw new IllegalArgumentException(problems.size() + " of " + total + " problems");
        }
        this.problems = List.copyOf(problems);
        this.total = total;
    }

    /** An exception for a single problem. */
    public LessonParseException(Problem problem) {
        this(List.of(problem), 1);
    }

    private static String format(List<Problem> problems, int total) {
        String text = problems.stream().map(Problem::format).collect(Collectors.joining("\n"));
        int more = total - problems.size();
        return more > 0 ? text + "\n(" + more + " more problem" + (more == 1 ? "" : "s") + " not shown)" : text;
    }

    /** The problems, in file order. */
    public List<Problem> problems() {
        return problems;
    }

    /** How many problems were found, including those not in {@link #problems()}. */
    public int total() {
        return total;
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
