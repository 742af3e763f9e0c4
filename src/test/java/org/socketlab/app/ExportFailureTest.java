// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.socketlab.app.export.LessonExport;
import org.socketlab.codec.AnimatedGifWriter;
import org.socketlab.codec.ArgbImage;
import org.socketlab.codec.PngEncoder;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.loading.BuiltInLessons;
import org.socketlab.player.Player;
import org.socketlab.saving.AtomicFileBatch;
import org.socketlab.saving.AtomicFileWriter;
import org.socketlab.saving.ExportException;
import org.socketlab.saving.TargetExistsException;
import org.socketlab.testing.NoAccess;
import org.socketlab.ui.MainWindow;
import org.socketlab.ui.export.NodeSnapshot;
import org.socketlab.ui.language.Messages;
import org.socketlab.ui.theme.Css;
import org.socketlab.ui.theme.Fonts;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Saving the window's picture that fails — into a missing folder, over a file without consent,
 * into a read-only folder, onto a disk that fills up, with an encoder that breaks half-way — as a
 * PNG ({@link PictureSaving#savePng}, what File > Save picture runs), as an animated GIF of the
 * lesson's pictures, or as a sheet of numbered PNGs: the open lesson stays where it was, the
 * message names the file, and the folder holds exactly what it held before — no partial file, no
 * {@code .part} left behind, an existing file untouched.
 */
@ExtendWith(ApplicationExtension.class)
class ExportFailureTest {
    @TempDir
    Path folder;
    private Player player;
    private MainWindow window;
    private Lesson lesson;

    @Start
    void start(Stage stage) {
        Fonts.load();
        player = new Player(BuiltInLessons.threeStages());
        player.setSpeed(Player.INSTANT);
        window = new MainWindow(player, new Messages(Locale.ENGLISH), new MainWindow.Actions(w -> { }, () -> { }));
        Scene scene = new Scene(window.root(), 1280, 800);
        scene.getStylesheets().add(Css.STYLESHEET);
        window.attach(scene);
        stage.setScene(scene);
        stage.show();
    }

    @BeforeEach
    void atStepThree(FxRobot robot) {
        robot.interact(() -> player.jumpTo(3));
        lesson = player.getLesson();
    }

    @Test
    void aPictureForAMissingFolderIsRefusedAndNothingIsCreated(FxRobot robot) throws IOException {
        Path target = folder.resolve("gone").resolve("step.png");

        ExportException e = savePng(robot, target, false);

        assertThat(e.reason()).isEqualTo(ExportException.Reason.FOLDER_MISSING);
        assertThat(e.getMessage()).contains(target.toString());
        assertThat(listing()).isEmpty();
        assertLessonUnchanged();
    }

    @Test
    void aPictureOverAnExistingFileWithoutConsentLeavesThatFileAsItWas(FxRobot robot) throws IOException {
        Path target = Files.writeString(folder.resolve("step.png"), "the class's own picture");

        ExportException e = savePng(robot, target, false);

        assertThat(e).isInstanceOf(TargetExistsException.class);
        assertThat(e.getMessage()).isEqualTo("\"" + target + "\" already exists.");
        assertThat(Files.readString(target)).isEqualTo("the class's own picture");
        assertThat(listing()).containsExactly(target);
        assertLessonUnchanged();
    }

    @Test
    void aPictureIntoAFolderThatRefusesIsRefusedAndNothingIsCreated(FxRobot robot) throws IOException {
        Path refusing = NoAccess.folderNobodyMayWriteIn();
        List<Path> before = listing(refusing);

        ExportException e = savePng(robot, refusing.resolve("step.png"), true);

        assertThat(e.reason()).isEqualTo(ExportException.Reason.NO_PERMISSION);
        assertThat(e.getMessage()).contains("you do not have permission to write in the folder \"" + refusing + "\"");
        assertThat(listing(refusing)).isEqualTo(before);
        assertLessonUnchanged();
    }

    @Test
    void aPictureOntoAFullDiskLeavesNoPartialFile(FxRobot robot) throws IOException {
        Path target = folder.resolve("step.png");
        ArgbImage picture = snapshot(robot);

        ExportException e = catchThrowableOfType(ExportException.class, () -> AtomicFileWriter.write(target, true,
                out -> new PngEncoder().encode(picture, fullAfter(out, 4096))));

        assertThat(e.reason()).isEqualTo(ExportException.Reason.DISK_FULL);
        assertThat(e.getMessage()).contains(target.toString()).contains("not enough disk space");
        assertThat(listing()).as("no partial picture, no .part file").isEmpty();
        assertLessonUnchanged();
    }

    @Test
    void aPictureWhoseEncoderBreaksHalfWayLeavesTheOldFile(FxRobot robot) throws IOException {
        Path target = Files.writeString(folder.resolve("step.png"), "yesterday's picture");
        ArgbImage picture = snapshot(robot);

        IllegalStateException e = catchThrowableOfType(IllegalStateException.class, () -> AtomicFileWriter.write(target,
                true, out -> {
                    new PngEncoder().encode(picture, out);
                    throw new IllegalStateException("encoder bug after the image data");
                }));

        assertThat(e).hasMessage("encoder bug after the image data");
        assertThat(Files.readString(target)).isEqualTo("yesterday's picture");
        assertThat(listing()).containsExactly(target);
        assertLessonUnchanged();
    }

    @Test
    void anAnimatedGifOntoAFullDiskLeavesNoPartialFile(FxRobot robot) throws IOException {
        Path target = folder.resolve("three-stages.gif");
        ArgbImage picture = snapshot(robot);

        ExportException e = catchThrowableOfType(ExportException.class, () -> AtomicFileWriter.write(target, false,
                out -> {
                    try (AnimatedGifWriter gif = new AnimatedGifWriter(fullAfter(out, 20_000))) {
                        for (int frame = 0; frame < 5; frame++) {
                            gif.add(picture, 1400);
                        }
                    }
                }));

        assertThat(e.reason()).isEqualTo(ExportException.Reason.DISK_FULL);
        assertThat(listing()).isEmpty();
        assertLessonUnchanged();
    }

    @Test
    void aSheetOfPicturesThatFailsOnTheThirdLeavesTheFolderAsItWas(FxRobot robot) throws IOException {
        Path kept = Files.writeString(folder.resolve("notes.txt"), "kept");
        ArgbImage picture = snapshot(robot);
        PngEncoder png = new PngEncoder();

        ExportException e = catchThrowableOfType(ExportException.class, () -> {
            try (AtomicFileBatch sheet = AtomicFileBatch.open(folder, false)) {
                sheet.add("01-allocate-memory.png", out -> png.encode(picture, out));
                sheet.add("02-init-control-block.png", out -> png.encode(picture, out));
                sheet.add("03-issue-descriptor.png", out -> png.encode(picture, fullAfter(out, 1000)));
                sheet.commit();
            }
        });

        assertThat(e.reason()).isEqualTo(ExportException.Reason.DISK_FULL);
        assertThat(e.getMessage()).contains("03-issue-descriptor.png");
        assertThat(listing()).as("no picture of the sheet, no .part file").containsExactly(kept);
        assertLessonUnchanged();
    }

    @Test
    void aSheetForAMissingFolderIsRefusedBeforeAnythingIsWritten() throws IOException {
        ExportException e = catchThrowableOfType(ExportException.class,
                () -> AtomicFileBatch.open(folder.resolve("gone"), false));

        assertThat(e.reason()).isEqualTo(ExportException.Reason.FOLDER_MISSING);
        assertThat(listing()).isEmpty();
    }

    private ExportException savePng(FxRobot robot, Path target, boolean overwrite) {
        ExportException[] failure = new ExportException[1];
        robot.interact(() -> failure[0] = catchThrowableOfType(ExportException.class,
                () -> {
                    ArgbImage image = NodeSnapshot.take(window.getSnapshotTarget(), 1, Color.WHITE);
                    AtomicFileWriter.write(target, overwrite,
                            out -> LessonExport.pngEncoder(1).encode(image, out));
                }));
        assertThat(failure[0]).as("saving %s failed", target).isNotNull();
        return failure[0];
    }

    private ArgbImage snapshot(FxRobot robot) {
        ArgbImage[] image = new ArgbImage[1];
        robot.interact(() -> image[0] = NodeSnapshot.take(window.getSnapshotTarget(), 1, Color.WHITE));
        return image[0];
    }

    private void assertLessonUnchanged() {
        assertThat(player.getLesson()).isSameAs(lesson);
        assertThat(player.getIndex()).isEqualTo(3);
    }

    /** A disk with room for {@code room} more bytes; then "No space left on device". */
    private static OutputStream fullAfter(OutputStream out, int room) {
        return new FilterOutputStream(out) {
            private int left = room;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (len > left) {
                    out.write(b, off, left);
                    left = 0;
                    throw new IOException("No space left on device");
                }
                left -= len;
                out.write(b, off, len);
            }
        };
    }

    private List<Path> listing() throws IOException {
        return listing(folder);
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
