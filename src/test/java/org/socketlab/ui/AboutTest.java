// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketlab.lesson.loading.BuiltInLessons;
import org.socketlab.player.Player;
import org.socketlab.ui.common.Version;
import org.socketlab.ui.dialogs.About;
import org.socketlab.ui.language.Messages;
import org.socketlab.ui.theme.Css;
import org.socketlab.ui.theme.Fonts;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;

/**
 * Help &gt; About says what to quote when asking for help: the version, the Java and JavaFX this
 * run uses, and the file the settings are in — in the window's language.
 */
@ExtendWith(ApplicationExtension.class)
class AboutTest {
    private Messages messages;

    @Start
    void start(Stage stage) {
        Fonts.load();
        Player player = new Player(BuiltInLessons.threeStages());
        player.setSpeed(Player.INSTANT);
        messages = new Messages(Locale.ENGLISH);
        MainWindow window = new MainWindow(player, messages, new MainWindow.Actions(w -> { }, () -> { }));
        Scene scene = new Scene(window.root(), 1280, 800);
        scene.getStylesheets().add(Css.STYLESHEET);
        window.attach(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeDialogs(FxRobot robot) {
        robot.interact(() -> Window.getWindows().stream().filter(w -> w.getScene().getRoot() instanceof DialogPane)
                .collect(Collectors.toList()).forEach(Window::hide));
    }

    private static DialogPane openAbout(FxRobot robot, String help, String about) {
        robot.clickOn(LabeledMatchers.hasText(help));
        robot.clickOn(LabeledMatchers.hasText(about));
        return robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    }

    private static String fact(FxRobot robot, String styleClass) {
        return robot.lookup(".about-facts ." + styleClass).queryAs(Label.class).getText();
    }

    @Test
    void helpAboutShowsTheVersionJavaJavaFxAndTheSettingsFile(FxRobot robot) {
        DialogPane about = openAbout(robot, "Help", "About Socket Lab");

        assertThat(about.getHeaderText()).isEqualTo("Socket Lab " + Version.current());
        assertThat(fact(robot, "about-java")).isEqualTo("Java " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vendor") + "), in " + System.getProperty("java.home"));
        assertThat(fact(robot, "about-javafx")).isEqualTo("JavaFX " + System.getProperty("javafx.runtime.version"));
        // The build keeps the tests' settings in target/test-prefs (java.util.prefs.userRoot).
        assertThat(fact(robot, "about-settings")).isEqualTo("Settings are kept in "
                + Path.of(System.getProperty("java.util.prefs.userRoot"), ".java", ".userPrefs", "org", "socketlab",
                "prefs.xml"));
    }

    @Test
    void inChineseTheDialogSpeaksChinese(FxRobot robot) {
        robot.interact(() -> messages.localeProperty().set(Locale.CHINESE));

        DialogPane about = openAbout(robot, "帮助", "关于 Socket Lab");

        assertThat(about.getHeaderText()).isEqualTo("Socket Lab " + Version.current());
        assertThat(fact(robot, "about-java")).startsWith("Java " + System.getProperty("java.version") + "（")
                .endsWith("位于 " + System.getProperty("java.home"));
        assertThat(fact(robot, "about-settings")).startsWith("设置保存在 ").endsWith("prefs.xml");
    }

    @Test
    void theStoreIsTheOneTheJdkPicksForTheSystemOrTheFactoryChosenByProperty() {
        assertThat(About.store(null, "Linux")).isEqualTo("java.util.prefs.FileSystemPreferences");
        assertThat(About.store(null, "Windows 11")).isEqualTo("java.util.prefs.WindowsPreferences");
        assertThat(About.store(null, "Mac OS X")).isEqualTo("java.util.prefs.MacOSXPreferences");
        assertThat(About.store("java.util.prefs.FileSystemPreferencesFactory", "Windows 11"))
                .isEqualTo("java.util.prefs.FileSystemPreferences");
    }

    @Test
    void eachSystemsStoreIsNamedAsItsUsersFindIt() {
        assertThat(About.settingsLocation("java.util.prefs.WindowsPreferences", "/org/socketlab", "C:\\Users\\li",
                "C:\\Users\\li", "\\")).isEqualTo("HKEY_CURRENT_USER\\Software\\JavaSoft\\Prefs\\org\\socketlab");
        assertThat(About.settingsLocation("java.util.prefs.MacOSXPreferences", "/org/socketlab", "/Users/li",
                "/Users/li", "/")).isEqualTo("/Users/li/Library/Preferences/com.apple.java.util.prefs.plist (/org/socketlab)");
        assertThat(About.settingsLocation("java.util.prefs.FileSystemPreferences", "/org/socketlab", "/home/li",
                "/home/li", "/")).isEqualTo("/home/li/.java/.userPrefs/org/socketlab/prefs.xml");
    }

    @Test
    void versionPrintsTheSameFactsOneALine() {
        About about = About.current();
        List<String> lines = about.lines(new Messages(Locale.ENGLISH));

        assertThat(lines).containsExactly("Socket Lab " + Version.current(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), in "
                        + System.getProperty("java.home"),
                "JavaFX " + System.getProperty("javafx.runtime.version"), about.settingsLine(new Messages(Locale.ENGLISH)));
        assertThat(Set.copyOf(about.lines(new Messages(Locale.CHINESE)))).contains("设置保存在 " + about.settings());
    }
}
