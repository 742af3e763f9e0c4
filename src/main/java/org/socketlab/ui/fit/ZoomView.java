// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.fit;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableDoubleValue;
import javafx.css.PseudoClass;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import org.socketlab.ui.common.ViewSubscriptions;

/**
 * The whole window's picture in a frame that never scrolls ({@link FrameFit} has the geometry).
 * In the window the picture fills the frame at the zoom, shrinking when the frame is too small;
 * while presenting it is a slide of a fixed design size, letterboxed on any screen. Either way
 * it is laid out at its own size and drawn scaled, so text stays sharp at any size.
 */
public final class ZoomView extends Region {
    /** The picture's size as a slide (presentation mode), in its own pixels: 16:10. */
    public static final double SLIDE_WIDTH = 1280;
    public static final double SLIDE_HEIGHT = 800;
    private static final PseudoClass PRESENTING = PseudoClass.getPseudoClass("presenting");

    private final Region content;
    private final ObservableDoubleValue zoom;
    private final double minWidth;
    private final double minHeight;
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final Rectangle clip = new Rectangle();
    private final BooleanProperty slide = new SimpleBooleanProperty(this, "slide");
    private final ReadOnlyBooleanWrapper shrunk = new ReadOnlyBooleanWrapper(this, "shrunk");
    private final ViewSubscriptions subscriptions = new ViewSubscriptions();

    public ZoomView(Region content, ObservableDoubleValue zoom, double minWidth, double minHeight) {
        this.content = content;
        this.zoom = zoom;
        this.minWidth = minWidth;
        this.minHeight = minHeight;
        getStyleClass().add("zoom-view");
        content.getTransforms().add(scale);
        content.setManaged(false);
        getChildren().add(content);
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setFocusTraversable(false);
        subscriptions.onChange(this::requestLayout, zoom);
        subscriptions.onChange(() -> {
            pseudoClassStateChanged(PRESENTING, slide.get());
            requestLayout();
        }, slide);
    }

    /** Where the picture goes now: the window's fill at the zoom, or a slide while presenting. */
    FrameFit fit() {
        return slide.get() ? FrameFit.slide(getWidth(), getHeight(), SLIDE_WIDTH, SLIDE_HEIGHT)
                : FrameFit.window(getWidth(), getHeight(), zoom.get(), minWidth, minHeight);
    }

    @Override
    protected void layoutChildren() {
        FrameFit fit = fit();
        scale.setX(fit.scale());
        scale.setY(fit.scale());
        content.resizeRelocate(fit.x(), fit.y(), fit.layoutWidth(), fit.layoutHeight());
        shrunk.set(!slide.get() && fit.shrunk() && zoom.get() >= 1);
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
        return minWidth;
    }

    @Override
    protected double computePrefHeight(double width) {
        return minHeight;
    }

    /** Whether the picture is shown as a letterboxed slide (presentation mode). */
    public BooleanProperty slideProperty() {
        return slide;
    }

    /** Whether the window is smaller than the picture needs at 100 %, so it is drawn smaller. */
    public ReadOnlyBooleanProperty shrunkProperty() {
        return shrunk.getReadOnlyProperty();
    }

    /** The content's current scale. */
    public double scale() {
        return scale.getX();
    }

    public void dispose() {
        subscriptions.release();
    }
}
