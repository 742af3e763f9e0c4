// SPDX-License-Identifier: Apache-2.0
package org.socketlab.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Platform;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.socketlab.app.export.ExportFormat;
import org.socketlab.app.export.ExportListener;
import org.socketlab.app.export.HeadlessFx;
import org.socketlab.app.export.LessonExport;
import org.socketlab.app.export.LessonExportOptions;
import org.socketlab.app.export.StepRange;
import org.socketlab.codec.ArgbImage;
import org.socketlab.saving.AtomicFileWriter;
import org.socketlab.codec.PngEncoder;
import org.socketlab.lesson.loading.BuiltInLessons;
import org.socketlab.ui.OffscreenWindow;
import org.socketlab.ui.export.PictureArea;
import org.socketlab.ui.theme.Themes;

/**
 * What exporting costs, headless (Monocle, software rendering) as the command line runs:
 * the bare snapshot of the lesson canvas against a full PNG export (snapshot, encode, write
 * a file) at 1× and 2×, and the GIF of the three-stage lesson, one frame per step and sampled
 * at 10 fps. Goals (docs/BENCHMARKS.md): a PNG at 2× costs at most about twice the bare
 * snapshot; the GIF of the lesson takes under 3 s. Single pictures are measured in sample
 * mode, so the median stays readable on a busy shared machine.
 */
@Fork(value = 1, jvmArgsAppend = {"-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
        "-Dprism.text=native", "-Djava.awt.headless=true", "-Xmx2g"})
public class ExportBenchmark {

    /** One toolkit and one off-screen window at step 3 for the whole run. */
    @State(Scope.Benchmark)
    public static class Canvas {
        @Param({"1", "2"})
        public int scale;

        OffscreenWindow window;
        ArgbImage picture;
        Path folder;
        PngEncoder encoder;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            HeadlessFx.ensureStarted();
            window = onFx(() -> OffscreenWindow.open(BuiltInLessons.threeStages(), Locale.ENGLISH, Themes.LIGHT,
                    1280, 800));
            picture = onFx(() -> {
                window.show(3);
                return window.snapshot(PictureArea.CANVAS, scale);
            });
            encoder = LessonExport.pngEncoder(scale);
            folder = Files.createTempDirectory("socket-lab-bench");
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            onFx(() -> {
                window.close();
                return null;
            });
            deleteTree(folder);
            HeadlessFx.stopIfStartedHere();
        }
    }

    /** A folder for the GIF benchmarks. */
    @State(Scope.Benchmark)
    public static class Lesson {
        Path folder;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            HeadlessFx.ensureStarted();
            folder = Files.createTempDirectory("socket-lab-bench-gif");
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            deleteTree(folder);
            HeadlessFx.stopIfStartedHere();
        }

        LessonExportOptions gif(int fps) {
            return new LessonExportOptions(BuiltInLessons.threeStages(), EnumSet.of(ExportFormat.GIF), StepRange.all(),
                    1, PictureArea.CANVAS, Themes.LIGHT, Locale.ENGLISH, 1280, 800, fps, true);
        }
    }

    /** The bare snapshot of the lesson canvas, read back as pixels. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public ArgbImage snapshotOnly(Canvas canvas) {
        return onFx(() -> canvas.window.snapshot(PictureArea.CANVAS, canvas.scale));
    }

    /** A full PNG export: snapshot, encode, and write the file atomically (fsync included). */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public Path pngExport(Canvas canvas) throws Exception {
        ArgbImage image = onFx(() -> canvas.window.snapshot(PictureArea.CANVAS, canvas.scale));
        Path file = canvas.folder.resolve("03-issue-descriptor.png");
        AtomicFileWriter.write(file, true, out -> canvas.encoder.encode(image, out));
        return file;
    }

    /** Encoding alone (to nowhere), to see where a PNG export's time goes. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public void pngEncodeOnly(Canvas canvas) throws IOException {
        canvas.encoder.encode(canvas.picture, OutputStream.nullOutputStream());
    }

    /** The GIF of the three-stage lesson, one frame per step, as `export --gif` makes it. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    public Object gifOneFramePerStep(Lesson lesson) throws Exception {
        return LessonExport.run(lesson.gif(0), lesson.folder, ExportListener.NONE, () -> false);
    }

    /** The GIF of the three-stage lesson with its animations sampled at 10 fps. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public Object gifSampledAt10Fps(Lesson lesson) throws Exception {
        return LessonExport.run(lesson.gif(10), lesson.folder, ExportListener.NONE, () -> false);
    }

    static <T> T onFx(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.join();
    }

    static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
