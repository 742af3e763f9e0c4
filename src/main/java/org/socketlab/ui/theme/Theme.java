// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.theme;

import java.util.List;
import java.util.Objects;
import javafx.scene.Scene;
import javafx.scene.paint.Color;

/**
 * One look of the window: the stylesheets a scene uses and the colour behind exported
 * pictures. Themes are stylesheets, never code paths; {@link Themes} lists the ones that ship.
 *
 * @param id          a stable name for the command line and settings ("light")
 * @param stylesheets the stylesheets, in order, as resource paths
 * @param background  the page colour pictures are drawn on (the stylesheet's {@code -sl-bg})
 */
public record Theme(String id, List<String> stylesheets, Color background) {
    public Theme {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(background, "background");
        stylesheets = List.copyOf(stylesheets);
    }

    /** The key of the theme's name in messages.properties. */
    public String nameKey() {
        return "theme." + id;
    }

    /** Styles a scene (or a dialog pane's scene) with this theme, replacing any other theme. */
    public void applyTo(Scene scene) {
        scene.getStylesheets().removeIf(sheet -> Themes.all().stream()
                .anyMatch(t -> t.stylesheets().contains(sheet)));
        scene.getStylesheets().addAll(stylesheets);
    }
}
