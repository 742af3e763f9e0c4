// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.theme;

import java.util.List;
import java.util.Optional;
import javafx.scene.paint.Color;

/**
 * The themes Socket Lab ships, in one place: the export dialog, the command line's
 * {@code --theme} and the window all read this list, so a theme added here (dark,
 * high contrast) appears everywhere at once.
 */
public final class Themes {
    /** The light theme, the default. */
    public static final Theme LIGHT = new Theme("light", List.of(Css.STYLESHEET), Color.web("#f3f5fa"));
    /** The dark palette over the same looks. */
    public static final Theme DARK = new Theme("dark",
            List.of(Css.STYLESHEET, "/org/socketlab/ui/theme-dark.css"), Color.web("#14171e"));
    /** Black on white with strong borders, for projectors and low vision. */
    public static final Theme CONTRAST = new Theme("contrast",
            List.of(Css.STYLESHEET, "/org/socketlab/ui/theme-contrast.css"), Color.web("#ffffff"));

    private static final List<Theme> ALL = List.of(LIGHT, DARK, CONTRAST);

    private Themes() {
    }

    /** Every theme, the default first. */
    public static List<Theme> all() {
        return ALL;
    }

    /** The theme the window opens with. */
    public static Theme defaultTheme() {
        return LIGHT;
    }

    /** The theme with this id, ignoring case. */
    public static Optional<Theme> find(String id) {
        return ALL.stream().filter(t -> t.id().equalsIgnoreCase(id)).findFirst();
    }
}
