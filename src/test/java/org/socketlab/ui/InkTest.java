// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Polyline;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Drawing on the picture while presenting: pen (four colours), highlighter, laser pointer, undo,
 * erase, pin; the next step clears what is not pinned; the keys do nothing outside a presentation.
 */
class InkTest extends WindowFixture {
    /** Draws a stroke across the diagram with whatever is held. */
    private void draw(FxRobot robot, double fromX, double toX) {
        Node diagram = robot.lookup(".diagram-stage").query();
        Bounds b = diagram.localToScreen(diagram.getLayoutBounds());
        double y = b.getMinY() + b.getHeight() / 2;
        robot.moveTo(new Point2D(b.getMinX() + b.getWidth() * fromX, y))
                .press(MouseButton.PRIMARY)
                .moveTo(new Point2D(b.getMinX() + b.getWidth() * (fromX + toX) / 2, y + 20))
                .moveTo(new Point2D(b.getMinX() + b.getWidth() * toX, y))
                .release(MouseButton.PRIMARY);
    }

    private int strokesShown(FxRobot robot) {
        return robot.lookup(".ink-layer").queryAs(Pane.class).getChildren().stream()
                .filter(n -> n instanceof Polyline && n.isVisible()).mapToInt(n -> 1).sum();
    }

    @Test
    void thePenDrawsInFourColoursAndTheNextStepClearsWhatIsNotPinned(FxRobot robot) {
        robot.type(KeyCode.F5);
        robot.type(KeyCode.P);
        draw(robot, 0.2, 0.5);
        robot.type(KeyCode.P); // P again: the next colour
        draw(robot, 0.3, 0.6);

        assertThat(strokesShown(robot)).isEqualTo(2);
        assertThat(window.ink().strokeColours()).containsExactly(Ink.PEN_COLOURS.get(0), Ink.PEN_COLOURS.get(1));
        Polyline first = robot.lookup(".ink-pen").queryAs(Polyline.class);
        assertThat(first.getPoints().size()).as("the stroke follows the mouse").isGreaterThanOrEqualTo(6);
        assertThat(first.isVisible() && first.getParent().isVisible()).isTrue();

        robot.type(KeyCode.K); // pin both
        robot.type(KeyCode.H);
        draw(robot, 0.1, 0.9);
        assertThat(robot.lookup(".ink-highlighter").tryQuery()).isPresent();
        assertThat(strokesShown(robot)).isEqualTo(3);

        robot.type(KeyCode.RIGHT);

        assertThat(player.getIndex()).isEqualTo(1);
        assertThat(strokesShown(robot)).as("the highlighter stroke was not pinned").isEqualTo(2);
        assertThat(robot.lookup(".ink-highlighter").tryQuery()).isEmpty();
    }

    @Test
    void undoTakesTheLastStrokeBackAndEErasesAll(FxRobot robot) {
        robot.type(KeyCode.F5);
        robot.type(KeyCode.P);
        draw(robot, 0.2, 0.4);
        draw(robot, 0.5, 0.7);
        draw(robot, 0.6, 0.8);

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        assertThat(strokesShown(robot)).isEqualTo(2);
        robot.type(KeyCode.BACK_SPACE);
        assertThat(strokesShown(robot)).isEqualTo(1);
        assertThat(player.getIndex()).as("Backspace takes ink back, not a step").isZero();

        draw(robot, 0.1, 0.3);
        robot.type(KeyCode.E);
        assertThat(strokesShown(robot)).isZero();
    }

    @Test
    void theLaserDotFollowsTheMouseAndDrawsNothing(FxRobot robot) {
        robot.type(KeyCode.F5);
        robot.type(KeyCode.L);
        Node diagram = robot.lookup(".diagram-stage").query();
        Bounds b = diagram.localToScreen(diagram.getLayoutBounds());
        Point2D target = new Point2D(b.getMinX() + 300, b.getMinY() + 200);

        robot.moveTo(target.add(5, 5)).moveTo(target);

        Node dot = robot.lookup(".ink-laser").query();
        assertThat(dot.isVisible()).isTrue();
        Bounds at = dot.localToScreen(dot.getBoundsInLocal());
        assertThat(at.getCenterX()).isCloseTo(target.getX(), org.assertj.core.data.Offset.offset(1.5));
        assertThat(at.getCenterY()).isCloseTo(target.getY(), org.assertj.core.data.Offset.offset(1.5));
        draw(robot, 0.2, 0.6);
        assertThat(strokesShown(robot)).isZero();

        robot.type(KeyCode.D);
        assertThat(dot.isVisible()).as("put down").isFalse();
        robot.clickOn("#step");
        assertThat(player.getIndex()).as("with the tool put down, the controls take clicks").isEqualTo(1);
    }

    @Test
    void inkKeysDoNothingOutsideAPresentationAndLeavingClearsTheInk(FxRobot robot) {
        robot.type(KeyCode.P);
        draw(robot, 0.2, 0.5);
        assertThat(strokesShown(robot)).isZero();
        assertThat(window.ink().toolProperty().get()).isEqualTo(Ink.Tool.NONE);

        robot.type(KeyCode.F5);
        robot.type(KeyCode.P);
        draw(robot, 0.2, 0.5);
        robot.type(KeyCode.K);
        assertThat(strokesShown(robot)).isEqualTo(1);
        robot.type(KeyCode.ESCAPE);

        assertThat(window.presentingProperty().get()).isFalse();
        assertThat(window.ink().strokeCountProperty().get()).isZero();
        assertThat(robot.lookup(".ink-layer").query().isVisible()).isFalse();
    }
}
