// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.socketlab.lesson.loading.BuiltInLessons;
import org.socketlab.player.Player;
import org.socketlab.ui.MainWindow;
import org.socketlab.ui.language.Messages;
import org.socketlab.ui.theme.Css;
import org.socketlab.ui.theme.Fonts;

/**
 * The window as the app builds it for opening files, at 1280×800 in English, playing instantly,
 * with its recent-files list in a preferences node of its own; {@link #forget()} removes that node.
 */
record OpeningWindow(Player player, MainWindow window, LessonOpening opening, RecentFiles recent, Preferences node) {

    static OpeningWindow show(Stage stage, String name) {
        return show(stage, name, null);
    }

    /**
     * The window whose logs of {@link LessonOpening#BIG_LOG_BYTES} or more load through {@code
     * loader} (the test runs what it is given when it chooses); null: on a thread of their own.
     */
    static OpeningWindow show(Stage stage, String name, Executor loader) {
        Fonts.load();
        Preferences node = Preferences.userRoot().node("/org/socketlab/" + name + "-" + System.nanoTime());
        Player player = new Player(BuiltInLessons.threeStages());
        player.setSpeed(Player.INSTANT);
        Messages messages = new Messages(Locale.ENGLISH);
        RecentFiles recent = new RecentFiles(node);
        LessonOpening opening = loader == null ? new LessonOpening(player, messages, recent)
                : new LessonOpening(player, messages, recent, LessonOpening.BIG_LOG_BYTES, loader);
        MainWindow window = new MainWindow(player, messages, new MainWindow.Actions(w -> { }, () -> { }, opening, null));
        Scene scene = new Scene(window.root(), 1280, 800);
        scene.getStylesheets().add(Css.STYLESHEET);
        window.attach(scene);
        stage.setScene(scene);
        stage.show();
        return new OpeningWindow(player, window, opening, recent, node);
    }

    void forget() throws BackingStoreException {
        node.removeNode();
    }
}
