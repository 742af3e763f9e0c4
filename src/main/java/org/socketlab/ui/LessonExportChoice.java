// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import java.util.Objects;

/**
 * What the "Export lesson" dialog asked for.
 *
 * @param pngs    one PNG per step
 * @param gif     an animated GIF
 * @param sheet   a contact sheet
 * @param fps     the GIF's sampling rate, or 0 for one frame per step
 * @param picture how the pictures look
 */
public record LessonExportChoice(boolean pngs, boolean gif, boolean sheet, int fps, PictureChoice picture) {
    public LessonExportChoice {
        Objects.requireNonNull(picture, "picture");
        if (!pngs && !gif && !sheet) {
            throw new IllegalArgumentException("choose at least one kind of file");
        }
    }
}
