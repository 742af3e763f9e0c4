// SPDX-License-Identifier: Apache-2.0
package org.socketlab.codec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes an {@link ArgbImage} as a PNG file, fast, with nothing but {@link Deflater} and
 * {@link CRC32} (no ImageIO, no AWT), so screenshots of the animation can be saved without
 * freezing the UI.
 *
 * <p>Output: 8-bit RGB (colour type 2) when every pixel is opaque, else 8-bit RGBA
 * (colour type 6); an {@code sRGB} chunk; an optional {@code pHYs} chunk from {@link #withDpi}
 * (a 2× export says 192 DPI so it prints at the on-screen size); optional text chunks from
 * {@link #withText} ({@code tEXt}, or {@code iTXt} in UTF-8 when the text is not Latin-1);
 * the pixels in {@code IDAT} chunks of at most 64 KiB, streamed row by row. A tall picture on
 * a machine with several cores is compressed in strips in parallel ({@link ParallelDeflate}).
 *
 * <p>Instances are immutable and thread-safe; the {@code with…} methods return a changed copy.
 */
public final class PngEncoder {

    /**
     * The default zlib level, 3. Measured with {@code PngEncoderBench} (2560×1600 synthetic UI
     * screenshot, warm JIT, 2-core machine, {@link Filter#ADAPTIVE}): levels 1–3 all take
     * ~30 ms, level 3 being the smallest of them (252 KB vs 267 KB at level 1); level 4 starts
     * lazy matching (~43 ms, 213 KB), level 6 ~50 ms / 201 KB, level 9 ~146 ms / 184 KB.
     * ImageIO's PNG writer took ~100 ms / 236 KB on the same pixels (~160 ms from a
     * premultiplied {@code BufferedImage}). Use {@link #withCompressionLevel}(6) when size
     * matters more than speed.
     */
    public static final int DEFAULT_COMPRESSION_LEVEL = 3;

    /** The default resolution written into {@code pHYs}: 0 means "do not write pHYs". */
    public static final double NO_DPI = 0;

    /** How each row is pre-filtered before compression. */
    public enum Filter {
        /** Raw bytes. Fastest; best for flat UI pictures, worst for photos and smooth gradients. */
        NONE,
        /** Difference to the pixel on the left. */
        SUB,
        /** Difference to the pixel above. */
        UP,
        /** Paeth predictor for every row. */
        PAETH,
        /**
         * Per row, the one of None/Sub/Up/Average/Paeth with the smallest sum of absolute
         * (signed) filtered bytes: the heuristic of the PNG specification and libpng.
         */
        MIN_SUM,
        /**
         * The default: {@code NONE} for "flat" rows (fewer than 10% of bytes differ from both
         * the left and the upper neighbour), {@link #MIN_SUM} for the others.
         *
         * <p>Why: on UI screenshots (flat fills, anti-aliased text) raw rows compress best,
         * because deflate finds long repeats in them; every filter makes them larger. Measured at
         * level 3 on a 2560×1600 synthetic UI: NONE 252 KB, MIN_SUM 285 KB, UP 290 KB, PAETH
         * 292 KB, SUB 316 KB. But on smooth 2-D content (a photo-like third of the window) NONE
         * was 2.1 MB against 0.85 MB for MIN_SUM. This hybrid matched NONE on the UI pictures
         * (252 KB) and beat MIN_SUM on the photo-like one (834 KB), and as a bonus runs faster
         * than MIN_SUM (~30 vs ~48 ms) since flat rows skip the five trial filters.
         */
        ADAPTIVE
    }

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int IDAT_CHUNK_SIZE = 64 * 1024;

    private final int compressionLevel;
    private final Filter filter;
    private final double dpi;
    private final Map<String, String> texts;

    /** An encoder with {@link #DEFAULT_COMPRESSION_LEVEL}, {@link Filter#ADAPTIVE}, no pHYs, no text. */
    public PngEncoder() {
        this(DEFAULT_COMPRESSION_LEVEL, Filter.ADAPTIVE, NO_DPI, Map.of());
    }

    private PngEncoder(int compressionLevel, Filter filter, double dpi, Map<String, String> texts) {
        this.compressionLevel = compressionLevel;
        this.filter = filter;
        this.dpi = dpi;
        this.texts = texts;
    }

    /** A copy using zlib level {@code level}, 0 (store) to 9 (smallest, slowest). */
    public PngEncoder withCompressionLevel(int level) {
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException("compression level must be 0..9, got " + level);
        }
        return new PngEncoder(level, filter, dpi, texts);
    }

    /** A copy using row filter {@code filter}. */
    public PngEncoder withFilter(Filter filter) {
        return new PngEncoder(compressionLevel, Objects.requireNonNull(filter, "filter"), dpi, texts);
    }

    /**
     * A copy that records {@code dpi} dots per inch in a {@code pHYs} chunk (96 for a 1× export,
     * 192 for 2×); {@link #NO_DPI} omits the chunk.
     */
    public PngEncoder withDpi(double dpi) {
        if (!(dpi >= 0) || Double.isInfinite(dpi) || pixelsPerMetre(dpi) > 0x7FFF_FFFFL) {
            throw new IllegalArgumentException("dpi must be a finite number >= 0, got " + dpi);
        }
        return new PngEncoder(compressionLevel, filter, dpi, texts);
    }

    /**
     * A copy that also writes the text entry {@code keyword = text}, e.g. {@code "Software"},
     * {@code "Title"}, {@code "Description"}. The keyword must be 1–79 printable Latin-1
     * characters; the text may be any Unicode (non-Latin-1 text is written as UTF-8 {@code iTXt}).
     * Adding a keyword again replaces its text.
     */
    public PngEncoder withText(String keyword, String text) {
        checkKeyword(keyword);
        Objects.requireNonNull(text, "text");
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("PNG text must not contain NUL characters");
        }
        Map<String, String> copy = new LinkedHashMap<>(texts);
        copy.put(keyword, text);
        return new PngEncoder(compressionLevel, filter, dpi, Collections.unmodifiableMap(copy));
    }

    /** The zlib level in use. */
    public int compressionLevel() {
        return compressionLevel;
    }

    /** The row filter in use. */
    public Filter filter() {
        return filter;
    }

    /** The DPI written to {@code pHYs}, or {@link #NO_DPI}. */
    public double dpi() {
        return dpi;
    }

    /** The text entries, in writing order. */
    public Map<String, String> texts() {
        return texts;
    }

    /** Converts dots per inch to the pixels-per-metre unit of {@code pHYs} (192 DPI → 7559). */
    public static long pixelsPerMetre(double dpi) {
        return Math.round(dpi / 0.0254);
    }

    /** Encodes {@code image} into a new byte array. */
    public byte[] encode(ArgbImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(image.width() * image.height() / 4 + 1024);
        try {
            encode(image, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen with a ByteArrayOutputStream
        }
        return bytes.toByteArray();
    }

    /**
     * Writes {@code image} as a complete PNG to {@code out}, then flushes {@code out} (it is not
     * closed). Only one row of pixels and one 64 KiB chunk are buffered at a time.
     */
    public void encode(ArgbImage image, OutputStream out) throws IOException {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(out, "out");
        boolean alpha = !image.isOpaque();
        out.write(SIGNATURE);
        writeChunk(out, "IHDR", ihdr(image.width(), image.height(), alpha));
        writeChunk(out, "sRGB", new byte[] {0}); // perceptual: JavaFX renders in sRGB
        if (dpi > 0) {
            writeChunk(out, "pHYs", phys(pixelsPerMetre(dpi)));
        }
        for (Map.Entry<String, String> t : texts.entrySet()) {
            writeText(out, t.getKey(), t.getValue());
        }
        Deflater deflater = new Deflater(compressionLevel);
        try {
            writePixels(image, alpha, deflater, new IdatWriter(out));
        } finally {
            deflater.end();
        }
        writeChunk(out, "IEND", new byte[0]);
        out.flush();
    }

    private void writePixels(ArgbImage image, boolean alpha, Deflater deflater, IdatWriter idat)
            throws IOException {
        int strips = ParallelDeflate.strips(image.height());
        if (strips > 1) {
            ParallelDeflate.write(this, image, alpha, strips, idat);
            return;
        }
        Rows rows = new Rows(image, alpha, 0);
        for (int y = 0; y < image.height(); y++) {
            byte[] line = rows.next(filter);
            deflater.setInput(line, 0, rows.lineLength());
            while (!deflater.needsInput()) {
                idat.drain(deflater);
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            idat.drain(deflater);
        }
        idat.flushChunk();
    }

    /** The filtered lines of an image from a starting row on, each a filter byte and a row. */
    static final class Rows {
        private final int[] argb;
        private final int width;
        private final boolean alpha;
        private final int rowLen;
        private final RowFilter filter;
        private byte[] prev;
        private byte[] cur;
        private int y;

        Rows(ArgbImage image, boolean alpha, int firstRow) {
            this.argb = image.raw();
            this.width = image.width();
            this.alpha = alpha;
            int bpp = alpha ? 4 : 3;
            this.rowLen = width * bpp;
            this.filter = new RowFilter(rowLen, bpp);
            this.prev = new byte[rowLen]; // the row "above" row 0 is all zeros
            this.cur = new byte[rowLen];
            if (firstRow > 0) {
                bytesOf(firstRow - 1, prev);
            }
            this.y = firstRow;
        }

        int lineLength() {
            return rowLen + 1;
        }

        /** The next row, filtered; the array is reused by the next call. */
        byte[] next(Filter strategy) {
            bytesOf(y++, cur);
            byte[] line = filter.filter(strategy, cur, prev);
            byte[] t = prev;
            prev = cur;
            cur = t;
            return line;
        }

        private void bytesOf(int row, byte[] into) {
            int p = row * width;
            if (alpha) {
                for (int i = 0; i < rowLen; i += 4) {
                    int c = argb[p++];
                    into[i] = (byte) (c >> 16);
                    into[i + 1] = (byte) (c >> 8);
                    into[i + 2] = (byte) c;
                    into[i + 3] = (byte) (c >>> 24);
                }
            } else {
                for (int i = 0; i < rowLen; i += 3) {
                    int c = argb[p++];
                    into[i] = (byte) (c >> 16);
                    into[i + 1] = (byte) (c >> 8);
                    into[i + 2] = (byte) c;
                }
            }
        }
    }

    private static byte[] ihdr(int width, int height, boolean alpha) {
        byte[] b = new byte[13];
        putInt(b, 0, width);
        putInt(b, 4, height);
        b[8] = 8;                       // bit depth
        b[9] = (byte) (alpha ? 6 : 2);  // colour type: RGBA or RGB
        // b[10..12] = compression 0 (deflate), filter method 0, interlace 0 (none)
        return b;
    }

    private static byte[] phys(long ppm) {
        byte[] b = new byte[9];
        putInt(b, 0, (int) ppm);
        putInt(b, 4, (int) ppm);
        b[8] = 1; // unit: metre
        return b;
    }

    private static void writeText(OutputStream out, String keyword, String text) throws IOException {
        byte[] key = keyword.getBytes(StandardCharsets.ISO_8859_1);
        if (StandardCharsets.ISO_8859_1.newEncoder().canEncode(text)) {
            byte[] value = text.getBytes(StandardCharsets.ISO_8859_1);
            byte[] data = new byte[key.length + 1 + value.length];
            System.arraycopy(key, 0, data, 0, key.length);
            System.arraycopy(value, 0, data, key.length + 1, value.length);
            writeChunk(out, "tEXt", data);
        } else {
            byte[] value = text.getBytes(StandardCharsets.UTF_8);
            // keyword NUL, compression flag 0, method 0, empty language NUL, empty translation NUL
            byte[] data = new byte[key.length + 5 + value.length];
            System.arraycopy(key, 0, data, 0, key.length);
            System.arraycopy(value, 0, data, key.length + 5, value.length);
            writeChunk(out, "iTXt", data);
        }
    }

    private static void checkKeyword(String keyword) {
        Objects.requireNonNull(keyword, "keyword");
        boolean ok = !keyword.isEmpty() && keyword.length() <= 79
                && !keyword.startsWith(" ") && !keyword.endsWith(" ") && !keyword.contains("  ");
        for (int i = 0; ok && i < keyword.length(); i++) {
            char c = keyword.charAt(i);
            ok = (c >= 32 && c <= 126) || (c >= 161 && c <= 255);
        }
        if (!ok) {
            throw new IllegalArgumentException("invalid PNG text keyword: \"" + keyword
                    + "\" (1-79 printable Latin-1 characters, no leading, trailing or double spaces)");
        }
    }

    private static void writeChunk(OutputStream out, String type, byte[] data) throws IOException {
        byte[] head = new byte[8];
        putInt(head, 0, data.length);
        for (int i = 0; i < 4; i++) {
            head[4 + i] = (byte) type.charAt(i);
        }
        CRC32 crc = new CRC32();
        crc.update(head, 4, 4);
        crc.update(data);
        byte[] tail = new byte[4];
        putInt(tail, 0, (int) crc.getValue());
        out.write(head);
        out.write(data);
        out.write(tail);
    }

    static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    /**
     * Collects deflated bytes directly in a chunk-sized buffer laid out as a complete
     * {@code IDAT} chunk (length, type, data, CRC) so each chunk goes out in one write.
     */
    static final class IdatWriter {
        private final OutputStream out;
        private final byte[] chunk = new byte[8 + IDAT_CHUNK_SIZE + 4];
        private int fill; // bytes of data in the chunk
        private final CRC32 crc = new CRC32();

        IdatWriter(OutputStream out) {
            this.out = out;
            chunk[4] = 'I';
            chunk[5] = 'D';
            chunk[6] = 'A';
            chunk[7] = 'T';
        }

        /** Appends already compressed bytes. */
        void write(byte[] bytes, int off, int len) throws IOException {
            while (len > 0) {
                int n = Math.min(len, IDAT_CHUNK_SIZE - fill);
                System.arraycopy(bytes, off, chunk, 8 + fill, n);
                fill += n;
                off += n;
                len -= n;
                if (fill == IDAT_CHUNK_SIZE) {
                    flushChunk();
                }
            }
        }

        void drain(Deflater deflater) throws IOException {
            fill += deflater.deflate(chunk, 8 + fill, IDAT_CHUNK_SIZE - fill);
            if (fill == IDAT_CHUNK_SIZE) {
                flushChunk();
            }
        }

        void flushChunk() throws IOException {
            if (fill == 0) {
                return;
            }
            putInt(chunk, 0, fill);
            crc.reset();
            crc.update(chunk, 4, 4 + fill);
            putInt(chunk, 8 + fill, (int) crc.getValue());
            out.write(chunk, 0, 8 + fill + 4);
            fill = 0;
        }
    }
}
