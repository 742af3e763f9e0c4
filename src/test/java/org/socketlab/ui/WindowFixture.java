// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javafx.event.Event;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketlab.player.Player;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The whole window on TestFX's stage, as the tests that drive it with keys and the mouse share
 * it: the built-in lesson "socket(): three stages" in English ({@link TestWindow}), 1280×800,
 * and after each test no presentation and no full screen left behind.
 *
 * <p>(TestFX only calls {@code @Start} methods a test class declares itself, so the window is
 * shown from a {@code @BeforeEach}, which JUnit inherits.)
 */
@ExtendWith(ApplicationExtension.class)
abstract class WindowFixture {
    protected Stage stage;
    protected Player player;
    protected MainWindow window;

    @BeforeEach
    final void showWindow(FxRobot robot) throws TimeoutException {
        stage = FxToolkit.registerPrimaryStage();
        robot.interact(() -> {
            player = TestWindow.threeStages();
            window = TestWindow.show(stage, player, Locale.ENGLISH);
        });
    }

    @AfterEach
    final void stopPresenting(FxRobot robot) {
        robot.interact(() -> {
            window.presentingProperty().set(false);
            stage.setFullScreen(false);
        });
    }

    /**
     * Presses a key in the window as the keyboard would, on the FX thread (call it inside
     * {@code robot.interact}, so a whole lesson walks quickly).
     */
    protected void press(KeyCode key) {
        Event.fireEvent(stage.getScene(), new KeyEvent(KeyEvent.KEY_PRESSED, "", "", key, false, false, false, false));
    }
}
