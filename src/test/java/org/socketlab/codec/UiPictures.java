// SPDX-License-Identifier: Apache-2.0
package org.socketlab.codec;

/**
 * Test fixtures drawn without AWT or fonts: flat UI panels with "text" made of anti-aliased
 * strokes (each edge pixel blends text and panel colour by its coverage, as a font rasteriser
 * does), optionally over a smooth gradient so that there are far more than 256 colours.
 */
final class UiPictures {

    static final int TEXT = 0xFF1F2937;

    private UiPictures() {
    }

    /** A picture with background {@code bg}, a panel {@code panel} and anti-aliased text on it. */
    static int[] ui(int w, int h, int bg, int panel, boolean gradient) {
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int c = bg;
                if (gradient && y >= h * 3 / 4) {
                    // smooth two-axis gradient: thousands of distinct colours
                    int r = 40 + x * 180 / w;
                    int g = 60 + (y - h * 3 / 4) * 150 / (h / 4);
                    int b = 200 - x * 120 / w;
                    c = 0xFF000000 | r << 16 | g << 8 | b;
                } else if (x >= w / 10 && x < w * 9 / 10 && y >= h / 10 && y < h * 7 / 10) {
                    c = panel;
                    double cov = textCoverage(x - w / 10, y - h / 10);
                    c = blend(TEXT, panel, cov);
                }
                px[y * w + x] = c;
            }
        }
        return px;
    }

    /** Anti-aliased text drawn straight onto a diagonal gradient: every edge pixel is unique. */
    static int[] textOnGradient(int w, int h) {
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = 200 + x * 55 / w;
                int g = 180 + y * 70 / h;
                int b = 255 - (x + y) * 60 / (w + h);
                int bg = 0xFF000000 | r << 16 | g << 8 | b;
                px[y * w + x] = blend(TEXT, bg, textCoverage(x, y));
            }
        }
        return px;
    }

    /** Coverage 0..1 of slanted 1.6-px strokes and horizontal bars, like small glyphs. */
    static double textCoverage(int x, int y) {
        int line = y / 16;
        int yy = y % 16;
        if (line > 6 || yy < 3 || yy > 13 || x % 9 == 8) {
            return 0;
        }
        double d1 = Math.abs((x % 9) - 1.5 - (yy - 3) * 0.4); // slanted stem
        double d2 = Math.abs(yy - 8.3);                       // crossbar
        double cov1 = clamp(1.6 / 2 + 0.5 - d1);
        double cov2 = (x % 9) < 6 ? clamp(0.7 / 2 + 0.5 - d2) : 0;
        return Math.max(cov1, cov2);
    }

    static boolean isTextEdge(int x, int y, int w, int h) {
        if (x < w / 10 || x >= w * 9 / 10 || y < h / 10 || y >= h * 7 / 10) {
            return false;
        }
        double cov = textCoverage(x - w / 10, y - h / 10);
        return cov > 0 && cov < 1;
    }

    static boolean isFlat(int x, int y, int w, int h) {
        boolean inPanel = x >= w / 10 && x < w * 9 / 10 && y >= h / 10 && y < h * 7 / 10;
        return inPanel ? textCoverage(x - w / 10, y - h / 10) == 0 : y < h * 3 / 4;
    }

    static int blend(int fg, int bg, double cov) {
        int r = (int) Math.round(((fg >> 16) & 0xFF) * cov + ((bg >> 16) & 0xFF) * (1 - cov));
        int g = (int) Math.round(((fg >> 8) & 0xFF) * cov + ((bg >> 8) & 0xFF) * (1 - cov));
        int b = (int) Math.round((fg & 0xFF) * cov + (bg & 0xFF) * (1 - cov));
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /** Largest per-channel difference between two colours. */
    static int channelError(int a, int b) {
        int e = 0;
        for (int s = 0; s <= 16; s += 8) {
            e = Math.max(e, Math.abs(((a >> s) & 0xFF) - ((b >> s) & 0xFF)));
        }
        return e;
    }
}
