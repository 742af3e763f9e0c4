// SPDX-License-Identifier: Apache-2.0
package org.socketlab.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GifQuantizerTest {

    @Test
    void upTo256ColoursAreKeptExactly() {
        int[] rgb = new int[1000];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (i % 256) * 0x010203 & 0xFFFFFF;
        }
        GifQuantizer.Indexed q = GifQuantizer.quantize(rgb);
        assertThat(q.palette()).hasSize(256);
        for (int i = 0; i < rgb.length; i++) {
            assertThat(q.palette()[q.indices()[i] & 0xFF]).isEqualTo(rgb[i]);
        }
    }

    @Test
    void paletteSizeIsAPowerOfTwoAndAtLeastTwo() {
        assertThat(GifQuantizer.quantize(new int[] {0x123456}).palette()).hasSize(2);
        assertThat(GifQuantizer.quantize(new int[] {1, 2, 3}).palette()).hasSize(4);
        assertThat(GifQuantizer.quantize(new int[] {1, 2, 3, 4, 5}).palette()).hasSize(8);
    }

    @Test
    void dominantColoursSurviveExactlyAmongManyOthers() {
        Random r = new Random(3);
        int[] rgb = new int[100_000];
        int[] flats = {0xF4F5F7, 0x2B2D42, 0xFDE68A, 0x4F46E5};
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = i % 5 == 0 ? r.nextInt() & 0xFFFFFF : flats[(i / 1000) % flats.length];
        }
        GifQuantizer.Indexed q = GifQuantizer.quantize(rgb);
        assertThat(q.palette()).hasSize(256);
        for (int i = 0; i < rgb.length; i++) {
            if (i % 5 != 0) {
                assertThat(q.palette()[q.indices()[i] & 0xFF]).isEqualTo(rgb[i]);
            }
        }
    }

    @Test
    void photoLikeContentWithMoreThan65536ColoursStillMapsClosely() {
        int w = 512;
        int h = 256;
        int[] rgb = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                rgb[y * w + x] = (x / 2) << 16 | y << 8 | ((x + y) & 0xFF); // 131072 distinct colours
            }
        }
        GifQuantizer.Indexed q = GifQuantizer.quantize(rgb);
        long error = 0;
        for (int i = 0; i < rgb.length; i++) {
            error += UiPictures.channelError(q.palette()[q.indices()[i] & 0xFF], rgb[i]);
        }
        assertThat((double) error / rgb.length).as("mean error per pixel").isLessThan(16.0);
    }
}
