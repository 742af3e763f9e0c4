// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.socketlab.ui.fit.FrameFit;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The window opens inside the screen's visible bounds, taking a sensible share of it, whatever the screen. */
@ExtendWith(ApplicationExtension.class)
class WindowPlacementTest {
    @ParameterizedTest(name = "visible {0},{1} {2}x{3}")
    @CsvSource({
            "0, 0, 1920, 1040, 1536, 832, 1.0",    // a 1920x1080 laptop with a 40 px task bar: 80 %
            "0, 0, 1280, 680, 1280, 680, 1.0",     // a 1280x720 projector with a 40 px task bar: all of it
            "0, 0, 1366, 768, 1280, 768, 1.0",     // a 1366x768 laptop: the picture's width, all the height
            "0, 27, 1024, 741, 1024, 741, 1.0",    // a 1024x768 screen with a menu bar on top
            "1920, 0, 1280, 1024, 1280, 819, 1.0", // the second of two screens
            "0, 0, 3840, 2160, 3072, 1728, 2.1",   // a 4K monitor at 100 %: not a postage stamp, and big type
            "0, 0, 3840, 2120, 3072, 1696, 2.1",   // the same with a task bar
            "0, 0, 2560, 1440, 2048, 1152, 1.4",   // a 4K monitor at 150 % (or a 1440p one at 100 %)
            "0, 0, 1920, 1080, 1536, 864, 1.0",    // a 4K monitor at 200 %: the system scales it already
            "0, 0, 7680, 4320, 6144, 3456, 3.0",   // 8K at 100 %: as far as the zoom goes
            "0, 0, 800, 600, 800, 600, 1.0"})
    void opensInsideTheVisibleBoundsAtAZoomThatKeepsTypeReadable(double x, double y, double w, double h,
                                                                 double width, double height, double zoom) {
        Rectangle2D visible = new Rectangle2D(x, y, w, h);

        WindowPlacement placement = WindowPlacement.on(visible);

        assertThat(placement.bounds().getWidth()).isEqualTo(width);
        assertThat(placement.bounds().getHeight()).isEqualTo(height);
        assertThat(visible.contains(placement.bounds())).as(placement.bounds() + " inside " + visible).isTrue();
        assertThat(placement.minWidth()).isLessThanOrEqualTo(w);
        assertThat(placement.minHeight()).isLessThanOrEqualTo(h);
        assertThat(placement.zoom()).isEqualTo(zoom);
        FrameFit fit = FrameFit.window(width, height, placement.zoom(), MainWindow.MIN_CONTENT_WIDTH,
                MainWindow.MIN_CONTENT_HEIGHT);
        if (width >= MainWindow.MIN_CONTENT_WIDTH && height >= MainWindow.MIN_CONTENT_HEIGHT) {
            assertThat(fit.scale()).as("the picture is drawn at the zoom, not shrunk").isEqualTo(zoom);
        }
    }

    /**
     * Under openbox (and other real window managers) JavaFX 21's GTK window first comes up at its
     * minimum size; the placement gives the size again once the window is on screen.
     */
    @Test
    void keepsItsSizeWhenTheWindowManagerShrinksTheNewWindow(FxRobot robot) {
        WindowPlacement placement = WindowPlacement.on(new Rectangle2D(0, 0, 1600, 1160));
        Stage[] shown = new Stage[1];
        robot.interact(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane()));
            placement.applyTo(stage);
            stage.addEventHandler(WindowEvent.WINDOW_SHOWN, event -> {
                stage.setWidth(stage.getMinWidth()); // what the window manager did
                stage.setHeight(stage.getMinHeight());
            });
            stage.show();
            shown[0] = stage;
        });
        WaitForAsyncUtils.waitForFxEvents();

        try {
            assertThat(shown[0].getWidth()).isEqualTo(placement.bounds().getWidth());
            assertThat(shown[0].getHeight()).isEqualTo(placement.bounds().getHeight());
            assertThat(shown[0].getX()).isEqualTo(placement.bounds().getMinX());
            assertThat(shown[0].getY()).isEqualTo(placement.bounds().getMinY());
            assertThat(shown[0].getMinWidth()).isEqualTo(WindowPlacement.MIN_WIDTH);
        } finally {
            robot.interact(shown[0]::hide);
        }
    }
}
