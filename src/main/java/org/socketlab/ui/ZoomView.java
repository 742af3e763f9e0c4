// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import javafx.beans.value.ObservableDoubleValue;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * The whole window at a zoom, like a browser: the content is laid out at the window's size
 * divided by the zoom (never below a minimum) and scaled up, so everything grows together and
 * stays sharp (vectors, not pixels). When it does not fit, it scrolls.
 */
final class ZoomView extends javafx.scene.control.ScrollPane {
    private final Region content;
    private final ObservableDoubleValue zoom;
    private final double minWidth;
    private final double minHeight;
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final ViewSubscriptions subscriptions = new ViewSubscriptions();

    ZoomView(Region content, ObservableDoubleValue zoom, double minWidth, double minHeight) {
        this.content = content;
        this.zoom = zoom;
        this.minWidth = minWidth;
        this.minHeight = minHeight;
        getStyleClass().add("zoom-view");
        content.getTransforms().add(scale);
        setContent(new Group(content));
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
    }

    /** The content's current scale. */
    double scale() {
        return scale.getX();
    }

    void dispose() {
        subscriptions.release();
    }
}
