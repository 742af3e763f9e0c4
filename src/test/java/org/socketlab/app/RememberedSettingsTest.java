// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.prefs.AbstractPreferences;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.util.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketlab.lesson.loading.BuiltInLessons;
import org.socketlab.player.Player;
import org.socketlab.ui.theme.Css;
import org.socketlab.ui.theme.Fonts;
import org.socketlab.ui.MainWindow;
import org.socketlab.ui.WindowPlacement;
import org.socketlab.ui.language.Messages;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the app remembers between runs, driven through keys and menus: chosen in one window,
 * shown by the next one on the same settings; View › Reset settings forgets it all; and the
 * disk is written off the JavaFX thread.
 */
@ExtendWith(ApplicationExtension.class)
class RememberedSettingsTest {
    private final MemoryPreferences node = new MemoryPreferences();
    private Stage stage;
    private RememberedSettings settings;
    private MainWindow window;
    private Subscription following = Subscription.EMPTY;
    /** The zoom the screen calls for (the app takes it from {@link WindowPlacement}). */
    private double startingZoom = 1;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Fonts.load();
        open();
        stage.show();
        stage.toFront();
        stage.requestFocus();
    }

    /** What the app's start does with its settings, in this test's stage. */
    private void open() {
        settings = new RememberedSettings(node);
        Messages messages = new Messages(SocketLabApp.language((Locale) null, settings));
        Player player = new Player(BuiltInLessons.threeStages());
        window = new MainWindow(player, messages, new MainWindow.Actions(w -> { }, w -> { }, w -> { }, () -> { },
                null, () -> settings.reset()));
        following = settings.applyAndFollow(window, player, messages, startingZoom);
        Scene scene = new Scene(window.root(), 1280, 800);
        scene.getStylesheets().add(Css.STYLESHEET);
        window.attach(scene);
        stage.setScene(scene);
    }

    private void restart(FxRobot robot) {
        robot.interact(() -> {
            following.unsubscribe();
            window.dispose();
            settings.close(10);
            open();
        });
    }

    private static void shortcut(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
    }

    /**
     * Chooses a menu entry by its path of labels, as a click on it does: a radio or check entry
     * toggles, then the entry fires. (Walking the pointer through nested popups under Monocle
     * crosses other entries.)
     */
    static void menu(FxRobot robot, String... path) {
        MenuItem found = menuItem(robot, path);
        robot.interact(() -> {
            if (found instanceof RadioMenuItem radio) {
                radio.setSelected(true);
            } else if (found instanceof CheckMenuItem check) {
                check.setSelected(!check.isSelected());
            }
            found.fire();
        });
    }

    /** The menu entry at a path of labels. */
    static MenuItem menuItem(FxRobot robot, String... path) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        List<MenuItem> items = List.copyOf(bar.getMenus());
        MenuItem found = null;
        for (String entry : path) {
            List<MenuItem> among = items;
            found = among.stream().filter(i -> entry.equals(i.getText())).findFirst()
                    .orElseThrow(() -> new AssertionError("no menu entry " + entry + " in " + among));
            if (found instanceof Menu menu) {
                items = List.copyOf(menu.getItems());
            }
        }
        return found;
    }

    /** The labelled node with this text that is on screen now. */
    static Node shown(FxRobot robot, String text) {
        return robot.lookup((Node n) -> n instanceof Labeled l && text.equals(l.getText()) && n.getScene() != null
                && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing() && n.isVisible())
                .query();
    }

    /** The picture's scale as the window lays it out now (a layout pass first, as the next pulse would). */
    private double shownZoom(FxRobot robot) {
        Node content = robot.lookup(".main-window").query();
        robot.interact(() -> {
            content.getScene().getRoot().applyCss();
            content.getScene().getRoot().layout();
        });
        return content.getLocalToSceneTransform().getMxx();
    }

    @Test
    void whatTheUserChoseIsWhatTheNextStartShows(FxRobot robot) {
        assertThat(shownZoom(robot)).isEqualTo(1.0);
        shortcut(robot, KeyCode.EQUALS);
        shortcut(robot, KeyCode.P);
        shortcut(robot, KeyCode.K);
        menu(robot, "View", "Theme", "Dark");
        menu(robot, "View", "Language", "中文");
        double zoomed = window.options().getZoom();
        assertThat(zoomed).isGreaterThan(1.0);

        restart(robot);

        assertThat(window.options().getZoom()).isEqualTo(zoomed);
        assertThat(robot.lookup(".score").query().isVisible()).as("predict mode").isTrue();
        assertThat(stage.getScene().getStylesheets()).contains("/org/socketlab/ui/theme-dark.css");
        assertThat(robot.lookup(".lesson-title").queryAs(Label.class).getText()).doesNotContain("socket():")
                .isEqualTo(window.messages().lessonText(BuiltInLessons.threeStages().title()));
        assertThat(window.messages().getLocale().getLanguage()).isEqualTo("zh");
        robot.type(KeyCode.RIGHT, 2);
        assertThat(robot.lookup(".field-name").queryAllAs(Label.class)).extracting(Label::getText)
                .as("kernel view").contains("sk->sk_state");
    }

    @Test
    void aFourKScreenStartsWithBigTypeAndAZoomTheUserChoseWinsNextTime(FxRobot robot) {
        startingZoom = WindowPlacement.on(new Rectangle2D(0, 0, 3840, 2160)).zoom(); // 4K at 100 % scaling
        restart(robot);
        assertThat(window.options().getZoom()).isEqualTo(2.1);

        shortcut(robot, KeyCode.MINUS);
        shortcut(robot, KeyCode.MINUS);
        restart(robot);

        assertThat(window.options().getZoom()).as("remembered").isEqualTo(1.9);
    }

    @Test
    void resetSettingsForgetsThemAllForTheNextStart(FxRobot robot) {
        shortcut(robot, KeyCode.EQUALS);
        shortcut(robot, KeyCode.P);
        menu(robot, "View", "Theme", "High contrast");

        MenuItem reset = menuItem(robot, "View", "Reset settings...");
        Platform.runLater(reset::fire);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(shown(robot, "OK"));
        restart(robot);

        assertThat(shownZoom(robot)).isEqualTo(1.0);
        assertThat(robot.lookup(".score").query().isVisible()).isFalse();
        assertThat(stage.getScene().getStylesheets()).doesNotContain("/org/socketlab/ui/theme-contrast.css");
    }

    @Test
    void everyChangeReachesTheDiskButNeverFromTheFxThread(FxRobot robot) throws Exception {
        for (int i = 0; i < 5; i++) {
            shortcut(robot, KeyCode.EQUALS);
        }
        shortcut(robot, KeyCode.MINUS);
        double shown = window.options().getZoom();

        robot.interact(() -> settings.close(10));

        String fxThread = fxThreadName();
        assertThat(node.flushedBy).as("flushed at least once").isNotEmpty()
                .noneMatch(fxThread::equals);
        assertThat(node.flushed.get(RememberedSettings.ZOOM)).isEqualTo(Double.toString(shown));
    }

    private static String fxThreadName() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Thread.currentThread().getName()).get(10, TimeUnit.SECONDS);
    }

    /** Preferences in memory that note which thread flushed them, and what they held then. */
    private static final class MemoryPreferences extends AbstractPreferences {
        final Map<String, String> values = new ConcurrentHashMap<>();
        final Map<String, String> flushed = new ConcurrentHashMap<>();
        final List<String> flushedBy = new CopyOnWriteArrayList<>();

        MemoryPreferences() {
            super(null, "");
        }

        @Override
        protected void putSpi(String key, String value) {
            values.put(key, value);
        }

        @Override
        protected String getSpi(String key) {
            return values.get(key);
        }

        @Override
        protected void removeSpi(String key) {
            values.remove(key);
        }

        @Override
        protected void removeNodeSpi() {
            values.clear();
        }

        @Override
        protected String[] keysSpi() {
            return values.keySet().toArray(new String[0]);
        }

        @Override
        protected String[] childrenNamesSpi() {
            return new String[0];
        }

        @Override
        protected AbstractPreferences childSpi(String name) {
            throw new UnsupportedOperationException("no children");
        }

        @Override
        protected void syncSpi() {
            flushSpi();
        }

        @Override
        protected void flushSpi() {
            flushedBy.add(Thread.currentThread().getName());
            flushed.clear();
            flushed.putAll(values);
        }
    }
}
