// SPDX-License-Identifier: Apache-2.0
package org.socketlab.codec;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Reduces an opaque RGB picture to at most 256 colours for GIF, tuned for UI pictures: flat
 * fills keep their exact colour and anti-aliased text keeps smooth, readable edges.
 *
 * <ol>
 *   <li>Up to 256 distinct colours: the palette is exactly those colours (lossless).</li>
 *   <li>Otherwise the most-used colours (fills, backgrounds, text cores; at most
 *       {@value #RESERVED} of them, each covering at least 1/2000 of the picture) get exact
 *       entries, and the remaining colours (anti-aliasing ramps, gradients, shadows) share the
 *       other entries by a variance-driven median cut, weighted by pixel count.</li>
 *   <li>Each colour then maps to the nearest entry (weighted RGB distance), with no dithering:
 *       dithering would sprinkle noise over flat areas and text.</li>
 * </ol>
 * Pictures with more than {@value #EXACT_LIMIT} distinct colours (photo-like content) are
 * histogrammed at 6 bits per channel to bound time and memory.
 */
final class GifQuantizer {

    static final int RESERVED = 64;
    static final int EXACT_LIMIT = 65_536;
    private static final int EMPTY = -1;

    /** The result: palette (size a power of two, 2..256) and one palette index per pixel. */
    record Indexed(int[] palette, byte[] indices) {
    }

    private GifQuantizer() {
    }

    /** Quantises {@code rgb} (0xRRGGBB, upper byte ignored). */
    static Indexed quantize(int[] rgb) {
        int mask = 0xFFFFFF;
        ColorCounts counts = ColorCounts.of(rgb, mask, EXACT_LIMIT);
        if (counts == null) {
            mask = 0xFCFCFC;
            counts = ColorCounts.of(rgb, mask, Integer.MAX_VALUE);
        }
        int centre = mask == 0xFFFFFF ? 0 : 0x020202;
        int n = counts.size;
        int[] colours = new int[n];
        int[] weights = new int[n];
        counts.export(colours, weights);
        for (int i = 0; i < n; i++) {
            colours[i] |= centre;
        }
        int[] palette = n <= 256 ? colours : buildPalette(colours, weights, rgb.length);
        // Nearest palette entry for every distinct colour, then for every pixel.
        for (int i = 0; i < n; i++) {
            counts.setValue(colours[i] & mask, nearest(palette, colours[i]));
        }
        byte[] indices = new byte[rgb.length];
        int lastKey = -1;
        byte lastIndex = 0;
        for (int i = 0; i < rgb.length; i++) {
            int key = rgb[i] & mask;
            if (key != lastKey) {
                lastKey = key;
                lastIndex = (byte) counts.get(key);
            }
            indices[i] = lastIndex;
        }
        int size = 2;
        while (size < palette.length) {
            size <<= 1;
        }
        return new Indexed(Arrays.copyOf(palette, size), indices);
    }

    private static int[] buildPalette(int[] colours, int[] weights, int pixels) {
        int n = colours.length;
        // Sort entries by count, most used first: pack (count, index) into longs.
        long[] byCount = new long[n];
        for (int i = 0; i < n; i++) {
            byCount[i] = ((long) weights[i] << 32) | i;
        }
        Arrays.sort(byCount);
        int threshold = Math.max(2, pixels / 2000);
        int reserved = 0;
        boolean[] isReserved = new boolean[n];
        int[] palette = new int[256];
        for (int k = n - 1; k >= 0 && reserved < RESERVED; k--) {
            if ((byCount[k] >>> 32) < threshold) {
                break;
            }
            int i = (int) byCount[k];
            isReserved[i] = true;
            palette[reserved++] = colours[i];
        }
        // Median cut over the rest. Entries: [unused 8 bits | rgb 24 bits | weight 32 bits].
        long[] entries = new long[n - reserved];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (!isReserved[i]) {
                entries[m++] = ((long) (colours[i] & 0xFFFFFF) << 32) | weights[i];
            }
        }
        int size = reserved;
        for (int c : medianCut(entries, 256 - reserved)) {
            palette[size++] = c;
        }
        return Arrays.copyOf(palette, size);
    }

    /** Splits the entries into at most {@code boxes} boxes and returns their mean colours. */
    private static int[] medianCut(long[] entries, int boxes) {
        PriorityQueue<Box> queue = new PriorityQueue<>((a, b) -> Double.compare(b.score, a.score));
        queue.add(new Box(entries, 0, entries.length));
        int[] result = new int[boxes];
        int count = 0;
        while (queue.size() + count < boxes && !queue.isEmpty()) {
            Box box = queue.poll();
            if (box.score <= 0) {
                result[count++] = box.mean();
                continue;
            }
            int cut = box.split();
            queue.add(new Box(entries, box.from, cut));
            queue.add(new Box(entries, cut, box.to));
        }
        for (Box box : queue) {
            result[count++] = box.mean();
        }
        return Arrays.copyOf(result, count);
    }

    /** A range of entries with its weighted sums; score = total squared error (splits first). */
    private static final class Box {
        final long[] entries;
        final int from;
        final int to;
        final double score;
        final long weight;
        final double[] sum = new double[3];
        final double[] variance = new double[3];

        Box(long[] entries, int from, int to) {
            this.entries = entries;
            this.from = from;
            this.to = to;
            double[] sq = new double[3];
            long w = 0;
            for (int i = from; i < to; i++) {
                long e = entries[i];
                long c = e & 0xFFFFFFFFL;
                w += c;
                for (int ch = 0; ch < 3; ch++) {
                    int v = channel(e, ch);
                    sum[ch] += (double) c * v;
                    sq[ch] += (double) c * v * v;
                }
            }
            this.weight = w;
            double s = 0;
            for (int ch = 0; ch < 3; ch++) {
                variance[ch] = w == 0 ? 0 : sq[ch] - sum[ch] * sum[ch] / w;
                s += variance[ch];
            }
            this.score = to - from > 1 ? s : 0;
        }

        int mean() {
            if (weight == 0) {
                return 0;
            }
            int rgb = 0;
            for (int ch = 0; ch < 3; ch++) {
                int v = (int) Math.round(sum[ch] / weight);
                rgb |= Math.min(255, Math.max(0, v)) << (16 - 8 * ch);
            }
            return rgb;
        }

        /** Sorts the range along its widest channel and returns the weighted-median cut. */
        int split() {
            int ch = 0;
            for (int c = 1; c < 3; c++) {
                if (variance[c] > variance[ch]) {
                    ch = c;
                }
            }
            for (int i = from; i < to; i++) {
                // sort key in the top byte, sign bit flipped so signed order = channel order
                entries[i] = (entries[i] & 0x00FF_FFFF_FFFF_FFFFL) | ((long) (channel(entries[i], ch) ^ 0x80) << 56);
            }
            Arrays.sort(entries, from, to);
            // Cut where half of the pixels are on each side; both sides keep at least one colour.
            long half = weight / 2;
            long acc = 0;
            for (int i = from; i < to - 1; i++) {
                acc += entries[i] & 0xFFFFFFFFL;
                if (acc >= half) {
                    return i + 1;
                }
            }
            return to - 1;
        }

        private static int channel(long entry, int ch) {
            return (int) (entry >>> (48 - 8 * ch)) & 0xFF;
        }
    }

    /** Index of the palette colour closest to {@code rgb}, weighting green most, like the eye. */
    static int nearest(int[] palette, int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        int best = 0;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = 0; i < palette.length; i++) {
            int p = palette[i];
            int dr = ((p >> 16) & 0xFF) - r;
            int dg = ((p >> 8) & 0xFF) - g;
            int db = (p & 0xFF) - b;
            int d = 2 * dr * dr + 4 * dg * dg + 3 * db * db;
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
                if (d == 0) {
                    break;
                }
            }
        }
        return best;
    }

    /** Open-addressing map from 24-bit colour to an int (first the count, later the index). */
    private static final class ColorCounts {
        int[] keys;
        int[] values;
        int size;

        ColorCounts(int capacity) {
            keys = new int[capacity];
            values = new int[capacity];
            Arrays.fill(keys, EMPTY);
        }

        /** Counts the colours of {@code rgb & mask}, or returns null past {@code limit} colours. */
        static ColorCounts of(int[] rgb, int mask, int limit) {
            ColorCounts counts = new ColorCounts(1024);
            int i = 0;
            while (i < rgb.length) {
                int key = rgb[i] & mask;
                int run = 1;
                while (i + run < rgb.length && (rgb[i + run] & mask) == key) {
                    run++;
                }
                if (!counts.add(key, run) && counts.size > limit) {
                    return null;
                }
                i += run;
            }
            return counts;
        }

        /** Adds {@code n} to the count of {@code key}; returns whether the key was known. */
        boolean add(int key, int n) {
            int slot = slot(key);
            if (keys[slot] == key) {
                values[slot] += n;
                return true;
            }
            keys[slot] = key;
            values[slot] = n;
            if (++size * 2 > keys.length) {
                grow();
            }
            return false;
        }

        int get(int key) {
            return values[slot(key)];
        }

        void setValue(int key, int value) {
            values[slot(key)] = value;
        }

        void export(int[] colours, int[] weights) {
            int j = 0;
            for (int s = 0; s < keys.length; s++) {
                if (keys[s] != EMPTY) {
                    colours[j] = keys[s];
                    weights[j++] = values[s];
                }
            }
        }

        private int slot(int key) {
            int m = keys.length - 1;
            int h = key * 0x9E3779B1;
            int s = (h ^ (h >>> 15)) & m;
            while (keys[s] != EMPTY && keys[s] != key) {
                s = (s + 1) & m;
            }
            return s;
        }

        private void grow() {
            int[] oldKeys = keys;
            int[] oldValues = values;
            keys = new int[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            Arrays.fill(keys, EMPTY);
            for (int s = 0; s < oldKeys.length; s++) {
                if (oldKeys[s] != EMPTY) {
                    int t = slot(oldKeys[s]);
                    keys[t] = oldKeys[s];
                    values[t] = oldValues[s];
                }
            }
        }
    }
}
