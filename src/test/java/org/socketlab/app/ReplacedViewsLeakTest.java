// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.socketlab.lesson.loading.BuiltInLessons;
import org.socketlab.player.Player;
import org.socketlab.testing.Garbage;
import org.socketlab.ui.theme.Css;
import org.socketlab.ui.theme.Fonts;
import org.socketlab.ui.MainWindow;
import org.socketlab.ui.language.Messages;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a window throws away can be collected: a whole window replaced a hundred times (each
 * having drawn, stepped, opened a file and listed it in its recent files), the ghost copies the
 * animations fly across the diagram, and the dialogs that explained a bad file or a replay once
 * they are closed. The player, the messages and the recent files outlive them all.
 */
@ExtendWith(ApplicationExtension.class)
class ReplacedViewsLeakTest {
    private static final Runnable FX_IDLE = WaitForAsyncUtils::waitForFxEvents;

    @TempDir
    Path folder;
    private final Preferences node = Preferences.userRoot().node("/org/socketlab/test-leak-" + System.nanoTime());
    private final Messages messages = new Messages(Locale.ENGLISH);
    private Player player;
    private RecentFiles recent;
    private LessonOpening opening;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Fonts.load();
        player = new Player(BuiltInLessons.threeStages());
        recent = new RecentFiles(node);
        opening = new LessonOpening(player, messages, recent);
        stage.setScene(new Scene(new Pane(), 800, 600));
        stage.show();
    }

    @AfterEach
    void removeNode() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void aWindowReplacedAHundredTimesLeavesNoneBehind(FxRobot robot) throws IOException {
        player.setSpeed(Player.INSTANT);
        Path lesson = Files.copy(Path.of("src/test/resources/lessons/three-tabs.c"), folder.resolve("three-tabs.c"));
        Path trace = Files.copy(Path.of("src/test/resources/traces/lifecycle.strace"),
                folder.resolve("lifecycle.strace"));
        List<WeakReference<MainWindow>> windows = new ArrayList<>();
        for (int batch = 0; batch < 100; batch += 10) {
            robot.interact(() -> {
                for (int i = 0; i < 10; i++) {
                    MainWindow window = show();
                    opening.open(window, i % 2 == 0 ? lesson : trace);
                    player.jumpTo(player.getCount() - 1);
                    window.root().applyCss();
                    window.root().layout();
                    player.back();
                    windows.add(new WeakReference<>(window));
                    window.dispose();
                }
            });
        }
        robot.interact(() -> stage.setScene(new Scene(new Pane(), 800, 600)));

        assertThat(Garbage.survivors(windows, FX_IDLE)).as("windows still reachable of 100").isZero();
        robot.interact(player::reset);
        assertThat(player.getLesson().id()).isEqualTo("trace:lifecycle.strace");
        assertThat(recent.files()).extracting(p -> p.getFileName().toString())
                .containsExactly("lifecycle.strace", "three-tabs.c");
    }

    @Test
    void theGhostsAnAnimationFliesAreCollectableOnceItHasFinished(FxRobot robot) {
        player.setSpeed(1);
        List<WeakReference<Node>> ghosts = new ArrayList<>();
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> window[0] = show());
        Pane overlay = robot.lookup(".diagram-overlay").queryAs(Pane.class);
        // Two socket() calls: the box and the ticket fly into drawers 3 and 4.
        for (int step = 0; step < 6; step++) {
            robot.interact(() -> {
                player.step();
                overlay.getChildren().forEach(ghost -> ghosts.add(new WeakReference<>(ghost)));
                window[0].director().finishRunning();
            });
            assertThat(overlay.getChildren()).as("no ghost stays on the diagram after step %d", step + 1).isEmpty();
        }

        assertThat(ghosts).as("the issue animations flew ghosts").hasSizeGreaterThanOrEqualTo(4);
        assertThat(Garbage.survivors(ghosts, FX_IDLE)).as("ghosts still reachable").isZero();
        robot.interact(window[0]::dispose);
    }

    @Test
    void closedDialogsAreCollectable(FxRobot robot) throws IOException {
        player.setSpeed(Player.INSTANT);
        Path bad = Files.writeString(folder.resolve("typo.c"), "int a = sockt(AF_INET, SOCK_STREAM, 0);\n",
                StandardCharsets.UTF_8);
        Path trace = Files.copy(Path.of("src/test/resources/traces/lifecycle.strace"),
                folder.resolve("lifecycle.strace"));
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> window[0] = show());
        List<WeakReference<Object>> dialogs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            robot.interact(() -> opening.open(window[0], bad));
            dialogs.addAll(closeTheDialog(robot));
        }
        robot.interact(() -> opening.open(window[0], trace));
        for (int i = 0; i < 10; i++) {
            robot.interact(() -> robot.lookup(".replay-badge").queryAs(Button.class).fire());
            dialogs.addAll(closeTheDialog(robot));
        }

        assertThat(Window.getWindows()).as("only the main window is open").hasSize(1);
        assertThat(Garbage.survivors(dialogs, FX_IDLE)).as("closed dialogs still reachable of 20").isZero();
        robot.interact(window[0]::dispose);
    }

    /** Closes the one dialog that is open; weak references to its pane and its window. */
    private static List<WeakReference<Object>> closeTheDialog(FxRobot robot) {
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        Window dialog = pane.getScene().getWindow();
        robot.interact(dialog::hide);
        return List.of(new WeakReference<>(pane), new WeakReference<>(dialog));
    }

    /** A new window on the shared player, shown in the stage. */
    private MainWindow show() {
        MainWindow window = new MainWindow(player, messages,
                new MainWindow.Actions(w -> { }, () -> { }, opening, null));
        Scene scene = new Scene(window.root(), 1280, 800);
        scene.getStylesheets().add(Css.STYLESHEET);
        window.attach(scene);
        stage.setScene(scene);
        return window;
    }
}
