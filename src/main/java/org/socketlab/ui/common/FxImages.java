// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.common;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.socketlab.codec.ArgbImage;

/** Turns exported pixels back into a JavaFX image: for the clipboard and the contact sheet. */
public final class FxImages {
    private FxImages() {
    }

    /** A JavaFX image with the same pixels. */
    public static Image of(ArgbImage picture) {
        WritableImage image = new WritableImage(picture.width(), picture.height());
        image.getPixelWriter().setPixels(0, 0, picture.width(), picture.height(),
                PixelFormat.getIntArgbInstance(), picture.pixels(), 0, picture.width());
        return image;
    }
}
