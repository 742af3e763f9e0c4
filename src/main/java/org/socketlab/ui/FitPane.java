// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * Gives its content all the space there is, and when that is less than the content needs,
 * shows it uniformly smaller instead of cutting it off or pushing what is below out of sight.
 * JavaFX draws text and shapes as vectors, so the smaller picture stays sharp.
 */
final class FitPane extends Region {
    private final Region content;
    private final Scale scale = new Scale(1, 1, 0, 0);

    FitPane(Region content) {
        this.content = content;
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
        return content.prefWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        return content.prefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double width = Math.max(1, getWidth());
        double height = Math.max(1, getHeight());
        double w = Math.max(width, content.minWidth(-1));
        // The preferred height, not the minimum: wrapping panes (the cabinet's rows, the tickets)
        // report a minimum as if everything fitted on one row.
        double h = Math.max(height, content.prefHeight(w));
        double factor = Math.min(1, Math.min(width / w, height / h));
        content.resizeRelocate((width - w * factor) / 2, 0, w, h);
        scale.setX(factor);
        scale.setY(factor);
    }
}
