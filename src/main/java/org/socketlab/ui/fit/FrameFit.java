// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.fit;


/**
 * Where the window's picture goes in a frame of a given size, and at which scale: the pure
 * geometry behind the zoom and presentation mode, so it can be tested without a screen.
 *
 * <p>The picture is always laid out (not bitmap-scaled: text and shapes stay sharp) at
 * {@code layoutWidth × layoutHeight} and drawn {@code scale} times bigger at
 * {@code (x, y)}. It never needs a scroll bar: the scaled picture fits inside the frame.
 *
 * @param x            where the picture's left edge goes in the frame
 * @param y            where the picture's top edge goes in the frame
 * @param layoutWidth  the width the picture is laid out at, in its own pixels
 * @param layoutHeight the height the picture is laid out at
 * @param scale        how much bigger it is drawn
 */
public record FrameFit(double x, double y, double layoutWidth, double layoutHeight, double scale) {

    /**
     * The normal window: the picture fills the whole frame. It is laid out at the frame's size
     * divided by the zoom, so a bigger zoom grows everything; where that would be smaller than
     * the picture's minimum in either direction, the scale gives way so it still fits (and the
     * picture reflows wider or taller to fill the frame).
     */
    public static FrameFit window(double frameWidth, double frameHeight, double zoom, double minWidth, double minHeight) {
        double width = Math.max(1, frameWidth);
        double height = Math.max(1, frameHeight);
        double scale = Math.min(zoom, Math.min(width / minWidth, height / minHeight));
        return new FrameFit(0, 0, width / scale, height / scale, scale);
    }

    /**
     * Presentation mode: like a slide, the picture keeps its design size and aspect and is scaled
     * as large as the frame allows, centred, with bars on the sides or above and below.
     */
    public static FrameFit slide(double frameWidth, double frameHeight, double designWidth, double designHeight) {
        double width = Math.max(1, frameWidth);
        double height = Math.max(1, frameHeight);
        double scale = Math.min(width / designWidth, height / designHeight);
        return new FrameFit((width - designWidth * scale) / 2, (height - designHeight * scale) / 2,
                designWidth, designHeight, scale);
    }

    /** Whether the picture is drawn smaller than its own size because the frame is too small. */
    public boolean shrunk() {
        return scale < 1 - 1e-9;
    }
}
