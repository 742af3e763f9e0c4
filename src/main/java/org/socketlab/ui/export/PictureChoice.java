// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.export;

import java.util.Locale;
import java.util.Objects;
import org.socketlab.ui.theme.Theme;

/**
 * How an exported picture should look, as chosen in the export dialogs.
 *
 * @param scale  1 to 4: the picture is rendered at this scale, so text stays sharp
 * @param area   the lesson canvas or the whole window
 * @param theme  the look
 * @param locale the language of its words
 */
public record PictureChoice(int scale, PictureArea area, Theme theme, Locale locale) {
    /** The scales offered. */
    public static final int MAX_SCALE = 4;

    public PictureChoice {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(locale, "locale");
        if (scale < 1 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("scale must be 1.." + MAX_SCALE + ", got " + scale);
        }
    }
}
