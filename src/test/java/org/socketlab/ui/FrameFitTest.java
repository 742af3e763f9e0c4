// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.socketlab.ui.fit.FrameFit;
import org.socketlab.ui.fit.ZoomView;

/** The geometry of the window's frame: fill at the zoom, shrink to fit, letterbox a slide. */
class FrameFitTest {
    private static final double MIN_W = MainWindow.MIN_CONTENT_WIDTH;
    private static final double MIN_H = MainWindow.MIN_CONTENT_HEIGHT;

    @ParameterizedTest(name = "{0}x{1} at zoom {2}")
    @CsvSource({
            "1024, 700, 1.0", "1280, 720, 1.0", "1280, 800, 1.1", "1920, 1080, 1.5", "1280, 800, 3.0",
            "900, 600, 1.0", "640, 480, 0.5", "3840, 2160, 2.0", "1024, 660, 1.0"})
    void theWindowsPictureFillsTheFrameExactlyAndNeverBelowItsMinimum(double w, double h, double zoom) {
        FrameFit fit = FrameFit.window(w, h, zoom, MIN_W, MIN_H);

        assertThat(fit.x()).isZero();
        assertThat(fit.y()).isZero();
        assertThat(fit.layoutWidth() * fit.scale()).as("fills the width").isCloseTo(w, within(1e-6));
        assertThat(fit.layoutHeight() * fit.scale()).as("fills the height").isCloseTo(h, within(1e-6));
        assertThat(fit.layoutWidth()).as("never narrower than it needs").isGreaterThanOrEqualTo(MIN_W - 1e-6);
        assertThat(fit.layoutHeight()).as("never lower than it needs").isGreaterThanOrEqualTo(MIN_H - 1e-6);
        assertThat(fit.scale()).as("the zoom, or less where it does not fit").isLessThanOrEqualTo(zoom);
    }

    @ParameterizedTest(name = "{0}x{1} at zoom {2} is drawn at {3}")
    @CsvSource({"1024, 700, 1.0, 1.0", "1280, 800, 1.2, 1.2", "1280, 800, 3.0, 1.2121212121", "900, 600, 1.0, 0.9",
            "3840, 2160, 3.0, 3.0"})
    void theZoomGrowsThePictureUntilItWouldNoLongerFit(double w, double h, double zoom, double scale) {
        assertThat(FrameFit.window(w, h, zoom, MIN_W, MIN_H).scale()).isCloseTo(scale, within(1e-6));
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1024, 700, false", "1280, 720, false", "1022, 700, false", "990, 700, true", "1280, 640, true"})
    void aFrameSmallerThanThePictureNeedsDrawsItSmaller(double w, double h, boolean shrunk) {
        assertThat(FrameFit.window(w, h, 1, MIN_W, MIN_H).shrunk()).isEqualTo(shrunk);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({
            // screen in logical pixels (a 4K screen at 200 % is 1920x1080), expected scale, bars
            "1024, 768, 0.8, 0, 64",
            "1280, 720, 0.9, 64, 0",
            "1280, 800, 1.0, 0, 0",
            "1920, 1080, 1.35, 96, 0",
            "1920, 1200, 1.5, 0, 0",
            "2560, 1440, 1.8, 128, 0",
            "3840, 2160, 2.7, 192, 0",
            "1366, 768, 0.96, 68.6, 0"})
    void aSlideKeepsItsAspectCentredWithBars(double w, double h, double scale, double barX, double barY) {
        FrameFit fit = FrameFit.slide(w, h, ZoomView.SLIDE_WIDTH, ZoomView.SLIDE_HEIGHT);

        assertThat(fit.scale()).isCloseTo(scale, within(1e-9));
        assertThat(fit.layoutWidth()).as("laid out at its design size").isEqualTo(ZoomView.SLIDE_WIDTH);
        assertThat(fit.layoutHeight()).isEqualTo(ZoomView.SLIDE_HEIGHT);
        assertThat(fit.x()).isCloseTo(barX, within(1e-9));
        assertThat(fit.y()).isCloseTo(barY, within(1e-9));
        assertThat(fit.x() * 2 + fit.layoutWidth() * fit.scale()).isCloseTo(w, within(1e-9));
        assertThat(fit.y() * 2 + fit.layoutHeight() * fit.scale()).isCloseTo(h, within(1e-9));
    }
}
