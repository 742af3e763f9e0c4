// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app.export;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The steps of a lesson an export covers, numbered as the window counts them: step 0 is the
 * starting picture, step 1 the first thing the kernel does.
 *
 * @param first the first step, at least 0
 * @param last  the last step, at least {@code first}; {@link #TO_END} means "to the last step"
 */
public record StepRange(int first, int last) {
    /** {@code last} value meaning the lesson's last step. */
    public static final int TO_END = Integer.MAX_VALUE;
    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,6})?\\s*(-)?\\s*(\\d{1,6})?\\s*");

    public StepRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("steps must go from a first to a later or equal last step, got "
                    + first + "-" + last);
        }
    }

    /** Every step of the lesson. */
    public static StepRange all() {
        return new StepRange(0, TO_END);
    }

    /**
     * Reads {@code 3}, {@code 3-5}, {@code 3-} (to the end) or {@code -5} (from the start).
     *
     * @throws IllegalArgumentException when the text is none of these
     */
    public static StepRange parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches() || (m.group(1) == null && m.group(3) == null)
                || (m.group(2) == null && m.group(3) != null)) {
            throw new IllegalArgumentException("steps are written as 3, 3-5, 3- or -5, not \"" + text + "\"");
        }
        int first = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
        int last = m.group(2) == null ? first : m.group(3) == null ? TO_END : Integer.parseInt(m.group(3));
        if (last < first) {
            throw new IllegalArgumentException("the last step comes before the first in \"" + text.strip() + "\"");
        }
        return new StepRange(first, last);
    }

    /**
     * This range within a lesson of {@code frames} frames (steps 0 to {@code frames - 1}).
     *
     * @throws IllegalArgumentException when the range starts after the last step
     */
    public StepRange within(int frames) {
        int lastStep = frames - 1;
        if (first > lastStep || (last != TO_END && last > lastStep)) {
            throw new IllegalArgumentException("the lesson has steps 0 to " + lastStep + ", so steps "
                    + this + " do not exist");
        }
        return new StepRange(first, Math.min(last, lastStep));
    }

    /** How many steps, once {@link #within bounded}. */
    public int size() {
        return last - first + 1;
    }

    @Override
    public String toString() {
        return first == last ? Integer.toString(first) : first + "-" + (last == TO_END ? "" : Integer.toString(last));
    }
}
