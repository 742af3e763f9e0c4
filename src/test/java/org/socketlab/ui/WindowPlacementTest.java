// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The window opens inside the screen's visible bounds, whatever the screen. */
class WindowPlacementTest {
    @ParameterizedTest(name = "visible {0},{1} {2}x{3}")
    @CsvSource({
            "0, 0, 1920, 1040, 1280, 800",
            "0, 0, 1280, 680, 1280, 680",    // a 1280x720 projector with a 40 px task bar
            "0, 27, 1024, 741, 1024, 741",   // a 1024x768 screen with a menu bar on top
            "1920, 0, 1280, 1024, 1280, 800", // the second of two screens
            "0, 0, 800, 600, 800, 600"})
    void opensInsideTheVisibleBounds(double x, double y, double w, double h, double width, double height) {
        Rectangle2D visible = new Rectangle2D(x, y, w, h);

        WindowPlacement placement = WindowPlacement.on(visible);

        assertThat(placement.bounds().getWidth()).isEqualTo(width);
        assertThat(placement.bounds().getHeight()).isEqualTo(height);
        assertThat(visible.contains(placement.bounds())).as(placement.bounds() + " inside " + visible).isTrue();
        assertThat(placement.minWidth()).isLessThanOrEqualTo(w);
        assertThat(placement.minHeight()).isLessThanOrEqualTo(h);
    }
}
