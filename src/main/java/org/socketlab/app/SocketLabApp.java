// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.socketlab.lesson.BuiltInLessons;
import org.socketlab.player.Player;
import org.socketlab.ui.Fonts;
import org.socketlab.ui.MainWindow;
import org.socketlab.ui.Messages;
import org.socketlab.ui.Themes;

/** The JavaFX application: one window on the built-in lesson. */
public final class SocketLabApp extends Application {
    /** The window's size when it first opens. */
    static final double WIDTH = 1280;
    static final double HEIGHT = 800;

    private MainWindow window;

    @Override
    public void start(Stage stage) {
        Fonts.load();
        Messages messages = new Messages(Locale.ENGLISH);
        Player player = new Player(BuiltInLessons.threeStages());
        window = new MainWindow(player, messages, new WindowExports().actions(Platform::exit));
        Scene scene = new Scene(window.root(), WIDTH, HEIGHT);
        Themes.defaultTheme().applyTo(scene);
        window.attach(scene);
        stage.setTitle(messages.get("app.title"));
        AppIcons.install(stage);
        stage.setMinWidth(1024);
        stage.setMinHeight(700);
        stage.setScene(scene);
        stage.show();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.dispose();
        }
    }
}
