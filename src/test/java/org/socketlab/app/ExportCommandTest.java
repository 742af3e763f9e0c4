// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketlab.app.export.ExportedImages;
import org.testfx.api.FxToolkit;
import picocli.CommandLine;

/** {@code socket-lab export}: exit codes, what it prints, and what it leaves on disk. */
class ExportCommandTest {
    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void toolkit() throws Exception {
        // Other tests in this JVM start JavaFX through TestFX; the command must cope with that.
        FxToolkit.registerPrimaryStage();
    }

    private int export(String... args) {
        CommandLine command = new CommandLine(new ExportCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void exportsEveryStepAsPngByDefaultAndSaysWhatItWrote() throws Exception {
        int exit = export("--out", folder.toString(), "--steps", "1-2");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(ExportedImages.entries(folder)).containsExactly("01-allocate-memory.png",
                "02-init-control-block.png");
        assertThat(out.toString()).contains("01-allocate-memory.png", "02-init-control-block.png",
                "Saved 2 files in " + folder.toRealPath());
    }

    @Test
    void theLessonCanBeNamedByIdOrTitle() throws Exception {
        assertThat(export("three-stages", "--out", folder.toString(), "--steps", "0", "--gif")).isZero();
        assertThat(export("socket(): three stages", "--out", folder.toString(), "--steps", "1", "--sheet"))
                .as(err.toString()).isZero();
        assertThat(ExportedImages.entries(folder)).containsExactly("three-stages-sheet-1.png", "three-stages.gif");
    }

    @Test
    void anyLanguageWithABundleAndAnyThemeIsAccepted() throws Exception {
        assertThat(export("--out", folder.toString(), "--steps", "1", "--lang", "zh-CN", "--theme", "contrast"))
                .as(err.toString()).isZero();
        assertThat(ExportedImages.entries(folder)).containsExactly("01-allocate-memory.png");
    }

    @Test
    void existingFilesAreKeptWithoutForceAndReplacedWithIt() throws Exception {
        Path existing = Files.writeString(folder.resolve("03-issue-descriptor.png"), "keep me");

        int refused = export("--out", folder.toString(), "--steps", "2-3");

        assertThat(refused).isEqualTo(1);
        assertThat(err.toString()).contains("03-issue-descriptor.png", "--force");
        assertThat(ExportedImages.entries(folder)).containsExactly("03-issue-descriptor.png");
        assertThat(Files.readString(existing)).isEqualTo("keep me");

        assertThat(export("--out", folder.toString(), "--steps", "2-3", "--force")).isZero();
        assertThat(ExportedImages.entries(folder)).containsExactly("02-init-control-block.png",
                "03-issue-descriptor.png");
        assertThat(ExportedImages.png(existing).getWidth()).isPositive();
    }

    @Test
    void missingFoldersAreCreated() throws Exception {
        Path missing = folder.resolve("slides").resolve("week 1");

        assertThat(export("--out", missing.toString(), "--steps", "1")).as(err.toString()).isZero();

        assertThat(ExportedImages.entries(missing)).containsExactly("01-allocate-memory.png");
        assertThat(out.toString()).contains("Created the folder " + missing);
    }

    @Test
    void aCreatedFolderStillRefusesToOverwriteWithoutForce() throws Exception {
        Path missing = folder.resolve("slides");
        assertThat(export("--out", missing.toString(), "--steps", "1")).isZero();

        assertThat(export("--out", missing.toString(), "--steps", "1")).isEqualTo(1);
        assertThat(err.toString()).contains("01-allocate-memory.png", "--force");
    }

    @Test
    void aFolderUnderAFileIsAnIoErrorAndCreatesNothing() throws Exception {
        Path file = Files.writeString(folder.resolve("notes.txt"), "x");

        assertThat(export("--out", file.resolve("slides").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("is a file, not a folder", "Nothing was saved");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void aUsageErrorCreatesNoFolder() {
        Path missing = folder.resolve("a").resolve("b");

        assertThat(export("--out", missing.toString(), "--steps", "99")).isEqualTo(2);
        assertThat(Files.exists(folder.resolve("a"))).isFalse();
    }

    @Test
    void aFolderThatIsAFileIsAnIoError() throws Exception {
        Path file = Files.writeString(folder.resolve("not-a-folder"), "x");

        assertThat(export("--out", file.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("is a file, not a folder");
    }

    @Test
    void anyBuiltInLessonAndALessonFileCanBeExported() throws Exception {
        Path fromFile = Files.createDirectory(folder.resolve("file"));
        Path lessonFile = Path.of("assets/lessons/leak.c").toAbsolutePath();

        assertThat(export("wrong-arguments", "--out", folder.toString(), "--steps", "0")).as(err.toString()).isZero();
        assertThat(export(lessonFile.toString(), "--out", fromFile.toString(), "--gif")).as(err.toString()).isZero();

        assertThat(ExportedImages.entries(folder)).contains("00-start.png");
        assertThat(ExportedImages.entries(fromFile)).singleElement().asString().endsWith(".gif");
    }

    @Test
    void aLessonFileThatIsNotThereIsAUsageError() {
        assertThat(export(folder.resolve("missing.c").toString(), "--out", folder.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no such file", "Usage:");
    }

    @Test
    void anUnknownLessonIsAUsageError() {
        assertThat(export("no-such-lesson", "--out", folder.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown lesson \"no-such-lesson\"", "three-stages", "Usage:");
    }

    @Test
    void badOptionValuesAreUsageErrorsAndWriteNothing() throws Exception {
        String[][] bad = {
                {"--scale", "5"}, {"--scale", "two"}, {"--lang", "xx"}, {"--theme", "neon"}, {"--steps", "9"},
                {"--steps", "5-2"}, {"--fps", "500"}, {"--size", "big"}, {"--area", "desk"}, {"--bogus"},
        };
        for (String[] option : bad) {
            String[] args = new String[option.length + 2];
            args[0] = "--out";
            args[1] = folder.toString();
            System.arraycopy(option, 0, args, 2, option.length);
            assertThat(export(args)).as(String.join(" ", option)).isEqualTo(2);
        }
        assertThat(err.toString()).contains("--scale must be 1, 2, 3 or 4", "--lang xx is not available",
                "--theme neon is not available", "Usage:");
        assertThat(ExportedImages.entries(folder)).isEmpty();
    }

    @Test
    void noOutIsAUsageError() {
        assertThat(export()).isEqualTo(2);
        assertThat(err.toString()).contains("--out");
    }

    @Test
    void helpDocumentsTheOptionsAndExitCodes() {
        assertThat(export("--help")).isZero();
        assertThat(out.toString()).contains("--out=DIR", "--scale", "--lang", "--theme", "--steps", "--png",
                "--gif", "--sheet", "--force", "--fps", "--size", "Exit codes:", "light, dark, contrast", "en, zh");
    }
}
