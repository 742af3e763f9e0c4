// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import java.util.Locale;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.socketlab.lesson.loading.BuiltInLessons;
import org.socketlab.player.Player;
import org.socketlab.ui.language.Messages;
import org.socketlab.ui.theme.Css;
import org.socketlab.ui.theme.Fonts;

/**
 * The main window on a stage as the tests use it: the built-in lesson, no animations
 * (Player.INSTANT), 1280×800, the app's stylesheet.
 */
public final class TestWindow {
    private TestWindow() {
    }

    /** Shows a window with the given actions on the stage; the player is at the lesson's start. */
    public static MainWindow show(Stage stage, Player player, Locale language, MainWindow.Actions actions) {
        Fonts.load();
        player.setSpeed(Player.INSTANT);
        MainWindow window = new MainWindow(player, new Messages(language), actions);
        Scene scene = new Scene(window.root(), 1280, 800);
        scene.getStylesheets().add(Css.STYLESHEET);
        window.attach(scene);
        // TestFX's stage outlives each test: a size the last test gave it must not clip this scene.
        // (Hidden while it changes size: Monocle's headless painter can race a window that grows.)
        stage.hide();
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
        return window;
    }

    /** Shows a window without file actions on the built-in lesson "socket(): three stages". */
    public static MainWindow show(Stage stage, Player player, Locale language) {
        return show(stage, player, language, new MainWindow.Actions(w -> { }, () -> { }));
    }

    /** A player on the built-in lesson. */
    public static Player threeStages() {
        return new Player(BuiltInLessons.threeStages());
    }
}
