// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson;

import java.util.List;
import org.socketlab.kernel.CallEffect;
import org.socketlab.kernel.Kernel;
import org.socketlab.kernel.KernelState;
import org.socketlab.kernel.MachineSetup;
import org.socketlab.kernel.Step;
import org.socketlab.kernel.Syscall;

/**
 * Builds a lesson by running calls through the kernel one after another and keeping every
 * step as a frame. Each call is tied to the code line that makes it. The frames are kept as
 * {@link Frames}: the calls and the states they start from, not every step's picture.
 */
public final class LessonScript {
    private final Frames.Builder frames;
    private KernelState state;
    /** The last step, or null when the last call was kept as its effect (then worked out on demand). */
    private Step lastStep;
    /** The last call kept as its effect: the state it started from, its process and the call. */
    private KernelState lastBefore;
    private int lastPid;
    private Syscall lastCall;

    private LessonScript(MachineSetup setup, boolean keepFrames) {
        frames = new Frames.Builder(keepFrames);
        state = KernelState.boot(setup);
        lastStep = Step.start(setup.pid(), state);
        frames.explicit(List.of(new Frame(lastStep, -1, LocalizedText.EMPTY)));
    }

    /** A script on a freshly booted machine. */
    public static LessonScript on(MachineSetup setup) {
        return new LessonScript(setup, true);
    }

    /**
     * A script that runs the calls and counts their frames without keeping them, so a long
     * replay for the command line holds only the current state; it cannot {@link #build}.
     */
    public static LessonScript counting(MachineSetup setup) {
        return new LessonScript(setup, false);
    }

    /** Runs a call made by the process on a code line; {@code say} narrates its steps. */
    public LessonScript call(int codeLine, int pid, Syscall call, LocalizedText say) {
        return call(codeLine, pid, call, say, null);
    }

    /**
     * Runs a call and marks its frames with the model-versus-kernel check of the traced call
     * it replays ({@code check} may be null).
     */
    public LessonScript call(int codeLine, int pid, Syscall call, LocalizedText say, KernelCheck check) {
        return keep(codeLine, pid, call, Kernel.execute(state, pid, call), say, check);
    }

    /**
     * Keeps the steps of a call the caller already ran with {@code Kernel.execute(state(), pid,
     * call)} (to look at its outcome first) as frames.
     *
     * Only the call is kept: its frames are worked out again from the state when they are shown.
     *
     * @throws IllegalArgumentException when there are no steps, or they are another process's
     */
    public LessonScript keep(int codeLine, int pid, Syscall call, List<Step> steps, LocalizedText say,
                             KernelCheck check) {
        if (steps.isEmpty() || steps.get(steps.size() - 1).pid() != pid) {
            throw new IllegalArgumentException("the steps are not those of " + call + " by " + pid);
        }
        frames.call(state, pid, call, steps.size(), codeLine, say, check);
        lastStep = steps.get(steps.size() - 1);
        state = lastStep.state();
        return this;
    }

    /**
     * Keeps a call the caller already ran with {@code Kernel.effect(state(), pid, call)} as frames, as
     * {@link #keep(int, int, Syscall, List, LocalizedText, KernelCheck)} keeps its steps: a replay needs
     * only how many there are and where they end.
     *
     * @throws IllegalArgumentException when the effect is another process's
     */
    public LessonScript keep(int codeLine, int pid, Syscall call, CallEffect effect, LocalizedText say,
                             KernelCheck check) {
        if (effect.pid() != pid) {
            throw new IllegalArgumentException("the effect is not that of " + call + " by " + pid);
        }
        frames.call(state, pid, call, effect.steps(), codeLine, say, check);
        lastBefore = state;
        lastPid = pid;
        lastCall = call;
        lastStep = null;
        state = effect.state();
        return this;
    }

    /**
     * Adds steps that are not a kernel call's own (a replay showing a failure only the real
     * kernel knew about) as frames, kept as they are.
     *
     * @throws IllegalArgumentException when there are no steps
     */
    public LessonScript append(int codeLine, List<Step> steps, LocalizedText say, KernelCheck check) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a call has at least one step");
        }
        frames.explicit(steps.stream().map(s -> new Frame(s, codeLine, say, check)).toList());
        lastStep = steps.get(steps.size() - 1);
        state = lastStep.state();
        return this;
    }

    /** How many frames the lesson has so far, the starting frame included. */
    public int size() {
        return frames.size();
    }

    /** The last step run so far: the starting step, or the step that finished the last call. */
    public Step lastStep() {
        if (lastStep == null) {
            List<Step> steps = Kernel.execute(lastBefore, lastPid, lastCall);
            lastStep = steps.get(steps.size() - 1);
        }
        return lastStep;
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
        return build(id, title, description, code, origin, false);
    }

    /**
     * The lesson made of every frame so far, read from {@code origin}, asking for predictions or not.
     *
     * @throws IllegalStateException on a {@link #counting} script
     */
    public Lesson build(String id, LocalizedText title, LocalizedText description, List<String> code,
                        LessonOrigin origin, boolean asksPredictions) {
        return new Lesson(id, title, description, code, frames.build(), origin, asksPredictions);
    }
}
