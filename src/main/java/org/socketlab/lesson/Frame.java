// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson;

import java.util.Objects;
import org.socketlab.kernel.Step;

/**
 * One picture of a lesson: a kernel step, the line of the lesson's code that caused it, and
 * the lesson's own words about it, if it has any.
 *
 * @param step     the kernel step
 * @param codeLine the 0-based line of {@link Lesson#code()} being executed, or -1
 * @param say      the lesson's narration for this step, or {@link LocalizedText#EMPTY}
 */
public record Frame(Step step, int codeLine, LocalizedText say) {
    public Frame {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(say, "say");
    }
}
