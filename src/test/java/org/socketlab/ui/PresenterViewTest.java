// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * With a projector, presenting puts the picture full screen there and a presenter window on the
 * laptop: current and next step, narration (both languages on demand), counter, clock, same keys.
 * With one screen, presenting stays as it was. The screens are fake bounds: the headless platform has one.
 */
class PresenterViewTest extends WindowFixture {
    // Both inside the headless platform's one 1600x1200 screen: Monocle paints nothing beyond it.
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 800, 1200);
    private static final Rectangle2D PROJECTOR = new Rectangle2D(800, 0, 800, 600);

    private Stage presenter() {
        return window.presentation().presenterWindow();
    }

    private String text(FxRobot robot, String selector) {
        return robot.from(presenter().getScene().getRoot()).lookup(selector).queryAs(Label.class).getText();
    }

    @Test
    void withAProjectorThePresenterSeesNowAndNextAndDrivesTheLessonFromTheLaptop(FxRobot robot) {
        AtomicLong nanos = new AtomicLong(5_000_000_000L);
        robot.interact(() -> {
            window.presentation().screens(() -> List.of(LAPTOP, PROJECTOR));
            window.useClock(nanos::get);
            stage.setX(100);
        });

        robot.type(KeyCode.F5);

        assertThat(presenter()).as("a presenter window").isNotNull();
        assertThat(presenter().isShowing()).isTrue();
        assertThat(new Rectangle2D(presenter().getX(), presenter().getY(), presenter().getWidth(),
                presenter().getHeight())).as("on the laptop").isEqualTo(LAPTOP);
        assertThat(stage.isFullScreen()).isTrue();
        assertThat(stage.getX()).as("the picture on the projector").isEqualTo(PROJECTOR.getMinX());
        assertThat(text(robot, ".presenter-position")).isEqualTo("Step 0 of 6");
        assertThat(text(robot, ".presenter-now .presenter-text")).contains("stdin, stdout and stderr");
        assertThat(text(robot, ".presenter-next .presenter-chip")).startsWith("Step 1: ");
        assertThat(text(robot, ".presenter-next .presenter-text")).contains("3,200 bytes");
        assertThat(text(robot, ".presenter-clock")).isEqualTo("0:00");
        PresenterView view = (PresenterView) presenter().getScene().getRoot();
        assertThat(view.nowPicture()).as("what the class sees").isNotNull();
        assertThat(view.nextPicture()).as("what comes next").isNotNull();
        assertThat(view.nowPicture().getWidth()).isGreaterThan(PresenterView.PICTURE_WIDTH);
        nanos.addAndGet(75_000_000_000L);
        robot.interact(view::tick);
        assertThat(text(robot, ".presenter-clock")).as("75 s after F5").isEqualTo("1:15");

        robot.targetWindow(presenter()).type(KeyCode.RIGHT);

        assertThat(player.getIndex()).as("the laptop's keys drive the lesson").isEqualTo(1);
        assertThat(text(robot, ".presenter-position")).isEqualTo("Step 1 of 6");
        assertThat(text(robot, ".presenter-now .presenter-text")).contains("3,200 bytes");

        robot.interact(() -> robot.from(presenter().getScene().getRoot()).lookup(".presenter-both")
                .queryAs(CheckBox.class).setSelected(true));
        Label other = robot.from(presenter().getScene().getRoot()).lookup(".presenter-now .presenter-text")
                .nth(1).queryAs(Label.class);
        assertThat(other.isVisible()).isTrue();
        assertThat(other.getText()).as("the narration in Chinese too").contains("3,200").containsPattern("\\p{IsHan}");

        robot.interact(() -> player.jumpTo(player.getCount() - 1));
        assertThat(text(robot, ".presenter-next .presenter-chip")).isEqualTo("End of the lesson");
        assertThat(view.nextPicture()).as("nothing comes after the last step").isNull();

        Stage laptop = presenter();
        robot.targetWindow(laptop).type(KeyCode.ESCAPE);

        assertThat(window.presentingProperty().get()).isFalse();
        assertThat(laptop.isShowing()).as("closed with the presentation").isFalse();
        assertThat(stage.getX()).as("the window is back where it was").isEqualTo(100);
    }

    @Test
    void withOneScreenPresentingIsFullScreenWithNoPresenterWindow(FxRobot robot) {
        robot.interact(() -> window.presentation().screens(() -> List.of(LAPTOP)));
        long windowsBefore = Window.getWindows().size();

        robot.type(KeyCode.F5);

        assertThat(stage.isFullScreen()).isTrue();
        assertThat(presenter()).isNull();
        assertThat(Window.getWindows()).hasSize((int) windowsBefore);
    }

    @Test
    void theClockShowsMinutesAndSeconds() {
        assertThat(PresenterView.elapsed(0)).isEqualTo("0:00");
        assertThat(PresenterView.elapsed(75)).isEqualTo("1:15");
        assertThat(PresenterView.elapsed(3 * 3600 + 62)).isEqualTo("3:01:02");
    }
}
