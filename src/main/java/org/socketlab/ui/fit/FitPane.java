// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.fit;

import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * Gives its content all the space there is, and when that is less than its design size, shows
 * it uniformly smaller instead of cutting it off or pushing what is below out of sight. The
 * scale depends on the space alone, never on what the content shows, so the picture holds
 * still from step to step. JavaFX draws text and shapes as vectors: the smaller picture stays
 * sharp.
 */
public final class FitPane extends Region {
    private final Region content;
    private final double designWidth;
    private final double designHeight;
    private final Scale scale = new Scale(1, 1, 0, 0);

    public FitPane(Region content, double designWidth, double designHeight) {
        this.content = content;
        this.designWidth = designWidth;
        this.designHeight = designHeight;
        content.getTransforms().add(scale);
        content.setManaged(false);
        getChildren().add(content);
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
        return designWidth;
    }

    @Override
    protected double computePrefHeight(double width) {
        return designHeight;
    }

    @Override
    protected void layoutChildren() {
        double width = Math.max(1, getWidth());
        double height = Math.max(1, getHeight());
        double factor = Math.min(1, Math.min(width / designWidth, height / designHeight));
        double w = width / factor;
        double h = height / factor;
        content.resizeRelocate((width - w * factor) / 2, 0, w, h);
        scale.setX(factor);
        scale.setY(factor);
    }
}
