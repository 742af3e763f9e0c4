// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.socketlab.codec.Paper;
import org.socketlab.lesson.loading.BuiltInLessons;
import org.socketlab.player.Player;
import org.socketlab.ui.MainWindow;
import org.socketlab.ui.export.LessonExportChoice;
import org.socketlab.ui.export.PictureArea;
import org.socketlab.ui.export.PictureChoice;
import org.socketlab.ui.language.Messages;
import org.socketlab.ui.theme.Fonts;
import org.socketlab.ui.theme.Themes;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The File menu's exports in a real (headless) window: dialogs, files, progress and cancel. */
@ExtendWith(ApplicationExtension.class)
class WindowExportsTest {
    private final WindowExports exports = new WindowExports();
    private Player player;
    private MainWindow window;

    @TempDir
    Path folder;

    @Start
    void start(Stage stage) {
        Fonts.load();
        player = new Player(BuiltInLessons.threeStages());
        player.setSpeed(Player.INSTANT);
        window = new MainWindow(player, new Messages(Locale.ENGLISH), exports.actions(() -> { }, null, null));
        Scene scene = new Scene(window.root(), 1280, 800);
        Themes.LIGHT.applyTo(scene);
        window.attach(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeDialogs(FxRobot robot) {
        robot.interact(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.getOwner() != null || w instanceof PopupWindow)
                .toList()
                .forEach(Window::hide));
    }

    private static PictureChoice choice(int scale, PictureArea area) {
        return new PictureChoice(scale, area, Themes.LIGHT, Locale.ENGLISH);
    }

    private static Button button(FxRobot robot, String text) {
        return robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .filter(b -> text.equals(b.getText())).findFirst().orElseThrow();
    }

    @Test
    void ctrlEAsksForScaleAreaThemeAndLanguageAndShowsTheSize(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);

        List<?> scale = robot.lookup("#export-scale").queryAs(ChoiceBox.class).getItems();
        assertThat(scale).isEqualTo(List.of(1, 2, 3, 4));
        assertThat(robot.lookup("#export-area").queryAs(ChoiceBox.class).getItems())
                .containsExactly(PictureArea.CANVAS, PictureArea.WINDOW);
        assertThat(robot.lookup("#export-theme .toggle-button").queryAllAs(ToggleButton.class).stream()
                .map(ToggleButton::getText).toList()).as("every theme in sight, one pressed")
                .containsExactly("Light", "Dark", "High contrast");
        assertThat(robot.lookup("#export-theme-0").queryAs(ToggleButton.class).isSelected()).isTrue();
        robot.clickOn("#export-theme-1");
        robot.clickOn("#export-theme-1");
        assertThat(robot.lookup("#export-theme-1").queryAs(ToggleButton.class).isSelected())
                .as("pressing the chosen theme again keeps it").isTrue();
        assertThat(robot.lookup("#export-theme-0").queryAs(ToggleButton.class).isSelected()).isFalse();
        assertThat(robot.lookup("#export-language").queryAs(ChoiceBox.class).getValue()).isEqualTo(Locale.ENGLISH);
        Bounds canvas = window.getSnapshotTarget().getLayoutBounds();
        Label size = robot.lookup("#export-size").queryAs(Label.class);
        assertThat(size.getText()).isEqualTo((int) Math.ceil(canvas.getWidth()) + " × "
                + (int) Math.ceil(canvas.getHeight()) + " pixels");
        robot.interact(() -> robot.lookup("#export-scale").queryAs(ChoiceBox.class).getSelectionModel().select(1));
        assertThat(size.getText()).startsWith((int) Math.ceil(canvas.getWidth() * 2) + " × ");

        robot.clickOn(button(robot, "Cancel"));
        assertThat(robot.lookup("#export-scale").tryQuery()).isEmpty();
    }

    @Test
    void savingThePictureWritesItAtTheScaleAndLeavesTheWindowWhereItWas(FxRobot robot) throws Exception {
        robot.type(KeyCode.RIGHT, 3);
        Path file = folder.resolve("step.png");
        AtomicReference<Task<Path>> task = new AtomicReference<>();

        robot.interact(() -> task.set(exports.savePicture(window, choice(2, PictureArea.CANVAS), file, false)));
        task.get().get(20, TimeUnit.SECONDS);

        assertThat(onFx(() -> task.get().getState())).isEqualTo(Worker.State.SUCCEEDED);
        BufferedImage image = ImageIO.read(file.toFile());
        Bounds canvas = window.getSnapshotTarget().getLayoutBounds();
        assertThat(image.getWidth()).isEqualTo((int) Math.ceil(canvas.getWidth() * 2));
        assertThat(image.getHeight()).isEqualTo((int) Math.ceil(canvas.getHeight() * 2));
        assertThat(player.getIndex()).isEqualTo(3);
        assertThat(player.getSpeed()).isEqualTo(Player.INSTANT);
    }

    @Test
    void aPictureThatCannotBeSavedShowsAnErrorAndLeavesNoFile(FxRobot robot) throws Exception {
        Path file = folder.resolve("missing").resolve("step.png");
        AtomicReference<Task<Path>> task = new AtomicReference<>();

        robot.interact(() -> task.set(exports.savePicture(window, choice(1, PictureArea.WINDOW), file, false)));
        assertThatThrownBy(() -> task.get().get(20, TimeUnit.SECONDS)).hasMessageContaining("does not exist");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(onFx(() -> task.get().getState())).isEqualTo(Worker.State.FAILED);
        assertThat(notices(robot)).as("a note in the corner says why").contains("The picture was not saved")
                .anyMatch(text -> text.contains("does not exist"));
        assertThat(robot.lookup(".dialog-pane").tryQuery()).as("no dialog stops the user").isEmpty();
        assertThat(Files.exists(file.getParent())).isFalse();
    }

    @Test
    void ctrlShiftCCopiesThePictureAsAnImage(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.C).release(KeyCode.SHIFT, KeyCode.CONTROL);

        AtomicReference<Boolean> hasImage = new AtomicReference<>();
        robot.interact(() -> hasImage.set(Clipboard.getSystemClipboard().hasImage()));
        assertThat(hasImage.get()).isTrue();
    }

    @Test
    void cancellingTheLessonExportHalfWayLeavesNoFileAndTheWindowStaysUsable(FxRobot robot) throws Exception {
        LessonExportChoice choice = new LessonExportChoice(true, true, true, 20, choice(2, PictureArea.CANVAS));
        AtomicReference<LessonExportTask> task = new AtomicReference<>();
        // The worker waits after its second picture until Cancel was pressed: half-way, on any machine.
        CountDownLatch halfWay = new CountDownLatch(1);
        CountDownLatch cancelPressed = new CountDownLatch(1);
        AtomicInteger written = new AtomicInteger();
        exports.observeExports(new ExportListener() {
            @Override
            public void fileWritten(String fileName) {
                if (written.incrementAndGet() == 2) {
                    halfWay.countDown();
                    try {
                        cancelPressed.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        });
        robot.interact(() -> task.set(exports.exportLessonTo(window, WindowExports.options(window, choice), folder)));
        assertThat(halfWay.await(60, TimeUnit.SECONDS)).as("two pictures written").isTrue();

        robot.clickOn("#step"); // the window answers while the export runs
        assertThat(player.getIndex()).isEqualTo(1);
        assertThat(robot.lookup("#export-progress").tryQuery()).isPresent();
        assertThat(robot.lookup("#export-count").queryLabeled().getText()).as("how far it is, in numbers")
                .matches("[1-9]\\d* of \\d+ done");
        robot.clickOn(button(robot, "Cancel"));
        cancelPressed.countDown();

        assertThat(task.get().awaitEnd(30, TimeUnit.SECONDS)).isTrue();
        assertThat(written.get()).as("nothing written after the cancel").isEqualTo(2);
        assertThat(onFx(() -> task.get().getState())).isEqualTo(Worker.State.CANCELLED);
        assertThat(entries(folder)).as("no picture and no .part file").isEmpty();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#export-progress").tryQuery()).as("the progress dialog closed").isEmpty();
    }

    @Test
    void existingFilesAreOnlyReplacedWithConsent(FxRobot robot) throws Exception {
        Path existing = Files.writeString(folder.resolve("02-init-control-block.png"), "keep me");
        LessonExportChoice choice = new LessonExportChoice(true, false, false, 0, choice(1, PictureArea.CANVAS));
        AtomicReference<LessonExportTask> task = new AtomicReference<>();

        Platform.runLater(() -> task.set(exports.exportLessonTo(window, WindowExports.options(window, choice), folder)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".dialog-pane .header-panel .label").queryLabeled().getText())
                .contains("Already in");
        robot.clickOn(button(robot, "Cancel"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(task.get()).isNull();
        assertThat(Files.readString(existing)).isEqualTo("keep me");
        assertThat(entries(folder)).containsExactly("02-init-control-block.png");

        Platform.runLater(() -> task.set(exports.exportLessonTo(window, WindowExports.options(window, choice), folder)));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(button(robot, "Replace"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> task.get() != null);
        assertThat(task.get().awaitEnd(60, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> task.get().getState())).isEqualTo(Worker.State.SUCCEEDED);
        assertThat(entries(folder)).hasSize(7);
        assertThat(ImageIO.read(existing.toFile())).as("replaced by a real picture").isNotNull();
        assertThat(notices(robot)).as("a note says how many files and where")
                .contains("Saved 7 files in " + folder);
        assertThat(robot.lookup(".dialog-pane").tryQuery()).as("no dialog to dismiss").isEmpty();
    }

    @Test
    void fileExportLessonOffersAHandoutOnA4OrLetterAndWritesIt(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.E).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(robot.lookup("#export-pdf").queryAs(CheckBox.class).getText())
                .contains("PDF");
        assertThat(robot.lookup("#export-paper").queryAs(ChoiceBox.class).getItems())
                .containsExactly(Paper.A4, Paper.LETTER);
        robot.clickOn(button(robot, "Cancel"));

        LessonExportChoice choice = new LessonExportChoice(false, false, false, true, Paper.LETTER,
                0, choice(1, PictureArea.CANVAS));
        AtomicReference<LessonExportTask> task = new AtomicReference<>();
        robot.interact(() -> task.set(exports.exportLessonTo(window, WindowExports.options(window, choice), folder)));
        assertThat(task.get().awaitEnd(60, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(entries(folder)).containsExactly("three-stages-handout.pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(
                folder.resolve("three-stages-handout.pdf").toFile())) {
            assertThat(pdf.getNumberOfPages()).as("a title page and a page per step").isEqualTo(1 + player.getCount());
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isEqualTo(Paper.LETTER.width());
        }
    }

    /** The words of the notes shown in the window's corner. */
    private static List<String> notices(FxRobot robot) {
        return robot.lookup(".notification-bar .label").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private static List<String> entries(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}

