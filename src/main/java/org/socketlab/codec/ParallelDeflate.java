// SPDX-License-Identifier: Apache-2.0
package org.socketlab.codec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.zip.Adler32;
import java.util.zip.Deflater;

/**
 * Compresses a PNG's rows in horizontal strips on several cores, the way pigz does: each strip
 * is a raw deflate stream ended with a sync flush, so the strips joined behind one zlib header
 * form a single valid stream; their Adler-32 checksums are combined at the end. A 2× export's
 * encoding takes about half as long on two cores; the file is a few hundred bytes larger
 * (each strip starts without the previous strip's history).
 */
final class ParallelDeflate {
    /** Strips shorter than this are not worth a task of their own. */
    static final int MIN_STRIP_ROWS = 160;
    private static final int MAX_STRIPS = 8;
    private static final int BUFFER = 64 * 1024;
    private static final long ADLER_BASE = 65521;

    private ParallelDeflate() {
    }

    /** How many strips an image of {@code height} rows is cut into here; 1 means "do not". */
    static int strips(int height) {
        int cores = Math.min(Runtime.getRuntime().availableProcessors(), ForkJoinPool.getCommonPoolParallelism() + 1);
        return Math.max(1, Math.min(Math.min(cores, MAX_STRIPS), height / MIN_STRIP_ROWS));
    }

    /** A compressed strip: its deflate bytes, and the Adler-32 and length of its input. */
    private record Strip(byte[] deflated, long adler, long length) {
    }

    /** Writes the whole zlib stream of the image's filtered rows as IDAT chunks. */
    static void write(PngEncoder encoder, ArgbImage image, boolean alpha, int strips, PngEncoder.IdatWriter idat)
            throws IOException {
        int height = image.height();
        List<CompletableFuture<Strip>> later = new ArrayList<>();
        for (int s = 1; s < strips; s++) {
            int from = height * s / strips;
            int to = height * (s + 1) / strips;
            boolean last = s == strips - 1;
            later.add(CompletableFuture.supplyAsync(() -> strip(encoder, image, alpha, from, to, last)));
        }
        Strip first = strip(encoder, image, alpha, 0, height / strips, strips == 1);
        int level = encoder.compressionLevel();
        int flevel = level <= 1 ? 0 : level <= 5 ? 1 : level == 6 ? 2 : 3;
        int cmf = 0x78;
        int flg = flevel << 6;
        flg += 31 - ((cmf << 8) + flg) % 31;
        idat.write(new byte[] {(byte) cmf, (byte) flg}, 0, 2);
        idat.write(first.deflated(), 0, first.deflated().length);
        long adler = first.adler();
        for (CompletableFuture<Strip> future : later) {
            Strip strip;
            try {
                strip = future.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            idat.write(strip.deflated(), 0, strip.deflated().length);
            adler = combine(adler, strip.adler(), strip.length());
        }
        byte[] trailer = new byte[4];
        PngEncoder.putInt(trailer, 0, (int) adler);
        idat.write(trailer, 0, 4);
        idat.flushChunk();
    }

    private static Strip strip(PngEncoder encoder, ArgbImage image, boolean alpha, int from, int to, boolean last) {
        Deflater deflater = new Deflater(encoder.compressionLevel(), true);
        Adler32 adler = new Adler32();
        ByteArrayOutputStream out = new ByteArrayOutputStream(BUFFER);
        byte[] buffer = new byte[BUFFER];
        try {
            PngEncoder.Rows rows = new PngEncoder.Rows(image, alpha, from);
            int lineLength = rows.lineLength();
            for (int y = from; y < to; y++) {
                byte[] line = rows.next(encoder.filter());
                adler.update(line, 0, lineLength);
                deflater.setInput(line, 0, lineLength);
                while (!deflater.needsInput()) {
                    out.write(buffer, 0, deflater.deflate(buffer, 0, BUFFER, Deflater.NO_FLUSH));
                }
            }
            if (last) {
                deflater.finish();
                while (!deflater.finished()) {
                    out.write(buffer, 0, deflater.deflate(buffer));
                }
            } else {
                int n;
                do {
                    n = deflater.deflate(buffer, 0, BUFFER, Deflater.SYNC_FLUSH);
                    out.write(buffer, 0, n);
                } while (n == BUFFER);
            }
            return new Strip(out.toByteArray(), adler.getValue(), (long) (to - from) * lineLength);
        } finally {
            deflater.end();
        }
    }

    /** The Adler-32 of two inputs one after the other (zlib's adler32_combine). */
    static long combine(long adler1, long adler2, long length2) {
        long rem = length2 % ADLER_BASE;
        long sum1 = adler1 & 0xffff;
        long sum2 = (rem * sum1) % ADLER_BASE;
        sum1 += (adler2 & 0xffff) + ADLER_BASE - 1;
        sum2 += ((adler1 >> 16) & 0xffff) + ((adler2 >> 16) & 0xffff) + ADLER_BASE - rem;
        if (sum1 >= ADLER_BASE) {
            sum1 -= ADLER_BASE;
        }
        if (sum1 >= ADLER_BASE) {
            sum1 -= ADLER_BASE;
        }
        if (sum2 >= (ADLER_BASE << 1)) {
            sum2 -= (ADLER_BASE << 1);
        }
        if (sum2 >= ADLER_BASE) {
            sum2 -= ADLER_BASE;
        }
        return sum1 | (sum2 << 16);
    }
}
