// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketlab.ui.common.ViewOptions;
import org.socketlab.ui.fit.FrameFit;
import org.socketlab.ui.fit.ZoomView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window shows its whole picture at any size, never with a scroll bar: down to 1024×700 at
 * full size, below that smaller and saying what it needs; zoomed, bigger but still whole; and
 * presenting, as a letterboxed slide.
 */
@ExtendWith(ApplicationExtension.class)
class WindowFitTest {
    private static final List<String> REGIONS = List.of(".application-card", ".stack-card", ".memory-card",
            ".cabinet-card", ".narration", ".control-block", ".code-panel", ".summary-table", ".player-controls",
            ".header");
    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = TestWindow.show(stage, TestWindow.threeStages(), Locale.ENGLISH);
    }

    @AfterEach
    void leaveFullScreen(FxRobot robot) {
        robot.interact(() -> stage.setFullScreen(false));
    }

    private void resize(FxRobot robot, double width, double height) {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
    }

    private static Bounds onScene(Node node) {
        return node.localToScene(node.getLayoutBounds());
    }

    private void assertWholePictureInside(FxRobot robot, Bounds frame) {
        for (String region : REGIONS) {
            Node node = robot.lookup(region).query();
            Bounds b = onScene(node);
            assertThat(b.getMinX()).as(region + " left in " + frame).isGreaterThanOrEqualTo(frame.getMinX() - 0.5);
            assertThat(b.getMinY()).as(region + " top").isGreaterThanOrEqualTo(frame.getMinY() - 0.5);
            assertThat(b.getMaxX()).as(region + " right").isLessThanOrEqualTo(frame.getMaxX() + 0.5);
            assertThat(b.getMaxY()).as(region + " bottom").isLessThanOrEqualTo(frame.getMaxY() + 0.5);
        }
        assertThat(robot.lookup(".scroll-bar").match(Node::isVisible).queryAll()).as("no scroll bar").isEmpty();
    }

    private Bounds sceneBounds() {
        return new BoundingBox(0, 0, stage.getScene().getWidth(), stage.getScene().getHeight());
    }

    @Test
    void at1024x700TheWholePictureShowsAtFullSize(FxRobot robot) {
        resize(robot, 1024, 700);

        assertThat(window.root().lookup(".too-small").isVisible()).isFalse();
        assertThat(robot.lookup(".zoom-view").queryAs(ZoomView.class).scale()).isEqualTo(1.0);
        assertWholePictureInside(robot, sceneBounds());
    }

    @Test
    void aSmallerWindowDrawsItSmallerAndSaysWhatItNeeds(FxRobot robot) {
        resize(robot, 800, 560);

        Label note = robot.lookup(".too-small").queryAs(Label.class);
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).contains("1000 × 660", "F11");
        assertThat(robot.lookup(".zoom-view").queryAs(ZoomView.class).scale()).isLessThan(1.0);
        assertWholePictureInside(robot, sceneBounds());
        Bounds noteOnScene = note.localToScene(note.getBoundsInLocal());
        Node menus = robot.lookup(".menu-bar").query();
        assertThat(noteOnScene.intersects(menus.localToScene(menus.getBoundsInLocal())))
                .as("the note covers none of the menus").isFalse();

        resize(robot, 1280, 800);
        assertThat(note.isVisible()).as("gone again when there is room").isFalse();
    }

    @Test
    void zoomGrowsTheTypeButTheWholePictureStaysInTheWindow(FxRobot robot) {
        Node narration = robot.lookup(".narration-text").query();
        double before = onScene(narration).getHeight();
        for (int i = 0; i < 25; i++) {
            robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        }

        assertThat(window.options().getZoom()).isEqualTo(ViewOptions.MAX_ZOOM);
        Label text = (Label) narration;
        double drawnFont = text.getFont().getSize() * robot.lookup(".zoom-view").queryAs(ZoomView.class).scale();
        assertThat(drawnFont).as("type drawn bigger").isGreaterThan(text.getFont().getSize() * 1.15);
        assertThat(before).isPositive();
        assertWholePictureInside(robot, sceneBounds());
    }

    @Test
    void presentingShowsTheWholePictureAsALetterboxedSlide(FxRobot robot) {
        robot.type(KeyCode.F11);
        double w = stage.getScene().getWidth();
        double h = stage.getScene().getHeight();
        FrameFit slide = FrameFit.slide(w, h, ZoomView.SLIDE_WIDTH, ZoomView.SLIDE_HEIGHT);

        Node content = robot.lookup(".main-window").query();
        Bounds drawn = onScene(content);
        assertThat(drawn.getMinX()).isCloseTo(slide.x(), org.assertj.core.api.Assertions.within(0.5));
        assertThat(drawn.getMinY()).isCloseTo(slide.y(), org.assertj.core.api.Assertions.within(0.5));
        assertThat(drawn.getWidth() / drawn.getHeight()).as("the slide's aspect")
                .isCloseTo(ZoomView.SLIDE_WIDTH / ZoomView.SLIDE_HEIGHT, org.assertj.core.api.Assertions.within(0.01));
        assertThat(Math.max(drawn.getWidth() - w, drawn.getHeight() - h)).as("fills one direction").isCloseTo(0,
                org.assertj.core.api.Assertions.within(0.5));
        List<String> shown = REGIONS.subList(0, REGIONS.size() - 1);
        for (String region : shown) {
            Bounds b = onScene(robot.lookup(region).query());
            assertThat(drawn.contains(b)).as(region + " inside the slide").isTrue();
        }
    }
}
