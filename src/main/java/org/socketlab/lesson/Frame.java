// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson;

import java.util.Objects;
import org.socketlab.kernel.Step;

/**
 * One picture of a lesson: a kernel step, the line of the lesson's code that caused it, the
 * lesson's own words about it, if it has any, and, for a replayed trace, how the model's
 * prediction for the call compares with what the kernel did.
 *
 * @param step     the kernel step
 * @param codeLine the 0-based line of {@link Lesson#code()} being executed, or -1
 * @param say      the lesson's narration for this step, or {@link LocalizedText#EMPTY}
 * @param check    the model-versus-kernel check of the traced call this step belongs to, or
 *                 null (a lesson's own frames, and steps a replay inferred rather than predicted)
 */
public record Frame(Step step, int codeLine, LocalizedText say, KernelCheck check) {
    public Frame {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(say, "say");
    }

    /** A frame of a lesson's own: nothing to check against a kernel. */
    public Frame(Step step, int codeLine, LocalizedText say) {
        this(step, codeLine, say, null);
    }
}
