// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import javafx.beans.value.ObservableDoubleValue;
import javafx.geometry.Bounds;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * The whole window at a zoom, like a browser: the content is laid out at the window's size
 * divided by the zoom (never below a minimum) and scaled up, so everything grows together and
 * stays sharp (vectors, not pixels). When it does not fit, it scrolls.
 *
 * <p>The scaled content sits in a {@link Scaled} region rather than a {@code Group}: a group's
 * bounds follow every node inside it, and the scroll pane listening to them laid the whole
 * window out once before its styles were applied (a third of the start-up's work) and again
 * whenever anything inside moved.
 */
final class ZoomView extends javafx.scene.control.ScrollPane {
    private final Region content;
    private final ObservableDoubleValue zoom;
    private final double minWidth;
    private final double minHeight;
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final Scaled scaled;
    private final ViewSubscriptions subscriptions = new ViewSubscriptions();

    /** Holds the content at its own size, and is as big as the content looks scaled. */
    private static final class Scaled extends Region {
        private final Region content;
        private final Scale scale;

        Scaled(Region content, Scale scale) {
            this.content = content;
            this.scale = scale;
            getChildren().add(content);
        }

        @Override
        protected double computeMinWidth(double height) {
            return computePrefWidth(height);
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }

        @Override
        protected double computePrefWidth(double height) {
            return boundedSize(content.minWidth(-1), content.prefWidth(-1), content.maxWidth(-1)) * scale.getX();
        }

        @Override
        protected double computePrefHeight(double width) {
            return boundedSize(content.minHeight(-1), content.prefHeight(-1), content.maxHeight(-1)) * scale.getY();
        }

        @Override
        protected void layoutChildren() {
            content.autosize();
            content.relocate(0, 0);
        }
    }

    ZoomView(Region content, ObservableDoubleValue zoom, double minWidth, double minHeight) {
        this.content = content;
        this.zoom = zoom;
        this.minWidth = minWidth;
        this.minHeight = minHeight;
        getStyleClass().add("zoom-view");
        content.getTransforms().add(scale);
        scaled = new Scaled(content, scale);
        setContent(scaled);
        setHbarPolicy(ScrollBarPolicy.AS_NEEDED);
        setVbarPolicy(ScrollBarPolicy.AS_NEEDED);
        setFocusTraversable(false);
        subscriptions.onChange(this::fit, viewportBoundsProperty(), zoom);
    }

    private void fit() {
        double z = zoom.get();
        Bounds viewport = getViewportBounds();
        // The content never gets narrower or lower than its minimum in its own pixels: past
        // that, a bigger zoom means scrolling, as in a browser.
        content.setPrefSize(Math.max(viewport.getWidth() / z, minWidth),
                Math.max(viewport.getHeight() / z, minHeight));
        scale.setX(z);
        scale.setY(z);
        scaled.requestLayout();
    }

    private static double boundedSize(double min, double pref, double max) {
        return Math.min(Math.max(pref, min), Math.max(min, max));
    }

    /** The content's current scale. */
    double scale() {
        return scale.getX();
    }

    void dispose() {
        subscriptions.release();
    }
}
