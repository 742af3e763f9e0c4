// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import java.util.Objects;

/**
 * One thing wrong with a lesson file, where it is and what to do about it. Formats like a
 * compiler's message: {@code file:line:column: message}, the line, a caret, then the hint.
 *
 * @param sourceName the file's name
 * @param line       1-based line
 * @param column     1-based column, counted in characters (code points)
 * @param message    what is wrong, e.g. "unknown call 'sockt'"
 * @param hint       what to do, e.g. "did you mean 'socket'?", or "" when there is nothing to add
 * @param lineText   the offending line, or "" when the problem is about the whole file
 */
public record Problem(String sourceName, int line, int column, String message, String hint, String lineText) {
    /** How much of a long line the formatted message shows, in characters, around the column. */
    private static final int WINDOW = 160;

    public Problem {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(lineText, "lineText");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("position " + line + ":" + column);
        }
    }

    /** The message as a compiler would print it, over two to four lines. */
    public String format() {
        StringBuilder b = new StringBuilder();
        b.append(sourceName).append(':').append(line).append(':').append(column).append(": ").append(message);
        if (!lineText.isEmpty()) {
            int[] codePoints = lineText.codePoints().toArray();
            int from = Math.max(0, Math.min(column - 1 - WINDOW / 2, codePoints.length - WINDOW));
            int to = Math.min(codePoints.length, from + WINDOW);
            String before = from > 0 ? "..." : "";
            b.append('\n').append(before).append(new String(codePoints, from, to - from))
                    .append(to < codePoints.length ? "..." : "")
                    .append('\n').append(" ".repeat(before.length())).append(caretIndent(codePoints, from)).append('^');
        }
        if (!hint.isEmpty()) {
            b.append("\nhint: ").append(hint);
        }
        return b.toString();
    }

    /** Whitespace as wide as the line from {@code from} to the column: tabs stay tabs, wide characters wide. */
    private String caretIndent(int[] codePoints, int from) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < column - 1; i++) {
            int c = i < codePoints.length ? codePoints[i] : ' ';
            b.append(c == '\t' ? "\t" : isWide(c) ? "\u3000" : " ");
        }
        return b.toString();
    }

    private static boolean isWide(int c) {
        return c >= 0x1100 && c <= 0x115F || c >= 0x2E80 && c <= 0x303E || c >= 0x3041 && c <= 0x33FF
                || c >= 0x3400 && c <= 0x4DBF || c >= 0x4E00 && c <= 0x9FFF || c >= 0xA000 && c <= 0xA4CF
                || c >= 0xAC00 && c <= 0xD7A3 || c >= 0xF900 && c <= 0xFAFF || c >= 0xFE30 && c <= 0xFE4F
                || c >= 0xFF00 && c <= 0xFF60 || c >= 0xFFE0 && c <= 0xFFE6 || c >= 0x1F300 && c <= 0x1F64F
                || c >= 0x1F900 && c <= 0x1F9FF || c >= 0x20000 && c <= 0x3FFFD;
    }

    @Override
    public String toString() {
        return format();
    }
}
