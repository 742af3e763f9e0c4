// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import org.junit.jupiter.api.Test;
import org.socketlab.kernel.ControlBlock;
import org.socketlab.ui.cabinet.ControlBlockView;
import org.socketlab.ui.common.ViewOptions;
import org.socketlab.ui.fit.ZoomView;
import org.socketlab.ui.theme.Css;
import org.socketlab.ui.theme.Themes;
import org.testfx.api.FxRobot;

/** The keys an instructor uses in front of a class: zoom, presentation, blank, kernel view. */
class ClassroomKeysTest extends WindowFixture {
    private static void shortcut(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
    }

    private double zoomScale(FxRobot robot) {
        return robot.lookup(".zoom-view").queryAs(ZoomView.class).scale();
    }

    @Test
    void ctrlPlusMinusAndZeroZoomTheWholeWindowBetweenHalfAndThreeTimes(FxRobot robot) {
        shortcut(robot, KeyCode.EQUALS);
        shortcut(robot, KeyCode.ADD);
        assertThat(window.options().getZoom()).isEqualTo(1.2);
        assertThat(zoomScale(robot)).isEqualTo(1.2);
        Node title = robot.lookup(".lesson-title").query();
        assertThat(title.localToScene(title.getLayoutBounds()).getHeight())
                .as("drawn bigger").isGreaterThan(title.getLayoutBounds().getHeight() * 1.19);

        shortcut(robot, KeyCode.DIGIT0);
        assertThat(zoomScale(robot)).isEqualTo(1.0);
        robot.interact(() -> window.options().zoomProperty().set(0.6));
        shortcut(robot, KeyCode.MINUS);
        shortcut(robot, KeyCode.SUBTRACT);
        assertThat(window.options().getZoom()).as("never below 50%").isEqualTo(ViewOptions.MIN_ZOOM);
        robot.interact(() -> window.options().zoomProperty().set(2.9));
        shortcut(robot, KeyCode.EQUALS);
        shortcut(robot, KeyCode.EQUALS);
        assertThat(window.options().getZoom()).as("never above 300%").isEqualTo(ViewOptions.MAX_ZOOM);
        assertThat(zoomScale(robot)).as("as big as fits in the 1280x800 window")
                .isEqualTo(800 / MainWindow.MIN_CONTENT_HEIGHT);
        assertThat(player.getIndex()).as("zoom keys never step").isZero();
    }

    @Test
    void f11PresentsFullScreenWithoutMenusAndEscLeaves(FxRobot robot) {
        Node header = robot.lookup(".header").query();

        robot.type(KeyCode.F11);

        assertThat(window.presentingProperty().get()).isTrue();
        assertThat(stage.isFullScreen()).isTrue();
        assertThat(header.isVisible()).isFalse();
        robot.type(KeyCode.PAGE_DOWN, 2);
        assertThat(player.getIndex()).as("the clicker still steps").isEqualTo(2);

        robot.type(KeyCode.ESCAPE);

        assertThat(window.presentingProperty().get()).isFalse();
        assertThat(stage.isFullScreen()).isFalse();
        assertThat(header.isVisible()).isTrue();
    }

    @Test
    void bBlanksTheScreenAndBringsItBack(FxRobot robot) {
        robot.type(KeyCode.F5);
        Node blank = robot.lookup(".blank-screen").query();

        robot.type(KeyCode.B);
        assertThat(blank.isVisible()).isTrue();
        robot.type(KeyCode.B);
        assertThat(blank.isVisible()).isFalse();
        robot.type(KeyCode.B);
        robot.type(KeyCode.ESCAPE);
        assertThat(blank.isVisible()).as("leaving the presentation lifts the curtain").isFalse();
    }

    @Test
    void aThemeIsAStylesheetOverTheSameLooks(FxRobot robot) {
        robot.interact(() -> window.themeProperty().set(Themes.DARK));

        assertThat(stage.getScene().getStylesheets()).containsExactly(Css.STYLESHEET, "/org/socketlab/ui/theme-dark.css");
        Region card = robot.lookup(".cabinet-card").queryAs(Region.class);
        Paint fill = card.getBackground().getFills().get(0).getFill();
        assertThat(fill).as("the cards turn dark").isEqualTo(Color.web("#1d212b"));

        robot.interact(() -> window.themeProperty().set(Themes.CONTRAST));
        assertThat(stage.getScene().getStylesheets()).containsExactly(Css.STYLESHEET,
                "/org/socketlab/ui/theme-contrast.css");
    }

    @Test
    void theKernelViewNamesTheFieldsAsLinuxDoes(FxRobot robot) {
        robot.type(KeyCode.RIGHT, 2);
        ControlBlockView form = robot.lookup(".control-block").queryAs(ControlBlockView.class);

        shortcut(robot, KeyCode.K);

        assertThat(robot.lookup(".field-name").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("sk->sk_state", "sock->state", "sk->sk_sndbuf");
        assertThat(form.value(ControlBlock.Field.TCP_STATE).getText()).isEqualTo("TCP_CLOSE");
        assertThat(robot.lookup(".narration-kernel").queryAs(Label.class).getText())
                .contains("sock_init_data()").contains("SS_UNCONNECTED");
        shortcut(robot, KeyCode.K);
        assertThat(robot.lookup(".narration-kernel").queryAs(Label.class).isVisible()).isFalse();
    }
}
