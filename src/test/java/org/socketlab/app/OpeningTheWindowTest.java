// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.javafx.application.ParametersImpl;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Parent;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketlab.ui.theme.Themes;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Starting the app as a user does (docs/decisions/0007): the window shows at once in its theme's
 * colour with nothing on it, and its menus and picture come on the frames after.
 */
@ExtendWith(ApplicationExtension.class)
class OpeningTheWindowTest {
    private final SocketLabApp app = new SocketLabApp();
    private Stage stage;
    private Parent shownFirst;
    private boolean showingAtFirst;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ParametersImpl.registerParameters(app, new ParametersImpl(SocketLabApp.argumentsFor(Locale.ENGLISH)));
        app.start(stage);
        shownFirst = stage.getScene().getRoot();
        showingAtFirst = stage.isShowing();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(app::stop);
    }

    @Test
    void theWindowShowsBareInItsThemesColourThenGetsItsMenusAndPicture(FxRobot robot) throws TimeoutException {
        assertThat(showingAtFirst).isTrue();
        assertThat(stage.getTitle()).isEqualTo("Socket Lab");
        assertThat(shownFirst).isInstanceOf(Region.class);
        assertThat(shownFirst.getChildrenUnmodifiable()).isEmpty();
        assertThat(((Region) shownFirst).getBackground().getFills().get(0).getFill())
                .isIn(Themes.all().stream().map(t -> t.background()).toList());

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> stage.getScene().getRoot().lookup(".menu-bar") != null);
        WaitForAsyncUtils.waitForFxEvents();

        MenuBar menus = (MenuBar) stage.getScene().getRoot().lookup(".menu-bar");
        List<String> names = menus.getMenus().stream().map(Menu::getText).toList();
        assertThat(names).startsWith("File", "Lessons");
        assertThat(robot.lookup("Protocol stack").tryQuery()).isPresent();
        assertThat(stage.getScene().getStylesheets()).isNotEmpty();
    }

    /**
     * The editor is built the first time the user asks for it (docs/decisions/0007), and then works
     * as if it had always been there: the View menu opened for the first time shows its items, its
     * Editor item shows the lesson's file beside the picture, and what is typed there reaches the
     * picture's header.
     */
    @Test
    void theEditorComesTheFirstTimeItIsAskedForWithTheLessonsTextAndWorks(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> stage.getScene().getRoot().lookup(".menu-bar") != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".lesson-editor").tryQuery()).as("no editor in the window yet").isEmpty();

        robot.clickOn("View");
        robot.clickOn("Editor");
        WaitForAsyncUtils.waitForFxEvents();
        CodeArea editor = robot.lookup(".lesson-editor").queryAs(CodeArea.class);
        assertThat(editor.isVisible()).isTrue();
        // Beside a picture that keeps the 1000 px it is drawn for (MainWindow.defaultEditorDivider):
        // the editor gets the rest of the window as it opens here, about 240 px of text.
        assertThat(editor.getWidth()).as("beside the picture").isGreaterThan(200);
        assertThat(editor.getText()).startsWith("// title: socket()：三个阶段 | socket(): three stages\n")
                .contains("socket(AF_INET, SOCK_STREAM, 0);");
        assertThat(editor.isFocused()).as("the editor has the keyboard").isTrue();

        // A new title typed into the file's first line: the header shows it once the text compiles.
        robot.interact(() -> editor.replaceText(0, editor.getParagraph(0).length(), "// title: 第一课 | "));
        robot.write("My first lesson");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".lesson-title").queryLabeled().getText()
                .equals("My first lesson"));

        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".lesson-editor").tryQuery()).as("Ctrl+L hides it again").isEmpty();
    }
}
