// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import javafx.application.Platform;
import javafx.event.EventHandler;
import javafx.geometry.Rectangle2D;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.socketlab.ui.common.ViewOptions;

/**
 * Where the window opens: a sensible share of the screen's visible bounds (without the task bar
 * or dock), never less than the size the picture is drawn for at 100 % unless the screen is
 * smaller, and centred there. A 1280×720 projector gets a window that fits, not one that hangs
 * off the bottom; a 4K monitor gets a window that uses it.
 *
 * <p>It also picks the zoom the window starts at, so type is as readable on a big screen as on
 * the picture's own 1280×800: the largest tenth (at least 100 %) at which the picture's design
 * size fits the window. JavaFX gives the visual bounds in logical pixels, the screen's pixels
 * divided by its output scale, so the system's scaling counts already: a 3840×2160 monitor at
 * 100 % starts at 210 %, the same monitor at 200 % (1920×1080 to JavaFX) at 100 %, and at 150 %
 * (2560×1440) at 140 %.
 *
 * @param bounds    the window's position and size, decorations included
 * @param minWidth  the smallest width the window may be made
 * @param minHeight the smallest height
 * @param zoom      the zoom the window starts at when the user has not chosen one, 1 = 100 %
 */
public record WindowPlacement(Rectangle2D bounds, double minWidth, double minHeight, double zoom) {
    /** The size the picture is drawn for at 100 %, with the window's title bar. */
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;
    /** The share of a larger screen's visible width and height the window takes. */
    public static final double SHARE = 0.8;
    /** Below this the picture is drawn smaller (see {@link MainWindow}). */
    public static final double MIN_WIDTH = 1000;
    public static final double MIN_HEIGHT = 700;

    /** The placement on a screen whose visible bounds are {@code visible}. */
    public static WindowPlacement on(Rectangle2D visible) {
        double width = Math.min(visible.getWidth(), Math.max(WIDTH, Math.floor(visible.getWidth() * SHARE)));
        double height = Math.min(visible.getHeight(), Math.max(HEIGHT, Math.floor(visible.getHeight() * SHARE)));
        double x = visible.getMinX() + Math.floor((visible.getWidth() - width) / 2);
        double y = visible.getMinY() + Math.floor((visible.getHeight() - height) / 2);
        return new WindowPlacement(new Rectangle2D(x, y, width, height),
                Math.min(MIN_WIDTH, visible.getWidth()), Math.min(MIN_HEIGHT, visible.getHeight()),
                startingZoom(width, height));
    }

    /** The largest tenth, from 100 % to {@link ViewOptions#MAX_ZOOM}, at which 1280×800 fits the window. */
    static double startingZoom(double windowWidth, double windowHeight) {
        double fits = Math.min(windowWidth / WIDTH, windowHeight / HEIGHT);
        double tenths = Math.floor(fits * 10 + 1e-9) / 10;
        return Math.max(1, Math.min(ViewOptions.MAX_ZOOM, tenths));
    }

    /**
     * Puts a stage that is not showing yet here. The size is given again once the window is on
     * screen: JavaFX 21's GTK windows (JDK-8354943) forget a size set before they are shown
     * under a real window manager (openbox, xfwm, KWin) and open at their minimum size.
     */
    public void applyTo(Stage stage) {
        stage.setMinWidth(minWidth);
        stage.setMinHeight(minHeight);
        place(stage);
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, new EventHandler<>() {
            @Override
            public void handle(WindowEvent event) {
                stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                Platform.runLater(() -> place(stage));
            }
        });
    }

    private void place(Stage stage) {
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
    }
}
