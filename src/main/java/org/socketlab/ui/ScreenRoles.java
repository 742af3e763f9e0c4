// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;

/**
 * Which screen is which when presenting: the laptop is the screen the window is on (the one it
 * overlaps most), the projector the largest of the others. With one screen there is no
 * projector, and presenting is full screen where the window is.
 *
 * @param laptop    the presenter's screen
 * @param projector the audience's screen, if there is another one
 */
record ScreenRoles(Rectangle2D laptop, Optional<Rectangle2D> projector) {
    /** The roles of {@code screens} (their bounds) for a window at {@code window}. */
    static ScreenRoles of(List<Rectangle2D> screens, Rectangle2D window) {
        if (screens.isEmpty()) {
            return new ScreenRoles(window, Optional.empty());
        }
        Rectangle2D laptop = screens.stream()
                .max(Comparator.comparingDouble((Rectangle2D s) -> overlap(s, window))
                        .thenComparing(s -> -screens.indexOf(s)))
                .orElseThrow();
        Optional<Rectangle2D> projector = screens.stream()
                .filter(s -> !s.equals(laptop))
                .max(Comparator.comparingDouble((Rectangle2D s) -> s.getWidth() * s.getHeight())
                        .thenComparing(s -> -screens.indexOf(s)));
        return new ScreenRoles(laptop, projector);
    }

    /**
     * Screens given as {@code x,y,width,height;x,y,width,height...}: the system property
     * {@code socketlab.screens} pretends them, to rehearse (or take pictures of) the presenter view
     * with one monitor. Anything unreadable gives an empty list: the real screens are used.
     */
    static List<Rectangle2D> parse(String screens) {
        if (screens == null || screens.isBlank()) {
            return List.of();
        }
        List<Rectangle2D> parsed = new ArrayList<>();
        for (String screen : screens.split(";")) {
            String[] n = screen.trim().split(",");
            try {
                if (n.length != 4) {
                    return List.of();
                }
                double w = Double.parseDouble(n[2].trim());
                double h = Double.parseDouble(n[3].trim());
                if (w <= 0 || h <= 0) {
                    return List.of();
                }
                parsed.add(new Rectangle2D(Double.parseDouble(n[0].trim()), Double.parseDouble(n[1].trim()), w, h));
            } catch (NumberFormatException e) {
                return List.of();
            }
        }
        return List.copyOf(parsed);
    }

    private static double overlap(Rectangle2D a, Rectangle2D b) {
        double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
        return w > 0 && h > 0 ? w * h : 0;
    }
}
