// SPDX-License-Identifier: Apache-2.0
package org.socketlab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.socketlab.kernel.AddressFamily;
import org.socketlab.kernel.MachineSetup;
import org.socketlab.kernel.SocketType;
import org.socketlab.kernel.Syscall;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.LessonScript;
import org.socketlab.lesson.LocalizedText;
import org.socketlab.player.Picture;
import org.socketlab.player.Player;

/**
 * What one move costs the window before anything is drawn: the player moves (step, back,
 * reset, a jump) and the resting picture of the new frame is worked out, as the Director does
 * on every move. Lessons of 1,000 and 100,000 frames (socket() and close() over and over) in
 * the same run: no move may cost more in the long one.
 *
 * <p>Lessons keep their frames as calls and work a call's frames out again when one of them is
 * asked for (lesson.Frames, decisions/0004): a step within a call finds them kept, a step into
 * the next call recomputes it ({@link #stepIntoNextCall}, the dearest step), and a jump lands in
 * a call not kept. Sample time gives the percentiles (p99 is the goal: under a millisecond).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
public class NavigationBench {
    @Param({"1000", "100000"})
    public int frames;

    private Lesson lesson;
    private Player player;
    /** The last frame of every call but the last: one step from each lands in another call. */
    private int[] callEnds;
    private final SplittableRandom random = new SplittableRandom(7);

    /** A lesson of at least {@code frames} frames: socket() and close() taking turns. */
    static Lesson churn(int frames) {
        LessonScript script = LessonScript.on(MachineSetup.DEFAULT);
        while (script.size() < frames) {
            script.call(1, MachineSetup.DEFAULT.pid(), new Syscall.Socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM, 0),
                    LocalizedText.EMPTY);
            script.call(2, MachineSetup.DEFAULT.pid(), new Syscall.Close(3), LocalizedText.EMPTY);
        }
        return script.build("churn", LocalizedText.of("churn"), LocalizedText.EMPTY, List.of("socket", "close"));
    }

    @Setup(Level.Trial)
    public void build() {
        lesson = churn(frames);
        player = new Player(lesson);
        List<Integer> ends = new ArrayList<>();
        for (int i = 1; i + 1 < lesson.size(); i++) {
            if (lesson.frame(i).step().call() != lesson.frame(i + 1).step().call()) {
                ends.add(i);
            }
        }
        callEnds = ends.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A frame to jump to, chosen outside the measurement. */
    @State(Scope.Thread)
    public static class Target {
        int index;

        @Setup(Level.Invocation)
        public void choose(NavigationBench bench) {
            index = bench.random.nextInt(bench.player.getCount());
        }
    }

    /** The player put on the last frame of a call, that frame drawn, outside the measurement. */
    @State(Scope.Thread)
    public static class AtCallEnd {
        @Setup(Level.Invocation)
        public void place(NavigationBench bench) {
            int end = bench.callEnds[bench.random.nextInt(bench.callEnds.length)];
            bench.player.jumpTo(end);
            Picture.of(bench.lesson, end);
        }
    }

    /** The player put anywhere, that frame drawn, outside the measurement. */
    @State(Scope.Thread)
    public static class Anywhere {
        @Setup(Level.Invocation)
        public void place(NavigationBench bench) {
            int index = bench.random.nextInt(bench.player.getCount());
            bench.player.jumpTo(index);
            Picture.of(bench.lesson, index);
        }
    }

    /** One step forward through the lesson, frame after frame (from the start again at the end). */
    @Benchmark
    public Picture step() {
        if (!player.canStepForward()) {
            player.reset();
        }
        player.step();
        return Picture.of(lesson, player.getIndex());
    }

    /** One step back, frame after frame (from the end again at the start). */
    @Benchmark
    public Picture back() {
        if (!player.canStepBack()) {
            player.jumpTo(player.getCount() - 1);
        }
        player.back();
        return Picture.of(lesson, player.getIndex());
    }

    /** A step from the last frame of a call into the first of the next: that call is worked out again. */
    @Benchmark
    public Picture stepIntoNextCall(AtCallEnd start) {
        player.step();
        return Picture.of(lesson, player.getIndex());
    }

    /** Straight to a frame anywhere in the lesson (the step slider, End). */
    @Benchmark
    public Picture jumpTo(Target target) {
        player.jumpTo(target.index);
        return Picture.of(lesson, player.getIndex());
    }

    /** Back to the first frame (Home) from anywhere. */
    @Benchmark
    public Picture reset(Anywhere start) {
        player.reset();
        return Picture.of(lesson, 0);
    }
}
