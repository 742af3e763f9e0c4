// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.common;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * How the window shows a lesson, as opposed to what it shows: the kernel view, the zoom, large
 * type for the narration. One instance per window; views read it and relabel when it changes.
 */
public final class ViewOptions {
    /** The smallest and largest zoom, 1 = 100%. */
    public static final double MIN_ZOOM = 0.5;
    public static final double MAX_ZOOM = 3.0;
    /** Each Ctrl+Plus / Ctrl+Minus changes the zoom by this much. */
    public static final double ZOOM_STEP = 0.1;

    private final BooleanProperty kernelView = new SimpleBooleanProperty(this, "kernelView");
    private final BooleanProperty largeType = new SimpleBooleanProperty(this, "largeType");
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1) {
        @Override
        public void set(double value) {
            super.set(clampZoom(value));
        }
    };

    /** Shows the Linux functions and field names under the metaphors. */
    public BooleanProperty kernelViewProperty() {
        return kernelView;
    }

    public boolean isKernelView() {
        return kernelView.get();
    }

    /** Bigger narration text for the back of the room. */
    public BooleanProperty largeTypeProperty() {
        return largeType;
    }

    /** The window's zoom, from {@link #MIN_ZOOM} to {@link #MAX_ZOOM}. */
    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public double getZoom() {
        return zoom.get();
    }

    /** One step bigger. */
    public void zoomIn() {
        zoom.set(Math.round((zoom.get() + ZOOM_STEP) * 10) / 10.0);
    }

    /** One step smaller. */
    public void zoomOut() {
        zoom.set(Math.round((zoom.get() - ZOOM_STEP) * 10) / 10.0);
    }

    /** Back to 100%. */
    public void resetZoom() {
        zoom.set(1);
    }

    static double clampZoom(double value) {
        if (Double.isNaN(value)) {
            return 1;
        }
        return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, value));
    }
}
