// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import com.sun.javafx.tk.Toolkit;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.BackingStoreException;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a user does with the mouse and keys and sees in the window: dropping a lesson file on
 * it, the Play button, and F1.
 */
@ExtendWith(ApplicationExtension.class)
class WindowGesturesTest {
    private static final String TABS = """
            // title: 三个标签页 | Three browser tabs
            // limit: 8
            int a = socket(AF_INET, SOCK_STREAM, 0);
            close(a);
            """;

    @TempDir
    Path folder;
    private OpeningWindow app;
    private Scene scene;

    @Start
    void start(Stage stage) {
        app = OpeningWindow.show(stage, "test-gestures");
        scene = stage.getScene();
    }

    @AfterEach
    void closeDialogs(FxRobot robot) throws BackingStoreException {
        robot.interact(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.getOwner() != null).toList()
                .forEach(Window::hide));
        app.forget();
    }

    /** A drag from another program carrying {@code files}, as the window's scene receives it. */
    private static DragEvent drag(EventType<DragEvent> type, List<File> files) {
        TKClipboard local = Toolkit.getToolkit().createLocalClipboard();
        // A local clipboard holds the files; a drag from outside also says how it may move them.
        TKClipboard peer = (TKClipboard) Proxy.newProxyInstance(TKClipboard.class.getClassLoader(),
                new Class<?>[] {TKClipboard.class}, (proxy, method, args) -> method.getName().equals("getTransferModes")
                        ? Set.of(TransferMode.COPY, TransferMode.MOVE) : method.invoke(local, args));
        Dragboard board = DragboardHelper.createDragboard(peer);
        board.setContent(Map.of(DataFormat.FILES, files));
        return new DragEvent(type, board, 640, 400, 640, 400, TransferMode.COPY, null, null, null);
    }

    private String headerTitle(FxRobot robot) {
        return robot.lookup(".lesson-title").queryAs(Label.class).getText();
    }

    @Test
    void aLessonFileDroppedOnTheWindowOpensAndItsTitleShows(FxRobot robot) throws IOException {
        Path file = Files.writeString(folder.resolve("three-tabs.c"), TABS, StandardCharsets.UTF_8);
        assertThat(headerTitle(robot)).isNotEqualTo("Three browser tabs");

        AtomicReference<DragEvent> over = new AtomicReference<>();
        robot.interact(() -> {
            over.set(drag(DragEvent.DRAG_OVER, List.of(file.toFile())));
            Event.fireEvent(scene, over.get());
        });
        robot.interact(() -> Event.fireEvent(scene, drag(DragEvent.DRAG_DROPPED, List.of(file.toFile()))));

        assertThat(over.get().isAccepted()).as("the window takes the file").isTrue();
        assertThat(headerTitle(robot)).isEqualTo("Three browser tabs");
        assertThat(robot.lookup("#position").queryAs(Label.class).getText()).matches("Step 0 of \\d+");
    }

    @Test
    void aDroppedFileThatIsNoLessonIsExplainedAndTheLessonStays(FxRobot robot) throws IOException {
        String before = headerTitle(robot);
        Path bad = Files.writeString(folder.resolve("typo.c"), "int a = sockt(AF_INET, SOCK_STREAM, 0);\n");

        robot.interact(() -> Event.fireEvent(scene, drag(DragEvent.DRAG_DROPPED, List.of(bad.toFile()))));

        assertThat(headerTitle(robot)).isEqualTo(before);
        assertThat(robot.lookup(".dialog-pane").queryAll()).as("an error names the file").isNotEmpty();
        assertThat(robot.lookup(".dialog-pane .content").queryAll().stream()
                .map(n -> n instanceof Label l ? l.getText() : "").toList())
                .anyMatch(text -> text.contains("typo.c"));
    }

    @Test
    void playRunsTheLessonToItsEndAndTheButtonSaysPlayAgain(FxRobot robot) throws TimeoutException {
        Button play = robot.lookup("#play").queryButton();
        assertThat(play.getText()).isEqualTo("Play");

        robot.clickOn(play);

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "Step 6 of 6".equals(
                robot.lookup("#position").queryAs(Label.class).getText()) && "Play".equals(play.getText()));
        assertThat(robot.lookup("#step").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup(".ticket").queryAll()).as("the socket's ticket is in hand").isNotEmpty();
    }

    @Test
    void theSpeedIsChosenAmongPressableSegmentsAndPressingItAgainKeepsIt(FxRobot robot) {
        List<String> speeds = robot.lookup("#speed .toggle-button").queryAllAs(ToggleButton.class).stream()
                .map(ToggleButton::getText).toList();
        assertThat(speeds).containsExactly("0.5x", "1x", "1.5x", "2x", "4x");
        assertThat(pressed(robot)).as("the tests' instant speed is none of them").isEmpty();

        robot.clickOn("#speed-3");
        assertThat(pressed(robot)).containsExactly("2x");
        assertThat(app.player().getSpeed()).isEqualTo(2.0);
        robot.clickOn("#speed-3");
        assertThat(pressed(robot)).containsExactly("2x");
        robot.clickOn("#speed-0");
        assertThat(pressed(robot)).containsExactly("0.5x");
        assertThat(app.player().getSpeed()).isEqualTo(0.5);
    }

    private static List<String> pressed(FxRobot robot) {
        return robot.lookup("#speed .toggle-button").queryAllAs(ToggleButton.class).stream()
                .filter(ToggleButton::isSelected).map(ToggleButton::getText).toList();
    }

    @Test
    void f1ListsTheKeyboardShortcuts(FxRobot robot) {
        robot.type(KeyCode.F1);

        List<String> texts = robot.lookup(".shortcut-grid .label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertThat(texts).contains("→, Space, Page Down", "Next step", "Export lesson");
    }
}
