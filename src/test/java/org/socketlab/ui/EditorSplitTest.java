// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketlab.ui.editor.EditorView;
import org.socketlab.ui.fit.ZoomView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The editor stands beside the picture in a split: opened in a 1280 px window it leaves the picture
 * the width it is drawn for (no "too small" note, nothing drawn smaller); the user drags the
 * divider, and it stays where it was left.
 */
@ExtendWith(ApplicationExtension.class)
class EditorSplitTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.show(stage, TestWindow.threeStages(), Locale.ENGLISH);
    }

    private static void ctrlL(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void openingTheEditorAt1280LeavesThePictureFullSize(FxRobot robot) {
        Node picture = robot.lookup(".zoom-view").query();
        assertThat(picture.getLayoutBounds().getWidth()).as("the window is 1280 wide").isEqualTo(1280.0);

        ctrlL(robot);

        EditorView editor = window.editor();
        assertThat(editor.isVisible() && editor.getScene() != null).as("the editor is shown").isTrue();
        assertThat(editor.getWidth()).as("the editor has the rest of the width").isBetween(250.0, 290.0);
        assertThat(picture.getLayoutBounds().getWidth()).as("the picture's width")
                .isGreaterThanOrEqualTo(MainWindow.MIN_CONTENT_WIDTH);
        assertThat(robot.lookup(".zoom-view").queryAs(ZoomView.class).scale()).as("drawn at full size").isEqualTo(1.0);
        assertThat(window.root().lookup(".too-small").isVisible()).as("no 'too small' note").isFalse();
    }

    @Test
    void draggingTheDividerWidensTheEditorAndItStaysThereWhenShownAgain(FxRobot robot) {
        ctrlL(robot);
        EditorView editor = window.editor();
        double before = editor.getWidth();
        double start = window.editorSplit().getDividerPositions()[0];
        Node divider = robot.lookup(".editor-split .split-pane-divider").query();
        Bounds b = divider.localToScreen(divider.getBoundsInLocal());
        robot.drag(b.getCenterX(), b.getCenterY()).dropTo(new Point2D(b.getCenterX() - 200,
                b.getCenterY()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(editor.getWidth()).as("dragged 200 px to the left").isCloseTo(before + 200, within(12.0));
        double position = window.editorDividerProperty().get();
        assertThat(position).isCloseTo(start - 200.0 / 1280, within(0.02));

        ctrlL(robot);
        assertThat(window.editorSplit().getItems()).doesNotContain(editor);
        ctrlL(robot);
        assertThat(window.editorSplit().getDividerPositions()[0]).isCloseTo(position, within(0.01));
        assertThat(editor.getWidth()).isCloseTo(before + 200, within(12.0));
    }
}
