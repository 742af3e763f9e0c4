// SPDX-License-Identifier: Apache-2.0
package org.socketlab.player;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.socketlab.kernel.KernelState;
import org.socketlab.kernel.RandomPrograms;
import org.socketlab.kernel.RandomPrograms.Call;
import org.socketlab.kernel.Step;
import org.socketlab.lesson.Frame;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.LessonScript;
import org.socketlab.lesson.LocalizedText;

/**
 * A lesson made of a random program ({@link RandomPrograms}), driven by random step, back,
 * jumpTo, reset and end: wherever the player lands it shows exactly the frame — and the picture —
 * that stepping there from the start showed (the picture is worked out after every move, as the
 * window's director does); back then step gives the very frame object again
 * within a call (frames are kept as calls and the call last asked for is remembered) and an
 * equal one across calls; and the frames, worked out again on every visit, still show that a
 * failed call left no trace.
 */
class PlayerNavigationProperties {

    /** One move of the player; {@code at} picks the jump target. */
    record Move(String kind, int at) {
    }

    @Provide
    Arbitrary<List<Call>> programs() {
        return RandomPrograms.programs(20);
    }

    @Provide
    Arbitrary<List<Move>> moves() {
        Arbitrary<Integer> at = Arbitraries.integers().between(0, 10_000);
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just("step")),
                Tuple.of(4, Arbitraries.just("back")),
                Tuple.of(2, Arbitraries.just("jumpTo")),
                Tuple.of(1, Arbitraries.just("reset")),
                Tuple.of(1, Arbitraries.just("end")))
                .flatMap(kind -> at.map(i -> new Move(kind, i)))
                .list().ofMaxSize(40);
    }

    @Property(tries = 5000)
    void everyWayToAFrameShowsTheSameFrame(@ForAll("programs") List<Call> program, @ForAll("moves") List<Move> moves) {
        Lesson lesson = lessonOf(program);
        List<Frame> stepped = new ArrayList<>();
        List<Picture> pictures = new ArrayList<>();
        Player walk = new Player(lesson);
        while (true) {
            stepped.add(walk.getCurrent());
            pictures.add(Picture.of(lesson, walk.getIndex()));
            if (!walk.canStepForward()) {
                break;
            }
            walk.step();
        }
        assertThat(stepped).hasSize(lesson.size());
        assertFailuresLeaveNoTrace(stepped);

        Player player = new Player(lesson);
        Frame beforeBack = null;
        for (Move move : moves) {
            int from = player.getIndex();
            Frame shown = player.getCurrent();
            switch (move.kind()) {
                case "step" -> player.step();
                case "back" -> player.back();
                case "jumpTo" -> player.jumpTo(move.at() % lesson.size());
                case "reset" -> player.reset();
                default -> player.jumpTo(lesson.size() - 1);
            }
            int index = player.getIndex();
            Frame now = player.getCurrent();
            assertThat(now).as("%s to %d", move, index).isEqualTo(stepped.get(index));
            assertThat(player.canStepBack()).isEqualTo(index > 0);
            assertThat(player.canStepForward()).isEqualTo(index < lesson.size() - 1);
            // What the window draws, worked out as the director does after every move.
            assertThat(Picture.of(lesson, index)).as("the picture of frame %d", index).isEqualTo(pictures.get(index));
            if (index == 0) {
                assertThat(now).as("the starting frame is kept as it is").isSameAs(stepped.get(0));
            }
            if (move.kind().equals("step") && beforeBack != null && index == from + 1) {
                assertThat(now).as("back then step at %d", index).isEqualTo(beforeBack);
                if (sameCall(stepped, from, index)) {
                    assertThat(now).as("back then step within one call at %d", index).isSameAs(beforeBack);
                }
            }
            beforeBack = move.kind().equals("back") && index == from - 1 ? shown : null;
        }
    }

    /** A lesson of the program's calls; calls of a process that does not exist (any more) are left out. */
    static Lesson lessonOf(List<Call> program) {
        LessonScript script = LessonScript.on(RandomPrograms.SETUP);
        int line = 0;
        for (Call call : program) {
            if (script.state().hasProcess(call.pid())) {
                script.call(line++, call.pid(), call.syscall(), LocalizedText.EMPTY);
            }
        }
        return script.build("random", LocalizedText.EMPTY, LocalizedText.EMPTY, List.of());
    }

    /** True when frames {@code a} and {@code b} (a + 1) are steps of one call. */
    private static boolean sameCall(List<Frame> frames, int a, int b) {
        Step earlier = frames.get(a).step();
        return b == a + 1 && earlier.call() != null && !earlier.outcome().isReturned();
    }

    /** Every failed call whose failure must leave no trace ends in the state it started from. */
    private static void assertFailuresLeaveNoTrace(List<Frame> frames) {
        KernelState before = frames.get(0).step().state();
        for (int i = 1; i < frames.size(); i++) {
            Step step = frames.get(i).step();
            if (step.outcome().isReturned()) {
                if (step.failed() && RandomPrograms.tracelessOnFailure(step.call())) {
                    assertThat(step.state()).as("frame %d: a failed %s leaves no trace", i, step.call())
                            .isEqualTo(before);
                }
                before = step.state();
            }
        }
    }
}
