// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Subscription;
import org.socketlab.app.export.WindowExports;
import org.socketlab.player.Player;
import org.socketlab.ui.MainWindow;
import org.socketlab.ui.WindowPlacement;
import org.socketlab.ui.dialogs.About;
import org.socketlab.ui.language.Languages;
import org.socketlab.ui.language.Messages;
import org.socketlab.ui.theme.Fonts;
import org.socketlab.ui.theme.Theme;
import org.socketlab.ui.theme.Themes;

/**
 * The JavaFX application: one window on the built-in lesson. It speaks the language named by
 * the named parameter {@code --lang=xx}, or else the system's (see {@link Languages}).
 */
public final class SocketLabApp extends Application {
    /** The named launch parameter that chooses the language: {@code --lang=zh}. */
    static final String LANG = "lang";
    /** The named launch parameter naming a lesson file or trace to open: {@code --open=/path}. */
    static final String OPEN = "open";
    /** Where the app remembers things between runs. */
    static final String PREFERENCES = About.SETTINGS_NODE;

    private MainWindow window;
    private RememberedSettings settings;
    private Subscription following = Subscription.EMPTY;

    /**
     * Opens the window and returns when it closes. The start-up work that needs no window begins
     * at once, while JavaFX starts ({@link WarmStart}).
     *
     * @param language the language asked for on the command line, or null
     * @param file     a lesson file or trace to open, or null
     */
    static void open(Locale language, Path file) {
        WarmStart.begin(language);
        List<String> arguments = new ArrayList<>();
        if (language != null) {
            arguments.addAll(List.of(argumentsFor(language)));
        }
        if (file != null) {
            arguments.add("--" + OPEN + "=" + file.toAbsolutePath());
        }
        Application.launch(SocketLabApp.class, arguments.toArray(new String[0]));
    }

    @Override
    public void start(Stage stage) {
        WarmStart.Ready ready = WarmStart.take(requestedLanguage(getParameters()));
        settings = ready.settings();
        Messages messages = new Messages(language(getParameters(), settings));
        // The first frame is the window in its theme's colour with nothing on it yet: showing it
        // needs no control, no style sheet and none of the window's ~420 nodes, so it comes about
        // as soon as a bare window's would (docs/decisions/0007, docs/BENCHMARKS.md). The window's
        // content is built on the pulse after and fills it in the frame after that.
        Theme theme = settings.theme().flatMap(Themes::find).orElse(Themes.defaultTheme());
        Region placeholder = new Region();
        placeholder.setBackground(new Background(new BackgroundFill(theme.background(), null, null)));
        Scene scene = new Scene(placeholder);
        scene.setFill(theme.background());
        stage.setTitle(messages.get("app.title"));
        stage.setScene(scene);
        WindowPlacement.on(Screen.getPrimary().getVisualBounds()).applyTo(stage);
        StartupProbe probe = StartupProbe.requested() ? StartupProbe.install(scene) : null;
        // After the pulse that follows the first frame's: by then the renderer has put the bare
        // window on the screen (a pulse waits for the last frame's rendering).
        afterFirstFrame(scene, () -> afterNextPulse(scene, () -> {
            if (stage.isShowing()) {
                fill(stage, scene, ready, messages);
                if (probe != null) {
                    probe.contentShown();
                }
            }
        }));
        stage.show();
    }

    /** Builds the window's content into the scene that shows it. */
    private void fill(Stage stage, Scene scene, WarmStart.Ready ready, Messages messages) {
        Player player = new Player(ready.lesson());
        RecentFiles recent = new RecentFiles(ready.preferences());
        LessonOpening opening = new LessonOpening(player, messages, recent);
        window = new MainWindow(player, messages,
                new WindowExports().actions(Platform::exit, opening, () -> {
                    settings.reset();
                    recent.clear();
                }));
        following = settings.applyAndFollow(window, player, messages,
                WindowPlacement.on(Screen.getPrimary().getVisualBounds()).zoom());
        Fonts.load(); // done on WarmStart's thread by now; the styles name it
        Themes.defaultTheme().applyTo(scene);
        scene.setFill(Color.WHITE); // the scene's own, as before; the content paints over it
        scene.setRoot(window.root());
        window.attach(scene);
        window.askBeforeClosing(stage);
        afterFirstFrame(scene, () -> AppIcons.install(stage, WarmStart.takeIcons()));
        String file = getParameters().getNamed().get(OPEN);
        if (file != null) {
            // once the content is on the screen: a big log's progress window needs its owner there
            afterFirstFrame(scene, () -> opening.open(window, Path.of(file)));
        }
    }

    /** Runs something once the scene's first frame is on its way: what the first frame can do without. */
    private static void afterFirstFrame(Scene scene, Runnable work) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(work);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** Runs something after the next pulse, asking for one. */
    private static void afterNextPulse(Scene scene, Runnable work) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(work);
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    /**
     * The language to open in: the {@code --lang} parameter when it names one the app has, else
     * the one chosen last time, else the system's.
     */
    static Locale language(Application.Parameters parameters, RememberedSettings settings) {
        return language(requestedLanguage(parameters), settings);
    }

    /** The language to open in: the one asked for if not null, else as above. */
    static Locale language(Locale requested, RememberedSettings settings) {
        return requested != null ? requested : settings.language().orElseGet(Languages::systemDefault);
    }

    private static Locale requestedLanguage(Application.Parameters parameters) {
        return Languages.find(parameters.getNamed().get(LANG)).orElse(null);
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
        if (settings != null) {
            settings.close(5);
        }
    }
}
