// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.fit;

import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * Holds a panel at bounds it is given, whatever the panel has to say: when the content needs
 * more height than there is, it is laid out larger and drawn smaller so that it fills exactly
 * the same rectangle. A long narration makes its type smaller for that step; it never moves or
 * resizes the panel, and nothing is cut off.
 */
public final class ShrinkToFit extends Region {
    /** The smallest the type gets before the rest is cut off instead. */
    static final double MIN_FACTOR = 0.5;
    private final Region content;
    private final Scale scale = new Scale(1, 1, 0, 0);

    public ShrinkToFit(Region content) {
        this.content = content;
        content.getTransforms().add(scale);
        // Managed, so that new content (the next step's narration) lays this out again.
        getChildren().add(content);
        getStyleClass().add("shrink-to-fit");
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        return content.prefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        double height = getHeight();
        if (width <= 0 || height <= 0) {
            return;
        }
        double factor = 1;
        if (!fits(width, height, 1)) {
            // The largest factor that fits: wrapping text gets shorter as it gets wider, so
            // search rather than divide.
            double low = MIN_FACTOR;
            double high = 1;
            for (int i = 0; i < 12; i++) {
                double mid = (low + high) / 2;
                if (fits(width, height, mid)) {
                    low = mid;
                } else {
                    high = mid;
                }
            }
            factor = low;
        }
        content.resizeRelocate(0, 0, width / factor, height / factor);
        scale.setX(factor);
        scale.setY(factor);
    }

    private boolean fits(double width, double height, double factor) {
        double w = width / factor;
        return content.minWidth(-1) <= w + 0.5 && content.prefHeight(w) <= height / factor + 0.5;
    }

    /** How much smaller the content is drawn now (1 when it fits). */
    public double factor() {
        return scale.getX();
    }
}
