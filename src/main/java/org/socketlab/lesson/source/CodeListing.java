// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lesson's code as the code panel shows it: the instructor's own lines, without the header
 * directives ({@code // title:}, {@code // limit:}, ...) and without the {@code // say:}
 * narration, which the window shows on its own. A line that held nothing but such a comment
 * goes; a {@code say:} at the end of a line of code is cut off. Other comments, blank lines,
 * {@code #include} lines and {@code main} stay as written, except that blank lines at the top
 * and bottom go and a run of blank lines becomes one.
 *
 * @param lines       the lines to show
 * @param sourceLines for each shown line, its 1-based line in the file
 */
public record CodeListing(List<String> lines, List<Integer> sourceLines) {
    public CodeListing {
        lines = List.copyOf(lines);
        sourceLines = List.copyOf(sourceLines);
        if (lines.size() != sourceLines.size()) {
            throw new IllegalArgumentException(lines.size() + " lines, " + sourceLines.size() + " source lines");
        }
    }

    /**
     * The 0-based index of the shown line that is (or, for a line that was left out, comes
     * after) a 1-based line of the file; -1 when nothing is shown from there on.
     */
    public int indexOf(int sourceLine) {
        for (int i = 0; i < sourceLines.size(); i++) {
            if (sourceLines.get(i) >= sourceLine) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Builds the listing of a file's lines, given the comments to leave out.
     *
     * @param fileLines the file's lines
     * @param removed   the {@code //} comments that are directives or narration
     */
    static CodeListing of(List<String> fileLines, List<Comment> removed) {
        Map<Integer, Integer> cutAt = new TreeMap<>();
        for (Comment c : removed) {
            cutAt.put(c.line(), c.column());
        }
        List<String> shown = new ArrayList<>();
        List<Integer> from = new ArrayList<>();
        for (int i = 0; i < fileLines.size(); i++) {
            String line = fileLines.get(i);
            Integer column = cutAt.get(i + 1);
            if (column != null) {
                line = line.substring(0, line.offsetByCodePoints(0, column - 1));
                if (line.isBlank()) {
                    continue;
                }
            }
            boolean blank = line.isBlank();
            boolean afterBlank = !shown.isEmpty() && shown.get(shown.size() - 1).isBlank();
            if (blank && (shown.isEmpty() || afterBlank)) {
                continue;
            }
            shown.add(blank ? "" : line.stripTrailing());
            from.add(i + 1);
        }
        while (!shown.isEmpty() && shown.get(shown.size() - 1).isEmpty()) {
            shown.remove(shown.size() - 1);
            from.remove(from.size() - 1);
        }
        return new CodeListing(shown, from);
    }
}
