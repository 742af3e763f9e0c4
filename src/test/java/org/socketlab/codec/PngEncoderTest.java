// SPDX-License-Identifier: Apache-2.0
package org.socketlab.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.socketlab.codec.PngChunks.Chunk;

class PngEncoderTest {

    /** A small UI-like picture: flat panels, a soft gradient, a diagonal anti-aliased edge. */
    static ArgbImage uiLike(int w, int h, boolean translucent) {
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int c;
                if (y < h / 5) {
                    c = 0xFF2B2D42;
                } else if (x < w / 3) {
                    c = 0xFFE0E7FF + ((y * 7 / Math.max(1, h)) << 8);
                } else {
                    int edge = Math.max(0, Math.min(255, (x - y) * 64 + 128));
                    c = 0xFF000000 | edge << 16 | edge << 8 | 0xF0;
                }
                if (translucent && (x + y) % 5 == 0) {
                    c = (c & 0x00FFFFFF) | ((x * 37 + y * 11) & 0xFF) << 24;
                }
                px[y * w + x] = c;
            }
        }
        return ArgbImage.wrap(w, h, px);
    }

    static ArgbImage noise(int w, int h, long seed, boolean opaque) {
        Random r = new Random(seed);
        int[] px = new int[w * h];
        for (int i = 0; i < px.length; i++) {
            px[i] = opaque ? r.nextInt() | 0xFF000000 : r.nextInt();
        }
        return ArgbImage.wrap(w, h, px);
    }

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of(1, 1), Arguments.of(7, 5), Arguments.of(13, 3), Arguments.of(1000, 1),
                Arguments.of(1, 1000), Arguments.of(127, 64));
    }

    @ParameterizedTest(name = "{0}x{1} opaque")
    @MethodSource("shapes")
    void opaqueImagesDecodeToTheSamePixels(int w, int h) {
        ArgbImage image = uiLike(w, h, false);
        byte[] png = new PngEncoder().encode(image);
        assertThat(PngChunks.decode(png)).isEqualTo(image);
        assertThat(ihdr(png).data()[9]).as("colour type RGB").isEqualTo((byte) 2);
    }

    @ParameterizedTest(name = "{0}x{1} translucent")
    @MethodSource("shapes")
    void translucentImagesKeepEveryAlphaAndColourValue(int w, int h) {
        ArgbImage image = noise(w, h, w * 31L + h, false);
        byte[] png = new PngEncoder().encode(image);
        assertThat(PngChunks.decode(png)).isEqualTo(image);
        assertThat(ihdr(png).data()[9]).as("colour type RGBA").isEqualTo((byte) 6);
    }

    @ParameterizedTest
    @EnumSource(PngEncoder.Filter.class)
    void everyFilterRoundTripsWithAndWithoutAlpha(PngEncoder.Filter filter) {
        PngEncoder encoder = new PngEncoder().withFilter(filter);
        for (ArgbImage image : List.of(uiLike(61, 40, false), uiLike(61, 40, true), noise(33, 9, 7, true))) {
            assertThat(PngChunks.decode(encoder.encode(image))).as(filter + " " + image).isEqualTo(image);
        }
    }

    @Test
    void seededRandomSmallImagesRoundTripWithEveryFilter() {
        // Same idea as PngEncoderPropertyTest, but with plain JUnit and fixed seeds.
        Random r = new Random(20240601);
        PngEncoder.Filter[] filters = PngEncoder.Filter.values();
        for (int i = 0; i < 200; i++) {
            int w = 1 + r.nextInt(24);
            int h = 1 + r.nextInt(24);
            int[] palette = {0xFFFFFFFF, 0xFF2B2D42, r.nextInt(), r.nextInt() | 0xFF000000};
            boolean opaque = r.nextBoolean();
            int[] px = new int[w * h];
            for (int p = 0; p < px.length; p++) {
                int c = r.nextBoolean() ? palette[r.nextInt(palette.length)] : r.nextInt();
                px[p] = opaque ? c | 0xFF000000 : c;
            }
            ArgbImage image = ArgbImage.wrap(w, h, px);
            PngEncoder encoder = new PngEncoder().withFilter(filters[i % filters.length])
                    .withCompressionLevel(r.nextInt(10));
            assertThat(PngChunks.decode(encoder.encode(image))).as("case %d", i).isEqualTo(image);
        }
    }

    @Test
    void storedAndMaximumCompressionBothDecode() {
        ArgbImage image = uiLike(200, 120, true);
        byte[] stored = new PngEncoder().withCompressionLevel(0).encode(image);
        byte[] best = new PngEncoder().withCompressionLevel(9).encode(image);
        assertThat(PngChunks.decode(stored)).isEqualTo(image);
        assertThat(PngChunks.decode(best)).isEqualTo(image);
        assertThat(best.length).isLessThan(stored.length);
    }

    @Test
    void headerDescribesSizeDepthAndNoInterlace() {
        byte[] png = new PngEncoder().encode(uiLike(321, 123, false));
        List<Chunk> chunks = PngChunks.parse(png);
        assertThat(chunks.get(0).type()).isEqualTo("IHDR");
        Chunk ihdr = chunks.get(0);
        assertThat(ihdr.data()).hasSize(13);
        assertThat(ihdr.intAt(0)).isEqualTo(321);
        assertThat(ihdr.intAt(4)).isEqualTo(123);
        assertThat(Arrays.copyOfRange(ihdr.data(), 8, 13)).containsExactly(8, 2, 0, 0, 0);
        assertThat(chunks.get(chunks.size() - 1).type()).isEqualTo("IEND");
        assertThat(PngChunks.ofType(chunks, "pHYs")).as("no pHYs unless asked").isEmpty();
    }

    @Test
    void twoTimesExportRecords192DpiAsPixelsPerMetre() {
        byte[] png = new PngEncoder().withDpi(192).encode(uiLike(20, 10, false));
        List<Chunk> phys = PngChunks.ofType(PngChunks.parse(png), "pHYs");
        assertThat(phys).hasSize(1);
        assertThat(phys.get(0).intAt(0)).isEqualTo(7559); // 192 / 0.0254 = 7559.06
        assertThat(phys.get(0).intAt(4)).isEqualTo(7559);
        assertThat(phys.get(0).data()[8]).as("unit is the metre").isEqualTo((byte) 1);
        assertThat(PngEncoder.pixelsPerMetre(96)).isEqualTo(3780);
    }

    @Test
    void textChunksCarrySoftwareAndTitleAndUnicodeTitlesUseItxt() {
        byte[] png = new PngEncoder()
                .withText("Software", "Socket Lab")
                .withText("Title", "Step 3: sock_create()")
                .withText("Description", "分配 struct sock")
                .encode(uiLike(8, 8, false));
        List<Chunk> chunks = PngChunks.parse(png);
        assertThat(PngChunks.ofType(chunks, "tEXt")).extracting(Chunk::latin1)
                .containsExactly("Software\0Socket Lab", "Title\0Step 3: sock_create()");
        List<Chunk> itxt = PngChunks.ofType(chunks, "iTXt");
        assertThat(itxt).hasSize(1);
        assertThat(new String(itxt.get(0).data(), StandardCharsets.UTF_8))
                .isEqualTo("Description\0\0\0\0\0分配 struct sock");
        int firstIdat = chunks.indexOf(PngChunks.ofType(chunks, "IDAT").get(0));
        assertThat(chunks.indexOf(itxt.get(0))).as("text before pixels").isLessThan(firstIdat);
    }

    @Test
    void largeImagesAreSplitIntoBoundedConsecutiveIdatChunks() {
        byte[] png = new PngEncoder().encode(noise(400, 400, 1, false)); // ~640 KB incompressible
        List<Chunk> chunks = PngChunks.parse(png);
        List<Chunk> idat = PngChunks.ofType(chunks, "IDAT");
        assertThat(idat.size()).isGreaterThan(5);
        assertThat(idat).allSatisfy(c -> assertThat(c.data().length).isBetween(1, 64 * 1024));
        int first = chunks.indexOf(idat.get(0));
        assertThat(chunks.subList(first, first + idat.size())).containsExactlyElementsOf(idat);
    }

    @Test
    void streamingEncodeLeavesTheStreamOpenAndMatchesByteArrayEncode() throws IOException {
        ArgbImage image = uiLike(50, 30, true);
        PngEncoder encoder = new PngEncoder().withDpi(144).withText("Software", "Socket Lab");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encoder.encode(image, out);
        assertThat(out.toByteArray()).isEqualTo(encoder.encode(image));
        out.write(42); // still usable: a zip/batch writer may keep writing
        assertThat(out.size()).isEqualTo(encoder.encode(image).length + 1);
    }

    @Test
    void invalidSettingsAreRejectedWithAReason() {
        PngEncoder encoder = new PngEncoder();
        assertThatThrownBy(() -> encoder.withCompressionLevel(10)).hasMessageContaining("0..9");
        assertThatThrownBy(() -> encoder.withDpi(-1)).hasMessageContaining("dpi");
        assertThatThrownBy(() -> encoder.withDpi(Double.NaN)).hasMessageContaining("dpi");
        assertThatThrownBy(() -> encoder.withText("", "x")).hasMessageContaining("keyword");
        assertThatThrownBy(() -> encoder.withText("标题", "x")).hasMessageContaining("keyword");
        assertThatThrownBy(() -> encoder.withText("Title", "a\0b")).hasMessageContaining("NUL");
        assertThat(encoder.withDpi(192).withText("Title", "x").compressionLevel())
                .isEqualTo(PngEncoder.DEFAULT_COMPRESSION_LEVEL);
        assertThat(encoder.dpi()).as("with… returns a copy").isEqualTo(PngEncoder.NO_DPI);
    }

    private static Chunk ihdr(byte[] png) {
        return PngChunks.parse(png).get(0);
    }
}
