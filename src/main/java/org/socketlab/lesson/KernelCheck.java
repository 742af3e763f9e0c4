// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson;

import java.util.List;
import java.util.Objects;

/**
 * The model's prediction for a call of a real trace, beside what the kernel actually did: the
 * descriptors each side says the call created, and the errno each side says it failed with.
 * Frames replayed from a trace carry it; a lesson's own frames do not.
 *
 * @param predicted      the descriptors the model predicted, or null when it cannot know
 *                       (an address family it does not implement, a value strace could not decode,
 *                       a failure that depends on the whole system)
 * @param predictedErrno the errno the model predicted ("EMFILE"), or null for success
 * @param actual         the descriptors the kernel handed out
 * @param actualErrno    the errno the kernel returned, or null for success
 */
public record KernelCheck(List<Integer> predicted, String predictedErrno, List<Integer> actual,
                          String actualErrno) {
    public KernelCheck {
        predicted = predicted == null ? null : List.copyOf(predicted);
        actual = List.copyOf(actual);
    }

    /** True when the model made a prediction. */
    public boolean known() {
        return predicted != null;
    }

    /** True when the model predicted something and the kernel did something else. */
    public boolean mismatch() {
        return predicted != null
                && (!predicted.equals(actual) || !Objects.equals(predictedErrno, actualErrno));
    }
}
