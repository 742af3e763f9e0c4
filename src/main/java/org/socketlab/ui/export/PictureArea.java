// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.export;

import java.util.Locale;

/** What an exported picture shows. */
public enum PictureArea {
    /** The lesson canvas: the diagram and the narration, what slides need. */
    CANVAS,
    /** The whole window, menus and panels included. */
    WINDOW;

    /** The key of the area's name in messages.properties. */
    public String nameKey() {
        return "area." + name().toLowerCase(Locale.ROOT);
    }
}
