// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Collects the problems of one file. Problems that would only echo an earlier one are muted:
 * the parser's complaints on a line the tokenizer already complained about, for example.
 */
final class Problems {
    /** Beyond this the file is hopeless; collecting more would only cost time. */
    private static final int COLLECTED = 1000;
    /** A run of non-space characters this long in a message is cut (a 1 MiB name must not fill the screen). */
    private static final Pattern LONG_WORD = Pattern.compile("([^\\s']{57})[^\\s']{4,}");

    private final String sourceName;
    private final List<String> lines;
    private final List<Problem> found = new ArrayList<>();
    private final Set<Integer> mutedLines = new HashSet<>();
    private int mutedFrom = Integer.MAX_VALUE;

    Problems(String sourceName, List<String> lines) {
        this.sourceName = sourceName;
        this.lines = lines;
    }

    /** Records a problem unless an earlier one already explains its line. */
    void add(int line, int column, String message, String hint) {
        if (!mutedLines.contains(line) && line < mutedFrom) {
            record(line, column, message, hint);
        }
    }

    /** Records a problem and mutes later ones on the same line. */
    void addAndMute(int line, int column, String message, String hint) {
        record(line, column, message, hint);
        mutedLines.add(line);
    }

    /** Mutes every later problem from this line on (after an unterminated comment). */
    void muteFrom(int line) {
        mutedFrom = Math.min(mutedFrom, line);
    }

    private void record(int line, int column, String message, String hint) {
        if (found.size() < COLLECTED) {
            found.add(new Problem(sourceName, line, column, shorten(message), shorten(hint), lineText(line)));
        }
    }

    private static String shorten(String text) {
        return LONG_WORD.matcher(text).replaceAll("$1...");
    }

    int count() {
        return found.size();
    }

    String lineText(int line) {
        return line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
    }

    /** The problems found, in file order, as one exception. */
    LessonParseException exception() {
        List<Problem> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        return new LessonParseException(sorted.subList(0, Math.min(LessonParseException.SHOWN, sorted.size())),
                sorted.size());
    }
}
