// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.export;

import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import org.socketlab.codec.ArgbImage;

/**
 * Takes a picture of a node at a scale, rendered at that scale (text stays sharp), as
 * pixels the encoders take. Must run on the FX thread; works headless.
 */
public final class NodeSnapshot {
    private NodeSnapshot() {
    }

    /** The node drawn at {@code scale} (1, 2, ...) on an opaque background of the given colour. */
    public static ArgbImage take(Node node, double scale, Color background) {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be positive: " + scale);
        }
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setTransform(Transform.scale(scale, scale));
        parameters.setFill(background);
        WritableImage image = node.snapshot(parameters, null);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] pixels = new int[width * height];
        if (background.isOpaque()) {
            // Every pixel is opaque, where premultiplied and straight alpha are the same numbers: reading
            // the snapshot's own format skips a conversion of every pixel (a tenth of a handout step's time).
            image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbPreInstance(), pixels, 0,
                    width);
        } else {
            image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        }
        return ArgbImage.wrap(width, height, pixels);
    }
}
