// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.socketlab.lesson.BuiltInLessons;
import org.socketlab.player.Player;
import org.socketlab.ui.Css;
import org.socketlab.ui.Fonts;
import org.socketlab.ui.Languages;
import org.socketlab.ui.MainWindow;
import org.socketlab.ui.Messages;

/**
 * The JavaFX application: one window on the built-in lesson. It speaks the language named by
 * the named parameter {@code --lang=xx}, or else the system's (see {@link Languages}).
 */
public final class SocketLabApp extends Application {
    /** The window's size when it first opens. */
    static final double WIDTH = 1280;
    static final double HEIGHT = 800;
    /** The named launch parameter that chooses the language: {@code --lang=zh}. */
    static final String LANG = "lang";
    /** The named launch parameter naming a lesson file or trace to open: {@code --open=/path}. */
    static final String OPEN = "open";
    /** Where the app remembers things between runs. */
    static final String PREFERENCES = "/org/socketlab";

    private MainWindow window;
    private Settings settings;
    private javafx.util.Subscription following = javafx.util.Subscription.EMPTY;

    @Override
    public void start(Stage stage) {
        Fonts.load();
        Preferences preferences = Preferences.userRoot().node(PREFERENCES);
        settings = new Settings(preferences);
        Messages messages = new Messages(language(getParameters(), settings));
        Player player = new Player(BuiltInLessons.threeStages());
        RecentFiles recent = new RecentFiles(preferences);
        LessonOpening opening = new LessonOpening(player, messages, recent);
        window = new MainWindow(player, messages,
                new MainWindow.Actions(w -> PictureSaving.saveWithDialog(w, messages), Platform::exit, opening,
                        () -> {
                            settings.reset();
                            recent.clear();
                        }));
        following = settings.applyAndFollow(window, player, messages);
        Scene scene = new Scene(window.root(), WIDTH, HEIGHT);
        scene.getStylesheets().add(Css.STYLESHEET);
        window.attach(scene);
        stage.setTitle(messages.get("app.title"));
        AppIcons.install(stage);
        stage.setMinWidth(1024);
        stage.setMinHeight(700);
        stage.setScene(scene);
        if (StartupProbe.requested()) {
            StartupProbe.install(scene);
        }
        stage.show();
        String file = getParameters().getNamed().get(OPEN);
        if (file != null) {
            opening.open(window, Path.of(file));
        }
    }

    /**
     * The language to open in: the {@code --lang} parameter when it names one the app has, else
     * the one chosen last time, else the system's.
     */
    static Locale language(Application.Parameters parameters, Settings settings) {
        String tag = parameters.getNamed().get(LANG);
        return Languages.find(tag).or(settings::language).orElseGet(Languages::systemDefault);
    }

    /** The launch arguments that make the app open in a language. */
    static String[] argumentsFor(Locale language) {
        return new String[] {"--" + LANG + "=" + language.toLanguageTag()};
    }

    @Override
    public void stop() {
        following.unsubscribe();
        if (window != null) {
            window.dispose();
        }
    }
}
