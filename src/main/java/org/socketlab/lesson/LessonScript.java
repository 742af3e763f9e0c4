// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson;

import java.util.ArrayList;
import java.util.List;
import org.socketlab.kernel.Kernel;
import org.socketlab.kernel.KernelState;
import org.socketlab.kernel.MachineSetup;
import org.socketlab.kernel.Step;
import org.socketlab.kernel.Syscall;

/**
 * Builds a lesson by running calls through the kernel one after another and keeping every
 * step as a frame. Each call is tied to the code line that makes it.
 */
public final class LessonScript {
    private final List<Frame> frames = new ArrayList<>();
    private KernelState state;

    private LessonScript(MachineSetup setup) {
        state = KernelState.boot(setup);
        frames.add(new Frame(Step.start(setup.pid(), state), -1, LocalizedText.EMPTY));
    }

    /** A script on a freshly booted machine. */
    public static LessonScript on(MachineSetup setup) {
        return new LessonScript(setup);
    }

    /** Runs a call made by the process on a code line; {@code say} narrates its steps. */
    public LessonScript call(int codeLine, int pid, Syscall call, LocalizedText say) {
        for (Step step : Kernel.execute(state, pid, call)) {
            frames.add(new Frame(step, codeLine, say));
            state = step.state();
        }
        return this;
    }

    /**
     * Runs a call and marks its frames with the model-versus-kernel check of the traced call
     * it replays ({@code check} may be null).
     */
    public LessonScript call(int codeLine, int pid, Syscall call, LocalizedText say, KernelCheck check) {
        return append(codeLine, Kernel.execute(state, pid, call), say, check);
    }

    /**
     * Adds steps the caller already computed with {@link Kernel#execute} on {@link #state()}
     * (to look at a call's outcome before keeping it) as frames.
     *
     * @throws IllegalArgumentException when there are no steps
     */
    public LessonScript append(int codeLine, List<Step> steps, LocalizedText say, KernelCheck check) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a call has at least one step");
        }
        for (Step step : steps) {
            frames.add(new Frame(step, codeLine, say, check));
        }
        state = steps.get(steps.size() - 1).state();
        return this;
    }

    /** How many frames the lesson has so far, the starting frame included. */
    public int size() {
        return frames.size();
    }

    /** The kernel state after everything run so far. */
    public KernelState state() {
        return state;
    }

    /** The lesson made of every frame so far. */
    public Lesson build(String id, LocalizedText title, LocalizedText description, List<String> code) {
        return new Lesson(id, title, description, code, frames);
    }
}
