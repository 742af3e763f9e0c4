// SPDX-License-Identifier: Apache-2.0
package org.socketlab.codec;

/**
 * The PNG row filters (specification section 9) and the per-row "minimum sum of absolute
 * differences" choice between them. One instance per encode call; not thread-safe.
 */
final class RowFilter {

    private static final int NONE = 0;
    private static final int SUB = 1;
    private static final int UP = 2;
    private static final int AVERAGE = 3;
    private static final int PAETH = 4;

    private final int rowLen;
    private final int bpp;
    /** out[type] = filter type byte followed by the filtered row. */
    private final byte[][] out;

    RowFilter(int rowLen, int bpp) {
        this.rowLen = rowLen;
        this.bpp = bpp;
        this.out = new byte[5][rowLen + 1];
        for (int t = 0; t < 5; t++) {
            out[t][0] = (byte) t;
        }
    }

    /** Filters {@code cur} (with {@code prev} the raw row above) and returns the line to deflate. */
    byte[] filter(PngEncoder.Filter strategy, byte[] cur, byte[] prev) {
        switch (strategy) {
            case NONE:
                none(cur, Long.MAX_VALUE);
                return out[NONE];
            case SUB:
                sub(cur, Long.MAX_VALUE);
                return out[SUB];
            case UP:
                up(cur, prev, Long.MAX_VALUE);
                return out[UP];
            case PAETH:
                paeth(cur, prev, Long.MAX_VALUE);
                return out[PAETH];
            case MIN_SUM:
                return minSum(cur, prev);
            default:
                if (isFlat(cur, prev)) {
                    none(cur, Long.MAX_VALUE);
                    return out[NONE];
                }
                return minSum(cur, prev);
        }
    }

    /**
     * A row is "flat" when fewer than 1 in 10 of its bytes differ from both the byte of the pixel
     * on the left and the byte of the pixel above: flat fills, borders and anti-aliased text,
     * where deflate finds long repeats in the raw bytes and filtering only hurts (see
     * {@link PngEncoder.Filter#ADAPTIVE} for the measurements).
     */
    private boolean isFlat(byte[] cur, byte[] prev) {
        int limit = rowLen / 10;
        int unpredictable = 0;
        for (int i = bpp; i < rowLen; i++) {
            if (cur[i] != cur[i - bpp] && cur[i] != prev[i] && ++unpredictable >= limit) {
                return false;
            }
        }
        return true;
    }

    private byte[] minSum(byte[] cur, byte[] prev) {
        // Each candidate stops as soon as its sum reaches the best so far, so a losing filter
        // costs only a fraction of a row and the winner's buffer is always complete.
        int best = UP;
        long bestSum = up(cur, prev, Long.MAX_VALUE);
        if (bestSum == 0) {
            return out[UP]; // identical to the row above: nothing can beat that
        }
        long s = sub(cur, bestSum);
        if (s < bestSum) {
            best = SUB;
            bestSum = s;
        }
        s = paeth(cur, prev, bestSum);
        if (s < bestSum) {
            best = PAETH;
            bestSum = s;
        }
        s = average(cur, prev, bestSum);
        if (s < bestSum) {
            best = AVERAGE;
            bestSum = s;
        }
        s = none(cur, bestSum);
        if (s < bestSum) {
            best = NONE;
        }
        return out[best];
    }

    private long none(byte[] cur, long limit) {
        byte[] dst = out[NONE];
        System.arraycopy(cur, 0, dst, 1, rowLen);
        long sum = 0;
        for (int i = 0; i < rowLen; i++) {
            sum += Math.abs(cur[i]);
            if (sum >= limit) {
                return limit;
            }
        }
        return sum;
    }

    private long sub(byte[] cur, long limit) {
        byte[] dst = out[SUB];
        long sum = 0;
        int head = Math.min(bpp, rowLen);
        for (int i = 0; i < head; i++) {
            byte d = cur[i];
            dst[i + 1] = d;
            sum += Math.abs(d);
        }
        for (int i = head; i < rowLen; i++) {
            byte d = (byte) (cur[i] - cur[i - bpp]);
            dst[i + 1] = d;
            sum += Math.abs(d);
            if (sum >= limit) {
                return limit;
            }
        }
        return sum;
    }

    private long up(byte[] cur, byte[] prev, long limit) {
        byte[] dst = out[UP];
        long sum = 0;
        for (int i = 0; i < rowLen; i++) {
            byte d = (byte) (cur[i] - prev[i]);
            dst[i + 1] = d;
            sum += Math.abs(d);
            if (sum >= limit) {
                return limit;
            }
        }
        return sum;
    }

    private long average(byte[] cur, byte[] prev, long limit) {
        byte[] dst = out[AVERAGE];
        long sum = 0;
        int head = Math.min(bpp, rowLen);
        for (int i = 0; i < head; i++) {
            byte d = (byte) (cur[i] - ((prev[i] & 0xFF) >>> 1));
            dst[i + 1] = d;
            sum += Math.abs(d);
        }
        for (int i = head; i < rowLen; i++) {
            byte d = (byte) (cur[i] - (((cur[i - bpp] & 0xFF) + (prev[i] & 0xFF)) >>> 1));
            dst[i + 1] = d;
            sum += Math.abs(d);
            if (sum >= limit) {
                return limit;
            }
        }
        return sum;
    }

    private long paeth(byte[] cur, byte[] prev, long limit) {
        byte[] dst = out[PAETH];
        long sum = 0;
        int head = Math.min(bpp, rowLen);
        for (int i = 0; i < head; i++) {
            byte d = (byte) (cur[i] - prev[i]); // a = c = 0, so the predictor is b
            dst[i + 1] = d;
            sum += Math.abs(d);
        }
        for (int i = head; i < rowLen; i++) {
            byte d = (byte) (cur[i] - paethPredictor(cur[i - bpp] & 0xFF, prev[i] & 0xFF, prev[i - bpp] & 0xFF));
            dst[i + 1] = d;
            sum += Math.abs(d);
            if (sum >= limit) {
                return limit;
            }
        }
        return sum;
    }

    static int paethPredictor(int a, int b, int c) {
        int pa = Math.abs(b - c);          // |p - a| with p = a + b - c
        int pb = Math.abs(a - c);          // |p - b|
        int pc = Math.abs(a + b - 2 * c);  // |p - c|
        if (pa <= pb && pa <= pc) {
            return a;
        }
        return pb <= pc ? b : c;
    }
}
