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

    /** The last step run so far: the starting step, or the step that finished the last call. */
    public Step lastStep() {
        return frames.get(frames.size() - 1).step();
    }

    /** The kernel state after everything run so far. */
    public KernelState state() {
        return state;
    }

    /** The lesson made of every frame so far. */
    public Lesson build(String id, LocalizedText title, LocalizedText description, List<String> code) {
        return build(id, title, description, code, LessonOrigin.NONE);
    }

    /** The lesson made of every frame so far, read from {@code origin}. */
    public Lesson build(String id, LocalizedText title, LocalizedText description, List<String> code,
                        LessonOrigin origin) {
        return new Lesson(id, title, description, code, frames, origin);
    }
}
