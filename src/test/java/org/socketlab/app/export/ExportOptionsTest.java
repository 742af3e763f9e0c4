// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketlab.app.ExportRuns;
import org.socketlab.codec.GifFrames;
import org.socketlab.ui.common.Version;

/**
 * {@code socket-lab export}'s picture options as a user sees their effect in the files: the
 * area and size of the pictures, the GIF's frame timing and loop, a strace log as the lesson;
 * and the whole command in a JVM of its own, where JavaFX starts headless the way it does for a
 * user ({@link HeadlessFx}), with nothing else on the terminal.
 */
class ExportOptionsTest {
    @TempDir
    Path folder;

    private final ExportRuns runs = new ExportRuns();

    @BeforeAll
    static void toolkit() throws Exception {
        ExportRuns.startJavaFx();
    }

    @Test
    void areaWindowIsTheWholeWindowAtTheSizeAskedAndCanvasIsPartOfIt() throws Exception {
        Path window = Files.createDirectory(folder.resolve("window"));
        Path canvas = Files.createDirectory(folder.resolve("canvas"));

        assertThat(runs.export("--out", window.toString(), "--steps", "3", "--area", "window", "--size", "1100x720"))
                .as(runs.err()).isZero();
        assertThat(runs.export("--out", canvas.toString(), "--steps", "3", "--size", "1100x720")).as(runs.err()).isZero();

        BufferedImage whole = ExportedImages.png(window.resolve("03-issue-descriptor.png"));
        BufferedImage part = ExportedImages.png(canvas.resolve("03-issue-descriptor.png"));
        assertThat(whole.getWidth()).isEqualTo(1100);
        assertThat(whole.getHeight()).isEqualTo(720);
        assertThat(part.getWidth()).isLessThan(1100);
        assertThat(part.getHeight()).isLessThan(720);
    }

    @Test
    void aGifHoldsEachStepOneAndAHalfSecondsAndLoopsForever() throws Exception {
        assertThat(runs.export("--out", folder.toString(), "--gif")).as(runs.err()).isZero();

        GifFrames.Gif gif = GifFrames.read(Files.readAllBytes(folder.resolve("three-stages.gif")));

        assertThat(gif.loopCount()).as("NETSCAPE2.0: 0 is forever").isZero();
        assertThat(gif.frames()).hasSize(7).extracting(GifFrames.Frame::delayCs)
                .containsOnly(LessonExport.HOLD_MS / 10);
    }

    @Test
    void withFpsTheStepsAnimateAtThatRateBetweenTheHeldPictures() throws Exception {
        assertThat(runs.export("--out", folder.toString(), "--gif", "--steps", "2-3", "--fps", "10"))
                .as(runs.err()).isZero();

        GifFrames.Gif gif = GifFrames.read(Files.readAllBytes(folder.resolve("three-stages.gif")));

        List<Integer> delays = gif.frames().stream().map(GifFrames.Frame::delayCs).toList();
        assertThat(delays.get(0)).as("step 2 held").isEqualTo(150);
        assertThat(delays.get(delays.size() - 1)).as("step 3 held").isEqualTo(150);
        assertThat(delays.subList(1, delays.size() - 1)).as("the animation into step 3, at 10 frames a second")
                .isNotEmpty().containsOnly(10);
        assertThat(gif.loopCount()).isZero();
    }

    @Test
    void aStraceLogIsExportedAsTheLessonItsReplayMakes() throws Exception {
        Path log = Files.writeString(folder.resolve("two.strace"), """
                socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3
                socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 4
                close(3)                                = 0
                """);
        Path pictures = Files.createDirectory(folder.resolve("pictures"));

        int exit = runs.export(log.toString(), "--out", pictures.toString(), "--steps", "0-1");

        assertThat(exit).as(runs.err()).isZero();
        assertThat(ExportedImages.entries(pictures)).hasSize(2).allMatch(name -> name.endsWith(".png"));
        assertThat(runs.out()).contains("Saved 2 files in");
    }

    @Test
    void versionPrintsTheBuildsVersion() throws Exception {
        Result r = run("--version");

        assertThat(r.exit()).isZero();
        assertThat(r.out().lines().findFirst()).hasValue("Socket Lab " + Version.current());
        assertThat(r.out()).as("where the settings would be kept")
                .contains(freshSettingsRoot().resolve(".java").resolve(".userPrefs").toString());
        assertThat(r.err()).as("on a machine where no Java program has kept settings yet").isEmpty();
        try (var created = Files.list(freshSettingsRoot())) {
            assertThat(created).as("--version creates no settings folder").isEmpty();
        }
    }

    @Test
    void inAJvmOfItsOwnExportStartsJavaFxHeadlessAndPrintsOnlyItsOwnLines() throws Exception {
        Result r = run("export", "--gif", "--png", "--steps", "1-2", "-o", folder.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(ExportedImages.entries(folder)).containsExactly("01-allocate-memory.png",
                "02-init-control-block.png", "three-stages.gif");
        assertThat(r.out()).contains("Saved 3 files in");
        assertThat(r.err()).as("no JavaFX or stylesheet warnings").isEmpty();
    }

    @AfterEach
    void removeTheSettingsRoot() throws IOException {
        if (Files.exists(freshSettingsRoot())) {
            try (var paths = Files.walk(freshSettingsRoot())) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Beside the test's folder, so that it is not among the files a test expects there. */
    private Path freshSettingsRoot() {
        return folder.resolveSibling(folder.getFileName() + ".settings");
    }

    private record Result(int exit, String out, String err) {
    }

    /**
     * The launcher in a fresh JVM with this build's class path, as {@code java -jar} would run it, on a
     * machine where no Java program has kept settings yet (an empty preferences root).
     */
    private Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.util.prefs.userRoot=" + Files.createDirectories(freshSettingsRoot()),
                "-cp", System.getProperty("java.class.path"), "org.socketlab.app.Launcher"));
        command.addAll(List.of(args));
        File stdout = folder.resolveSibling(folder.getFileName() + ".out").toFile();
        File stderr = folder.resolveSibling(folder.getFileName() + ".err").toFile();
        Process process = new ProcessBuilder(command).redirectOutput(stdout).redirectError(stderr).start();
        try {
            assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("the command ended").isTrue();
            return new Result(process.exitValue(), Files.readString(stdout.toPath(), StandardCharsets.UTF_8),
                    Files.readString(stderr.toPath(), StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(stdout.toPath());
            Files.deleteIfExists(stderr.toPath());
        }
    }
}
