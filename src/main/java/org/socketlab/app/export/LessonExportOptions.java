// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app.export;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.socketlab.codec.Paper;
import org.socketlab.lesson.Lesson;
import org.socketlab.ui.export.PictureArea;
import org.socketlab.ui.theme.Theme;

/**
 * Everything a lesson export needs to know, from the window's dialog or the command line.
 *
 * @param lesson    the lesson to export
 * @param formats   what to write (at least one)
 * @param steps     which steps
 * @param scale     1, 2, 3 or 4: pictures are rendered at this scale, so text stays sharp
 * @param area      the lesson canvas or the whole window
 * @param theme     the look
 * @param locale    the language of every word in the pictures
 * @param width     the window's width in layout pixels
 * @param height    the window's height in layout pixels
 * @param fps       for the GIF: 0 for one frame per step, else the animation sampled at this rate
 * @param overwrite whether existing files may be replaced
 */
public record LessonExportOptions(Lesson lesson, Set<ExportFormat> formats, StepRange steps, double scale,
                                  PictureArea area, Theme theme, Locale locale, double width, double height,
                                  int fps, boolean overwrite, Paper paper) {
    /** The smallest and largest scale. */
    public static final int MIN_SCALE = 1;
    public static final int MAX_SCALE = 4;
    /** The largest sampling rate of an animated GIF. */
    public static final int MAX_FPS = 50;

    public LessonExportOptions {
        Objects.requireNonNull(lesson, "lesson");
        Objects.requireNonNull(steps, "steps");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(paper, "paper");
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("choose at least one format");
        }
        formats = Set.copyOf(EnumSet.copyOf(formats));
        if (!(scale >= MIN_SCALE && scale <= MAX_SCALE)) {
            throw new IllegalArgumentException("scale must be within " + MIN_SCALE + ".." + MAX_SCALE + ", got " + scale);
        }
        if (!(width >= 320 && height >= 240 && width <= 8192 && height <= 8192)) {
            throw new IllegalArgumentException("window size must be within 320x240..8192x8192, got "
                    + width + "x" + height);
        }
        if (fps < 0 || fps > MAX_FPS) {
            throw new IllegalArgumentException("frames per second must be within 1.." + MAX_FPS + ", got " + fps);
        }
        steps = steps.within(lesson.size());
    }

    /** Whether the GIF samples the animation rather than showing one frame per step. */
    /** The same options printing handouts on A4. */
    public LessonExportOptions(Lesson lesson, Set<ExportFormat> formats, StepRange steps, double scale,
                               PictureArea area, Theme theme, Locale locale, double width, double height,
                               int fps, boolean overwrite) {
        this(lesson, formats, steps, scale, area, theme, locale, width, height, fps, overwrite, Paper.A4);
    }

    public boolean animated() {
        return fps > 0;
    }

    /** A copy that may or may not replace existing files. */
    public LessonExportOptions withOverwrite(boolean replace) {
        return new LessonExportOptions(lesson, formats, steps, scale, area, theme, locale, width, height, fps, replace,
                paper);
    }

    @Override
    public String toString() {
        return "LessonExportOptions[" + lesson.id() + " " + formats + " steps " + steps + " " + scale + "x "
                + area + " " + theme.id() + " " + locale.toLanguageTag() + " " + width + "x" + height
                + (fps > 0 ? " " + fps + " fps" : "") + (overwrite ? " overwrite" : "")
                + (formats.contains(ExportFormat.PDF) ? " " + paper.id() : "") + "]";
    }

    /** The formats, in a stable order. */
    public Set<ExportFormat> orderedFormats() {
        return EnumSet.copyOf(formats);
    }
}
