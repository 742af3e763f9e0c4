// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketlab.kernel.Kernel;
import org.socketlab.kernel.KernelState;
import org.socketlab.kernel.MachineSetup;
import org.socketlab.kernel.Step;
import org.socketlab.kernel.Syscall;

/** A lesson keeps its calls and works its frames out again: the same frames, every time. */
class FramesTest {
    private static final MachineSetup SETUP = MachineSetup.DEFAULT;
    private static final int PID = SETUP.pid();
    private static final List<Syscall> CALLS = List.of(new Syscall.Socket(2, 1, 0), new Syscall.Socket(2, 2, 0),
            new Syscall.Close(3), new Syscall.Socket(10, 1, 0), new Syscall.Socket(12345, 1, 0));

    @Test
    void framesWorkedOutAgainAreTheFramesTheKernelMade() {
        LessonScript script = LessonScript.on(SETUP);
        List<Step> expected = new ArrayList<>();
        KernelState state = KernelState.boot(SETUP);
        expected.add(Step.start(PID, state));
        for (int i = 0; i < CALLS.size(); i++) {
            List<Step> steps = Kernel.execute(state, PID, CALLS.get(i));
            expected.addAll(steps);
            state = steps.get(steps.size() - 1).state();
            script.call(i, PID, CALLS.get(i), LocalizedText.EMPTY);
        }
        Lesson lesson = script.build("t", LocalizedText.EMPTY, LocalizedText.EMPTY, List.of());

        assertThat(lesson.size()).isEqualTo(expected.size()).isEqualTo(script.size());
        assertThat(lesson.frames()).extracting(Frame::step).containsExactlyElementsOf(expected);
        assertThat(lesson.frame(3).codeLine()).isZero();
        assertThat(lesson.frame(lesson.size() - 1).codeLine()).isEqualTo(4);
    }

    @Test
    void steppingThroughOneCallReturnsTheSameFrameObjects() {
        Lesson lesson = LessonScript.on(SETUP).call(0, PID, CALLS.get(0), LocalizedText.EMPTY)
                .build("t", LocalizedText.EMPTY, LocalizedText.EMPTY, List.of());

        Frame first = lesson.frame(1);
        Frame second = lesson.frame(2);
        Frame third = lesson.frame(3);

        // Forward, back and forward again within the call: the frames are not worked out anew.
        assertThat(lesson.frame(2)).isSameAs(second);
        assertThat(lesson.frame(1)).isSameAs(first);
        assertThat(lesson.frame(0).step().call()).isNull();
        assertThat(lesson.frame(3)).isSameAs(third);
        assertThat(lesson.frame(1).step().call()).isSameAs(lesson.frame(3).step().call());
        assertThatThrownBy(() -> lesson.frame(4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void lookingBackAtTheCallBeforeKeepsTheFramesOfThisCall() {
        Lesson lesson = LessonScript.on(SETUP).call(0, PID, CALLS.get(0), LocalizedText.EMPTY)
                .call(1, PID, CALLS.get(1), LocalizedText.EMPTY)
                .build("t", LocalizedText.EMPTY, LocalizedText.EMPTY, List.of());
        Frame second = lesson.frame(5);

        // Back to the call's first frame; its picture looks at the last frame of the call before.
        lesson.frame(4);
        lesson.frame(3);

        assertThat(lesson.frame(5)).as("step forward again").isSameAs(second);
        lesson.frame(1);
        lesson.frame(0);
        assertThat(lesson.frame(5)).as("two calls away: worked out again, equal").isEqualTo(second);
    }

    @Test
    void theCheckOfAReplayedCallRidesOnEveryFrameOfIt() {
        KernelCheck check = new KernelCheck(List.of(3), null, List.of(19), null);
        Lesson lesson = LessonScript.on(SETUP).call(0, PID, CALLS.get(0), LocalizedText.EMPTY, check)
                .build("t", LocalizedText.EMPTY, LocalizedText.EMPTY, List.of());

        assertThat(lesson.frame(0).check()).isNull();
        assertThat(lesson.frames().subList(1, 4)).allSatisfy(f -> assertThat(f.check()).isSameAs(check));
        assertThat(check.mismatch()).isTrue();
        assertThat(new Frame(lesson.frame(1).step(), 0, LocalizedText.EMPTY).check()).isNull();
    }

    @Test
    void stepsOfAnotherProcessAreRefused() {
        LessonScript script = LessonScript.on(SETUP);
        List<Step> steps = Kernel.execute(script.state(), PID, CALLS.get(0));

        assertThatThrownBy(() -> script.keep(0, PID + 1, CALLS.get(0), steps, LocalizedText.EMPTY, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
