// SPDX-License-Identifier: Apache-2.0
package org.socketlab.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.zip.Adler32;
import org.junit.jupiter.api.Test;

/** Rows compressed in strips on several cores still make one valid PNG with the same pixels. */
class ParallelDeflateTest {

    @Test
    void combinedChecksumsEqualTheChecksumOfTheWhole() {
        Random random = new Random(5);
        for (int run = 0; run < 50; run++) {
            byte[] a = new byte[random.nextInt(100_000)];
            byte[] b = new byte[random.nextInt(100_000)];
            random.nextBytes(a);
            random.nextBytes(b);
            Adler32 whole = new Adler32();
            whole.update(a);
            whole.update(b);
            Adler32 first = new Adler32();
            first.update(a);
            Adler32 second = new Adler32();
            second.update(b);
            assertThat(ParallelDeflate.combine(first.getValue(), second.getValue(), b.length))
                    .isEqualTo(whole.getValue());
        }
    }

    @Test
    void anyNumberOfStripsDecodesToTheSamePixelsAtEveryLevel() throws IOException {
        for (boolean translucent : new boolean[] {false, true}) {
            ArgbImage image = PngEncoderTest.uiLike(97, 701, translucent);
            for (int level : new int[] {0, 1, 3, 6, 9}) {
                PngEncoder encoder = new PngEncoder().withCompressionLevel(level);
                for (int strips = 2; strips <= 7; strips++) {
                    byte[] png = encodeInStrips(encoder, image, strips);
                    assertThat(PngChunks.decode(png)).as(strips + " strips, level " + level).isEqualTo(image);
                }
            }
        }
    }

    @Test
    void tallPicturesAreCutIntoStripsOnlyWhenThereAreCoresAndRowsEnough() {
        assertThat(ParallelDeflate.strips(ParallelDeflate.MIN_STRIP_ROWS - 1)).isEqualTo(1);
        assertThat(ParallelDeflate.strips(10_000)).isBetween(1, Runtime.getRuntime().availableProcessors());
    }

    /** A whole PNG whose IDAT data was written by {@link ParallelDeflate} with {@code strips} strips. */
    private static byte[] encodeInStrips(PngEncoder encoder, ArgbImage image, int strips) throws IOException {
        byte[] reference = encoder.encode(image); // signature, IHDR, sRGB: reuse up to the first IDAT
        int idat = indexOf(reference, "IDAT") - 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(reference, 0, idat);
        PngEncoder.IdatWriter writer = new PngEncoder.IdatWriter(out);
        ParallelDeflate.write(encoder, image, !image.isOpaque(), strips, writer);
        int iend = indexOf(reference, "IEND") - 4;
        out.write(reference, iend, reference.length - iend);
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, String type) {
        for (int i = 0; i + 4 <= bytes.length; i++) {
            if (bytes[i] == type.charAt(0) && bytes[i + 1] == type.charAt(1) && bytes[i + 2] == type.charAt(2)
                    && bytes[i + 3] == type.charAt(3)) {
                return i;
            }
        }
        throw new AssertionError(type + " not found");
    }
}
