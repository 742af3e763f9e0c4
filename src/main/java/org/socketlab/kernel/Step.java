// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.List;
import java.util.Objects;

/**
 * One step of a system call: what happened, the whole kernel state after it, what changed
 * (for highlighting) and what to say about it. Immutable, so a lesson is a list of steps and
 * going back is just looking at an earlier one.
 *
 * @param pid       the process that made the call
 * @param call      the call this step belongs to, or null for a lesson's starting step
 * @param stage     what this step does
 * @param state     the kernel state after the step
 * @param changes   what the step changed
 * @param narration what to say about it
 * @param outcome   {@link Outcome#PENDING} until the call's last step, which says how it returned
 */
public record Step(int pid, Syscall call, Stage stage, KernelState state, List<Change> changes,
                   Narration narration, Outcome outcome) {
    public Step {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(state, "state");
        changes = List.copyOf(changes);
        Objects.requireNonNull(narration, "narration");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** The starting step of a lesson: nothing has happened yet. */
    public static Step start(int pid, KernelState state) {
        return new Step(pid, null, Stage.START, state, List.of(), Narration.of("start"), Outcome.PENDING);
    }

    /** True when this step failed its call. */
    public boolean failed() {
        return outcome instanceof Outcome.Failure;
    }
}
