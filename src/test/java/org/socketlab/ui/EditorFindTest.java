// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketlab.player.Player;
import org.socketlab.ui.editor.EditorView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Find in the editor: Ctrl+F, the matches highlighted, Enter / Shift+Enter to the next / previous, Esc closes. */
@ExtendWith(ApplicationExtension.class)
class EditorFindTest {
    private Player player;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        player = TestWindow.threeStages();
        window = TestWindow.show(stage, player, Locale.ENGLISH);
    }

    private EditorView editorWithTcpServer(FxRobot robot) {
        robot.interact(() -> window.newLesson("tcp-server"));
        EditorView editor = window.editor();
        robot.interact(() -> editor.area().moveTo(0));
        return editor;
    }

    private static int occurrences(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }

    private static void ctrlF(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void ctrlFFindsHighlightsAndStepsThroughEveryPlaceAndEscClosesIt(FxRobot robot) {
        EditorView editor = editorWithTcpServer(robot);
        String text = editor.area().getText();
        int sockets = occurrences(text, "socket(");
        assertThat(sockets).isGreaterThan(1);

        ctrlF(robot);
        assertThat(robot.lookup(".find-field").query().isFocused()).isTrue();
        robot.write("socket(");
        int first = text.indexOf("socket(");
        assertThat(editor.area().getSelection().getStart()).isEqualTo(first);
        assertThat(editor.findCountText()).isEqualTo("1 of " + sockets);
        assertThat(editor.area().getStyleOfChar(first + 1)).contains("find-match");
        int step = player.getIndex();

        robot.type(KeyCode.ENTER);
        int second = text.indexOf("socket(", first + 1);
        assertThat(editor.area().getSelection().getStart()).isEqualTo(second);
        assertThat(editor.findCountText()).isEqualTo("2 of " + sockets);
        robot.press(KeyCode.SHIFT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHIFT);
        assertThat(editor.area().getSelection().getStart()).isEqualTo(first);
        robot.press(KeyCode.SHIFT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHIFT);
        assertThat(editor.findCountText()).as("round the start to the last").isEqualTo(sockets + " of " + sockets);
        robot.type(KeyCode.SPACE, KeyCode.BACK_SPACE, KeyCode.RIGHT);
        assertThat(player.getIndex()).as("keys typed in the find field leave the player alone").isEqualTo(step);

        robot.type(KeyCode.ESCAPE);
        assertThat(editor.isFindOpen()).isFalse();
        assertThat(robot.lookup(".find-bar").query().isVisible()).isFalse();
        assertThat(editor.area().isFocused()).as("Esc gives the text the keyboard back").isTrue();
        assertThat(editor.area().getStyleOfChar(first + 1)).doesNotContain("find-match");
        assertThat(editor.area().getText()).isEqualTo(text);
    }

    @Test
    void aWordNotThereSaysSoInBothLanguages(FxRobot robot) {
        editorWithTcpServer(robot);
        ctrlF(robot);
        robot.write("sockt");
        assertThat(window.editor().findCountText()).isEqualTo("Not found");
        robot.interact(() -> window.messages().localeProperty().set(Locale.CHINESE));
        robot.write("x");
        assertThat(window.editor().findCountText()).isEqualTo("没有找到");
        assertThat(robot.lookup(".find-close").queryButton().getText()).isEqualTo("关闭");
    }
}
