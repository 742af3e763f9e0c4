// SPDX-License-Identifier: Apache-2.0
package org.socketlab.codec;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Property: any small image survives PNG encoding bit for bit, whatever the settings. */
class PngEncoderPropertyTest {

    @Property(tries = 300)
    void everyImageRoundTripsExactly(@ForAll("images") ArgbImage image,
                                     @ForAll PngEncoder.Filter filter,
                                     @ForAll @IntRange(min = 0, max = 9) int level) {
        byte[] png = new PngEncoder().withFilter(filter).withCompressionLevel(level).encode(image);
        assertThat(PngChunks.decode(png)).isEqualTo(image);
    }

    @Provide
    Arbitrary<ArgbImage> images() {
        Arbitrary<Integer> side = Arbitraries.integers().between(1, 24);
        // Few-colour "UI" pixels, fully random ones, and opaque ones (the RGB path).
        Arbitrary<Integer> pixel = Arbitraries.oneOf(
                Arbitraries.of(0xFFFFFFFF, 0xFF2B2D42, 0x80FF0000, 0x00000000, 0xFF4F46E5),
                Arbitraries.integers(),
                Arbitraries.integers().map(p -> p | 0xFF000000));
        return Combinators.combine(side, side, Arbitraries.of(true, false)).flatAs((w, h, opaque) ->
                pixel.map(p -> opaque ? p | 0xFF000000 : p)
                        .array(int[].class).ofSize(w * h)
                        .map(px -> ArgbImage.of(w, h, px)));
    }
}
