// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.socketlab.lesson.loading.BuiltInLessons;
import org.socketlab.lesson.loading.LessonTemplates;
import org.socketlab.player.Player;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Closing the window, File › Quit, or opening another lesson with unsaved changes asks Save / Discard / Cancel. */
@ExtendWith(ApplicationExtension.class)
class UnsavedChangesTest {
    private final AtomicInteger quits = new AtomicInteger();
    private Player player;
    private MainWindow window;
    private Stage stage;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        player = TestWindow.threeStages();
        window = TestWindow.show(stage, player, Locale.ENGLISH,
                new MainWindow.Actions(w -> { }, quits::incrementAndGet));
        window.askBeforeClosing(stage);
    }

    private static Node shown(FxRobot robot, String text) {
        return robot.lookup((Node n) -> n instanceof Labeled l && text.equals(l.getText()) && n.getScene() != null
                && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing() && n.isVisible())
                .query();
    }

    /** A lesson saved to a file, then changed in the editor (not saved). */
    private Path changedLessonInAFile(FxRobot robot) {
        Path file = dir.resolve("mine.c");
        robot.interact(() -> window.newLesson("udp"));
        robot.interact(() -> window.saveLessonTo(file));
        robot.interact(() -> window.editor().area().moveTo(0, 0));
        robot.write("// mine\n");
        assertThat(window.editor().isDirty()).isTrue();
        return file;
    }

    private void quitWithCtrlQ(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void closeBox() {
        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void quitWithUnsavedChangesAndCancelKeepsTheWindowAndTheText(FxRobot robot) throws Exception {
        Path file = changedLessonInAFile(robot);
        quitWithCtrlQ(robot);
        assertThat(robot.lookup(".ask-dialog").queryAs(DialogPane.class).getHeaderText())
                .isEqualTo("Save the changes to mine.c?");
        robot.clickOn(shown(robot, "Cancel"));
        assertThat(quits).hasValue(0);
        assertThat(window.editor().area().getText()).startsWith("// mine\n");
        assertThat(Files.readString(file)).doesNotStartWith("// mine");
        assertThat(window.editor().isDirty()).isTrue();
    }

    @Test
    void quitAndSaveWritesTheFileThenQuits(FxRobot robot) throws Exception {
        Path file = changedLessonInAFile(robot);
        quitWithCtrlQ(robot);
        robot.clickOn(shown(robot, "Save"));
        assertThat(Files.readString(file)).startsWith("// mine\n").isEqualTo(window.editor().area().getText());
        assertThat(quits).hasValue(1);
    }

    @Test
    void closingTheWindowAndDiscardingClosesItWithoutWritingAndDropsTheAutosave(FxRobot robot) throws Exception {
        Path file = changedLessonInAFile(robot);
        String saved = Files.readString(file);
        closeBox();
        robot.clickOn(shown(robot, "Discard"));
        assertThat(stage.isShowing()).isFalse();
        assertThat(Files.readString(file)).isEqualTo(saved);
        assertThat(dir.resolve(".mine.c.autosave")).doesNotExist();
    }

    @Test
    void closingTheWindowAndCancellingKeepsItOpen(FxRobot robot) {
        changedLessonInAFile(robot);
        closeBox();
        robot.clickOn(shown(robot, "Cancel"));
        assertThat(stage.isShowing()).isTrue();
        assertThat(window.editor().area().getText()).startsWith("// mine\n");
    }

    @Test
    void openingAnotherLessonAsksFirstAndNothingChangedIsNeverAsked(FxRobot robot) {
        robot.interact(() -> window.newLesson("tcp-server"));
        robot.interact(() -> window.newLesson("udp"));
        assertThat(player.getLesson().id()).as("no changes: no question").isEqualTo("udp");
        assertThat(robot.lookup(".ask-dialog").tryQuery()).isEmpty();

        robot.interact(() -> window.editor().area().moveTo(0));
        robot.write("// x\n");
        Platform.runLater(() -> window.newLesson("fork"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(shown(robot, "Cancel"));
        assertThat(player.getLesson().id()).isEqualTo("udp");
        assertThat(window.editor().area().getText()).startsWith("// x\n");

        Platform.runLater(() -> window.openBuiltIn(BuiltInLessons.threeStages()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(shown(robot, "Discard"));
        assertThat(player.getLesson().id()).isEqualTo(BuiltInLessons.threeStages().id());
        assertThat(window.editor().isDirty()).isFalse();
        assertThat(window.editor().area().getText()).doesNotContain(LessonTemplates.text("udp"));
    }

    @Test
    void theQuestionSpeaksChinese(FxRobot robot) {
        changedLessonInAFile(robot);
        robot.interact(() -> window.messages().localeProperty().set(Locale.CHINESE));
        closeBox();
        assertThat(robot.lookup(".ask-dialog").queryAs(DialogPane.class).getHeaderText())
                .isEqualTo("保存对 mine.c 的修改吗？");
        robot.clickOn(shown(robot, "取消"));
        assertThat(stage.isShowing()).isTrue();
    }
}
