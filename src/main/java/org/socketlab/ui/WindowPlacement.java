// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import javafx.geometry.Rectangle2D;

/**
 * Where the window opens: its wished-for size, made to fit inside the screen's visible bounds
 * (without the task bar or dock), and centred there. A 1280×720 projector gets a window that
 * fits, not one that hangs off the bottom.
 *
 * @param bounds    the window's position and size, decorations included
 * @param minWidth  the smallest width the window may be made
 * @param minHeight the smallest height
 */
public record WindowPlacement(Rectangle2D bounds, double minWidth, double minHeight) {
    /** The size the window would like: room for the picture at 100 % and its title bar. */
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;
    /** Below this the picture is drawn smaller (see {@link MainWindow}). */
    public static final double MIN_WIDTH = 1024;
    public static final double MIN_HEIGHT = 700;

    /** The placement on a screen whose visible bounds are {@code visible}. */
    public static WindowPlacement on(Rectangle2D visible) {
        double width = Math.min(WIDTH, visible.getWidth());
        double height = Math.min(HEIGHT, visible.getHeight());
        double x = visible.getMinX() + Math.floor((visible.getWidth() - width) / 2);
        double y = visible.getMinY() + Math.floor((visible.getHeight() - height) / 2);
        return new WindowPlacement(new Rectangle2D(x, y, width, height),
                Math.min(MIN_WIDTH, visible.getWidth()), Math.min(MIN_HEIGHT, visible.getHeight()));
    }
}
