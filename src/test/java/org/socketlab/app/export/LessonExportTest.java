// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.loading.BuiltInLessons;
import org.socketlab.saving.ExportException;
import org.socketlab.saving.TargetExistsException;
import org.socketlab.ui.OffscreenWindow;
import org.socketlab.ui.export.PictureArea;
import org.socketlab.ui.theme.Themes;
import org.testfx.api.FxToolkit;

/** Exports the built-in lesson headless in every format and reads the files back. */
class LessonExportTest {
    private static final Lesson LESSON = BuiltInLessons.threeStages();
    /** The ticket colour, -sl-issue in the stylesheet. */
    private static final int TICKET_GREEN = 0x117a53;
    private static final int BACKGROUND = 0xf3f5fa;

    @TempDir
    Path folder;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static LessonExportOptions options(Set<ExportFormat> formats, StepRange steps, double scale,
                                               PictureArea area, int fps) {
        return new LessonExportOptions(LESSON, formats, steps, scale, area, Themes.LIGHT, Locale.ENGLISH,
                1280, 800, fps, false);
    }

    /** Where {@code selector} is drawn in the canvas at step {@code step}, measured in an off-screen window. */
    private static Bounds where(String selector, int step) {
        return FxCalls.call(() -> {
            try (OffscreenWindow window = OffscreenWindow.open(LESSON, Locale.ENGLISH, Themes.LIGHT, 1280, 800)) {
                window.show(step);
                Node canvas = window.node(PictureArea.CANVAS);
                Node node = selector.isEmpty() ? canvas : canvas.lookup(selector);
                return ExportedImages.boundsIn(node, canvas);
            }
        });
    }

    @Test
    void onePngPerStepNamedAfterItsStageAtExactlyTheCanvasSize() throws Exception {
        List<Path> saved = LessonExport.run(options(EnumSet.of(ExportFormat.PNG), StepRange.all(), 1,
                PictureArea.CANVAS, 0), folder, ExportListener.NONE, () -> false);

        assertThat(ExportedImages.entries(folder)).containsExactly("00-start.png", "01-allocate-memory.png",
                "02-init-control-block.png", "03-issue-descriptor.png", "04-allocate-memory.png",
                "05-init-control-block.png", "06-issue-descriptor.png");
        assertThat(saved).hasSize(7);
        Bounds canvas = where("", 0);
        for (Path file : saved) {
            BufferedImage image = ExportedImages.png(file);
            assertThat(image.getWidth()).as(file.toString()).isEqualTo((int) Math.ceil(canvas.getWidth()));
            assertThat(image.getHeight()).as(file.toString()).isEqualTo((int) Math.ceil(canvas.getHeight()));
        }
    }

    @Test
    void stepThreeAtTwiceTheScaleShowsTheGreenTicketTheBackgroundAndSharpText() throws Exception {
        LessonExport.run(options(EnumSet.of(ExportFormat.PNG), StepRange.parse("3"), 2, PictureArea.CANVAS, 0),
                folder, ExportListener.NONE, () -> false);

        BufferedImage image = ExportedImages.png(folder.resolve("03-issue-descriptor.png"));
        Bounds canvas = where("", 3);
        assertThat(image.getWidth()).isEqualTo((int) Math.ceil(canvas.getWidth() * 2));
        assertThat(image.getHeight()).isEqualTo((int) Math.ceil(canvas.getHeight() * 2));
        Bounds ticket = where(".ticket", 3);
        assertThat(image.getRGB((int) ((ticket.getMinX() + 3) * 2), (int) (ticket.getCenterY() * 2)) & 0xffffff)
                .as("the ticket's left edge").isEqualTo(TICKET_GREEN);
        Bounds card = where(".application-card", 3);
        assertThat(image.getRGB((int) ((card.getMaxX() + 5) * 2), (int) (card.getCenterY() * 2)) & 0xffffff)
                .as("the background between two cards").isEqualTo(BACKGROUND);
        Bounds narration = where(".narration-text", 3);
        assertThat(ExportedImages.darkPixels(image, narration, 2)).as("dark text pixels in the narration")
                .isGreaterThan(2000);
    }

    @Test
    void theThemeAndLanguageComeFromTheOptionsNotFromTheWindow() throws Exception {
        LessonExportOptions dark = new LessonExportOptions(LESSON, EnumSet.of(ExportFormat.PNG), StepRange.parse("3"),
                1, PictureArea.CANVAS, Themes.DARK, Locale.CHINESE, 1280, 800, 0, false);

        LessonExport.run(dark, folder, ExportListener.NONE, () -> false);

        BufferedImage image = ExportedImages.png(folder.resolve("03-issue-descriptor.png"));
        Bounds card = where(".application-card", 3);
        assertThat(image.getRGB((int) card.getMaxX() + 5, (int) card.getCenterY()) & 0xffffff)
                .as("the dark theme's background").isEqualTo(0x14171e);
        String chip = FxCalls.call(() -> {
            try (OffscreenWindow window = OffscreenWindow.open(LESSON, Locale.CHINESE, Themes.DARK, 1280, 800)) {
                return window.chip(3);
            }
        });
        assertThat(chip).startsWith("阶段 3");
    }

    @Test
    void theWholeWindowIsTheWindowSizeTimesTheScale() throws Exception {
        LessonExport.run(options(EnumSet.of(ExportFormat.PNG), StepRange.parse("6"), 2, PictureArea.WINDOW, 0),
                folder, ExportListener.NONE, () -> false);

        BufferedImage image = ExportedImages.png(folder.resolve("06-issue-descriptor.png"));
        assertThat(image.getWidth()).isEqualTo(2560);
        assertThat(image.getHeight()).isEqualTo(1600);
    }

    @Test
    void aGifHasOneFramePerStepOrMoreWhenTheAnimationIsSampled() throws Exception {
        Path perStep = Files.createDirectory(folder.resolve("per-step"));
        Path sampled = Files.createDirectory(folder.resolve("sampled"));

        LessonExport.run(options(EnumSet.of(ExportFormat.GIF), StepRange.all(), 1, PictureArea.CANVAS, 0),
                perStep, ExportListener.NONE, () -> false);
        LessonExport.run(options(EnumSet.of(ExportFormat.GIF), StepRange.all(), 1, PictureArea.CANVAS, 10),
                sampled, ExportListener.NONE, () -> false);

        Bounds canvas = where("", 0);
        ExportedImages.Gif steps = ExportedImages.gif(perStep.resolve("three-stages.gif"));
        assertThat(steps.frames()).hasSize(LESSON.size());
        assertThat(steps.width()).isEqualTo((int) Math.ceil(canvas.getWidth()));
        assertThat(steps.height()).isEqualTo((int) Math.ceil(canvas.getHeight()));
        ExportedImages.Gif animation = ExportedImages.gif(sampled.resolve("three-stages.gif"));
        // Six animations of 0.85 to 2.4 s at 10 fps: far more frames than steps.
        assertThat(animation.frames().size()).isGreaterThan(LESSON.size() * 4);
        assertThat(animation.width()).isEqualTo(steps.width());
    }

    @Test
    void theContactSheetIsAnA4PageWithEveryNarration() throws Exception {
        LessonExport.run(options(EnumSet.of(ExportFormat.SHEET), StepRange.all(), 1, PictureArea.CANVAS, 0),
                folder, ExportListener.NONE, () -> false);

        BufferedImage sheet = ExportedImages.png(folder.resolve("three-stages-sheet-1.png"));
        assertThat(sheet.getWidth()).isEqualTo(1240);
        assertThat((double) sheet.getHeight() / sheet.getWidth()).isCloseTo(297.0 / 210, org.assertj.core.data.Offset.offset(0.01));
        // Below the first row of pictures: the step label and narration of step 0 in dark text.
        assertThat(ExportedImages.darkPixels(sheet, new BoundingBox(48, 150, 1140, 400), 1))
                .isGreaterThan(3000);
    }

    @Test
    void aLongLessonsContactSheetIsCutIntoNumberedA4PagesAndNeverOverwrittenUnasked() throws Exception {
        Lesson afterSocket = BuiltInLessons.find("after-socket").orElseThrow().lesson();
        LessonExportOptions sheet = new LessonExportOptions(afterSocket, EnumSet.of(ExportFormat.SHEET),
                StepRange.all(), 1, PictureArea.CANVAS, Themes.LIGHT, Locale.ENGLISH, 1280, 800, 0, false);
        AtomicInteger lastDone = new AtomicInteger();
        AtomicInteger lastTotal = new AtomicInteger();

        List<Path> saved = LessonExport.run(sheet, folder, new ExportListener() {
            @Override
            public void progress(int done, int total) {
                lastDone.set(done);
                lastTotal.set(total);
            }
        }, () -> false);

        assertThat(saved.size()).as("more than one page").isGreaterThan(1);
        for (int page = 1; page <= saved.size(); page++) {
            Path file = folder.resolve("after-socket-sheet-" + page + ".png");
            assertThat(saved).contains(file);
            BufferedImage image = ExportedImages.png(file);
            assertThat(image.getWidth()).as(file + " is A4 at 150 dpi").isEqualTo(1240);
            assertThat(image.getHeight()).as(file + " is A4 at 150 dpi").isEqualTo(1754);
        }
        assertThat(lastDone.get()).isEqualTo(lastTotal.get()).isPositive();

        // Another export of the sheet finds every page there, and writes nothing unless asked.
        assertThat(LessonExport.existingFiles(sheet, folder)).containsExactlyInAnyOrderElementsOf(saved);
        long before = Files.getLastModifiedTime(saved.get(0)).toMillis();
        assertThatThrownBy(() -> LessonExport.run(sheet, folder, ExportListener.NONE, () -> false))
                .isInstanceOf(TargetExistsException.class);
        assertThat(ExportedImages.entries(folder)).hasSize(saved.size());
        assertThat(Files.getLastModifiedTime(saved.get(0)).toMillis()).isEqualTo(before);

        // With consent it replaces them, and a page left from a longer sheet goes too.
        Path stale = Files.writeString(folder.resolve("after-socket-sheet-" + (saved.size() + 1) + ".png"), "old");
        LessonExportOptions forced = new LessonExportOptions(afterSocket, EnumSet.of(ExportFormat.SHEET),
                StepRange.all(), 1, PictureArea.CANVAS, Themes.LIGHT, Locale.ENGLISH, 1280, 800, 0, true);
        assertThat(LessonExport.run(forced, folder, ExportListener.NONE, () -> false)).isEqualTo(saved);
        assertThat(stale).doesNotExist();
        assertThat(ExportedImages.entries(folder)).hasSize(saved.size());
    }

    @Test
    void allFormatsTogetherAppearTogether() throws Exception {
        AtomicInteger lastDone = new AtomicInteger();
        AtomicInteger lastTotal = new AtomicInteger();
        List<Path> saved = LessonExport.run(options(EnumSet.allOf(ExportFormat.class), StepRange.parse("1-3"), 1,
                PictureArea.CANVAS, 0), folder, new ExportListener() {
                    @Override
                    public void progress(int done, int total) {
                        lastDone.set(done);
                        lastTotal.set(total);
                    }
                }, () -> false);

        assertThat(ExportedImages.entries(folder)).containsExactly("01-allocate-memory.png",
                "02-init-control-block.png", "03-issue-descriptor.png", "three-stages-handout.pdf", "three-stages-sheet-1.png",
                "three-stages.gif");
        assertThat(saved).hasSize(6);
        assertThat(lastDone.get()).isEqualTo(lastTotal.get()).isPositive();
    }

    @Test
    void aMissingFolderIsAClearErrorAndNothingIsCreated() {
        Path missing = folder.resolve("no-such-folder");

        assertThatThrownBy(() -> LessonExport.run(options(EnumSet.of(ExportFormat.PNG), StepRange.all(), 1,
                PictureArea.CANVAS, 0), missing, ExportListener.NONE, () -> false))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("does not exist");
        assertThat(Files.exists(missing)).isFalse();
    }

    @Test
    void anExistingFileIsNotReplacedWithoutPermissionAndNothingElseAppears() throws Exception {
        Path existing = Files.writeString(folder.resolve("02-init-control-block.png"), "keep me");

        assertThatThrownBy(() -> LessonExport.run(options(EnumSet.of(ExportFormat.PNG), StepRange.all(), 1,
                PictureArea.CANVAS, 0), folder, ExportListener.NONE, () -> false))
                .isInstanceOf(TargetExistsException.class);

        assertThat(ExportedImages.entries(folder)).containsExactly("02-init-control-block.png");
        assertThat(Files.readString(existing)).isEqualTo("keep me");
    }

    @Test
    void aFailureInTheMiddleOfWritingAFileLeavesNothingBehind() throws IOException {
        ExportListener failing = new ExportListener() {
            @Override
            public void progress(int done, int total) {
                if (done == 4) { // called from inside the body writing the fourth PNG
                    throw new IllegalStateException("encoder crashed");
                }
            }
        };

        assertThatThrownBy(() -> LessonExport.run(options(EnumSet.of(ExportFormat.PNG, ExportFormat.GIF),
                StepRange.all(), 1, PictureArea.CANVAS, 0), folder, failing, () -> false))
                .hasMessage("encoder crashed");

        assertThat(ExportedImages.entries(folder)).as("no picture, no .part file").isEmpty();
    }

    @Test
    void cancellingHalfWayLeavesNothingBehind() throws IOException {
        AtomicInteger written = new AtomicInteger();
        ExportListener counting = new ExportListener() {
            @Override
            public void fileWritten(String fileName) {
                written.incrementAndGet();
            }
        };

        assertThatThrownBy(() -> LessonExport.run(options(EnumSet.of(ExportFormat.PNG, ExportFormat.GIF),
                StepRange.all(), 1, PictureArea.CANVAS, 0), folder, counting, () -> written.get() >= 4))
                .isInstanceOf(CancellationException.class);

        assertThat(written.get()).isEqualTo(4);
        assertThat(ExportedImages.entries(folder)).isEmpty();
    }
}
