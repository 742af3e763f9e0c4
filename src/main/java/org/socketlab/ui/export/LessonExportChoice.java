// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.export;

import java.util.Objects;
import org.socketlab.codec.Paper;

/**
 * What the "Export lesson" dialog asked for.
 *
 * @param pngs    one PNG per step
 * @param gif     an animated GIF
 * @param sheet   a contact sheet
 * @param pdf     a PDF handout
 * @param paper   the handout's paper
 * @param fps     the GIF's sampling rate, or 0 for one frame per step
 * @param picture how the pictures look
 */
public record LessonExportChoice(boolean pngs, boolean gif, boolean sheet, boolean pdf, Paper paper, int fps,
                                 PictureChoice picture) {
    public LessonExportChoice {
        Objects.requireNonNull(picture, "picture");
        Objects.requireNonNull(paper, "paper");
        if (!pngs && !gif && !sheet && !pdf) {
            throw new IllegalArgumentException("choose at least one kind of file");
        }
    }

    /** A choice without a handout. */
    public LessonExportChoice(boolean pngs, boolean gif, boolean sheet, int fps, PictureChoice picture) {
        this(pngs, gif, sheet, false, Paper.A4, fps, picture);
    }
}
