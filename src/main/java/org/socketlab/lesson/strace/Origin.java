// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

/**
 * Maps a position in the text being parsed back to a line and column of the log. The text
 * is one line, or two pieces glued together (an unfinished call and its resumed rest, or a
 * line strace split with a "Process N attached" message): positions before {@code split}
 * come from the first piece, the others from the second.
 */
final class Origin {
    private final int line1;
    private final int offset1;
    private final int split;
    private final int line2;
    private final int offset2;

    private Origin(int line1, int offset1, int split, int line2, int offset2) {
        this.line1 = line1;
        this.offset1 = offset1;
        this.split = split;
        this.line2 = line2;
        this.offset2 = offset2;
    }

    /** Positions are columns of one line (0-based). */
    static Origin line(int line) {
        return new Origin(line, 0, Integer.MAX_VALUE, line, 0);
    }

    /**
     * Text made of {@code line1} from column {@code offset1} (0-based) for {@code split}
     * chars, then {@code line2} from column {@code offset2}.
     */
    static Origin joined(int line1, int offset1, int split, int line2, int offset2) {
        return new Origin(line1, offset1, split, line2, offset2);
    }

    TraceWarning warning(int pos, String message) {
        int p = Math.max(0, pos);
        if (p < split) {
            return new TraceWarning(line1, offset1 + p + 1, message);
        }
        return new TraceWarning(line2, offset2 + (p - split) + 1, message);
    }
}
