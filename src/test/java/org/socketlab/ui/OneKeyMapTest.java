// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.socketlab.ui.editor.EditorView;
import org.socketlab.ui.fit.ZoomView;
import org.testfx.api.FxRobot;

/**
 * Every key is declared once: a menu item's accelerator (MainMenus) or the window's table of keys
 * that have no menu item (WindowKeys). Driven as a user types them, the window shows one effect per key,
 * in the window, while typing in the editor, while presenting and in the presenter window.
 */
class OneKeyMapTest extends WindowFixture {
    private double zoomScale(FxRobot robot) {
        return robot.lookup(".zoom-view").queryAs(ZoomView.class).scale();
    }

    @Test
    void ctrlPlusZoomsOneStepAndTheMenuShowsThatKey(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.PLUS).release(KeyCode.PLUS, KeyCode.CONTROL);

        assertThat(window.options().getZoom()).as("one step, not two").isEqualTo(1.1);
        assertThat(zoomScale(robot)).isEqualTo(1.1);

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);

        assertThat(zoomScale(robot)).isEqualTo(1.0);
    }

    @Test
    void ctrlEqualsZoomsAlsoWhileTypingInTheEditorAndTypesNothing(FxRobot robot) {
        robot.interact(() -> window.newLesson("tcp-server"));
        EditorView editor = window.editor();
        robot.interact(editor::focusEditor);
        String text = editor.area().getText();
        assertThat(editor.isTyping()).isTrue();

        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);

        assertThat(window.options().getZoom()).as("Ctrl+= zooms wherever the keyboard is").isEqualTo(1.1);
        robot.press(KeyCode.CONTROL, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.CONTROL);
        assertThat(window.options().getZoom()).isEqualTo(1.0);
        robot.press(KeyCode.CONTROL, KeyCode.ADD).release(KeyCode.ADD, KeyCode.CONTROL);
        assertThat(window.options().getZoom()).isEqualTo(1.1);
        assertThat(editor.area().getText()).as("the editor typed nothing").isEqualTo(text);
        robot.type(KeyCode.RIGHT);
        assertThat(player.getIndex()).as("arrows move the editor's caret, not the lesson").isZero();
    }

    @Test
    void f11EntersAndLeavesThePresentationWhileItsMenuBarIsHidden(FxRobot robot) {
        Node header = robot.lookup(".header").query();

        robot.type(KeyCode.F11);

        assertThat(stage.isFullScreen()).isTrue();
        assertThat(header.isVisible()).as("the menus are hidden").isFalse();
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        assertThat(zoomScale(robot)).as("zoom works while presenting").isGreaterThan(1.0);

        robot.type(KeyCode.F11);

        assertThat(stage.isFullScreen()).isFalse();
        assertThat(window.presentingProperty().get()).isFalse();
        assertThat(header.isVisible()).isTrue();
    }

    @Test
    void thePresenterWindowAnswersTheMenusKeysToo(FxRobot robot) {
        robot.interact(() -> window.presentation().screens(() -> List.of(new Rectangle2D(0, 0, 800, 1200),
                new Rectangle2D(800, 0, 800, 600))));
        robot.type(KeyCode.F11);
        Stage presenter = window.presentation().presenterWindow();
        assertThat(presenter).isNotNull();

        robot.targetWindow(presenter).press(KeyCode.CONTROL, KeyCode.PLUS).release(KeyCode.PLUS, KeyCode.CONTROL);
        assertThat(window.options().getZoom()).as("Ctrl+Plus from the laptop").isEqualTo(1.1);
        robot.targetWindow(presenter).type(KeyCode.PAGE_DOWN);
        assertThat(player.getIndex()).as("the clicker from the laptop").isEqualTo(1);
        robot.targetWindow(presenter).type(KeyCode.F11);

        assertThat(window.presentingProperty().get()).as("F11 from the laptop ends the presentation").isFalse();
        assertThat(stage.isFullScreen()).isFalse();
        assertThat(robot.lookup(".header").queryAs(Node.class).isVisible()).isTrue();
        assertThat(robot.lookup(".lesson-title").queryAs(Label.class).isVisible()).isTrue();
    }
}
