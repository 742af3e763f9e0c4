// SPDX-License-Identifier: Apache-2.0
package org.socketlab.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArgbImageTest {

    @Test
    void readsPixelsRowMajor() {
        ArgbImage image = ArgbImage.of(3, 2, new int[] {1, 2, 3, 4, 5, 6});
        assertThat(image.width()).isEqualTo(3);
        assertThat(image.height()).isEqualTo(2);
        assertThat(image.argbAt(0, 0)).isEqualTo(1);
        assertThat(image.argbAt(2, 0)).isEqualTo(3);
        assertThat(image.argbAt(0, 1)).isEqualTo(4);
        assertThat(image.argbAt(2, 1)).isEqualTo(6);
    }

    @Test
    void ofCopiesSoLaterChangesToTheArrayDoNotLeakIn() {
        int[] px = {0xFF000000, 0xFFFFFFFF};
        ArgbImage image = ArgbImage.of(2, 1, px);
        px[0] = 0x12345678;
        assertThat(image.argbAt(0, 0)).isEqualTo(0xFF000000);
        image.pixels()[1] = 0;
        assertThat(image.argbAt(1, 0)).as("pixels() is a copy").isEqualTo(0xFFFFFFFF);
    }

    @Test
    void wrapSharesTheArrayWithoutCopying() {
        int[] px = {1, 2};
        ArgbImage image = ArgbImage.wrap(2, 1, px);
        px[0] = 9; // documented as forbidden; shown here to pin the no-copy contract
        assertThat(image.argbAt(0, 0)).isEqualTo(9);
    }

    @Test
    void rejectsBadSizesWithTheNumbersInTheMessage() {
        assertThatThrownBy(() -> ArgbImage.of(0, 5, new int[0])).hasMessageContaining("0×5");
        assertThatThrownBy(() -> ArgbImage.of(2, 2, new int[3])).hasMessageContaining("needs 4 pixels")
                .hasMessageContaining("holds 3");
        assertThatThrownBy(() -> ArgbImage.filled(-1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ArgbImage.filled(100_000, 100_000, 0)).hasMessageContaining("too large");
        assertThatThrownBy(() -> ArgbImage.filled(2, 2, 0).argbAt(2, 0))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("(2, 0)");
    }

    @Test
    void premultipliedPixelsAreConvertedToStraightAlpha() {
        int[] pre = {0xFF102030, 0x80402000, 0x00000000, 0x40404040};
        ArgbImage image = ArgbImage.fromPremultiplied(4, 1, pre);
        assertThat(image.argbAt(0, 0)).isEqualTo(0xFF102030);
        assertThat(image.argbAt(1, 0)).isEqualTo(0x80804000); // 0x40 * 255 / 0x80 = 0x80 (rounded)
        assertThat(image.argbAt(2, 0)).isEqualTo(0x00000000);
        assertThat(image.argbAt(3, 0)).isEqualTo(0x40FFFFFF);
    }

    @Test
    void opaquenessAndEqualityFollowThePixels() {
        assertThat(ArgbImage.filled(4, 4, 0xFF123456).isOpaque()).isTrue();
        assertThat(ArgbImage.of(2, 1, new int[] {0xFF000000, 0xFE000000}).isOpaque()).isFalse();
        assertThat(ArgbImage.filled(2, 2, 7)).isEqualTo(ArgbImage.of(2, 2, new int[] {7, 7, 7, 7}))
                .hasSameHashCodeAs(ArgbImage.of(2, 2, new int[] {7, 7, 7, 7}))
                .isNotEqualTo(ArgbImage.filled(4, 1, 7));
    }

    @org.junit.jupiter.api.Test
    void fittingPadsRightAndBottomWithTheColourAndCutsWhatIsTooLarge() {
        ArgbImage image = ArgbImage.of(2, 2, new int[] {1, 2, 3, 4});

        ArgbImage padded = image.fitTo(3, 3, 9);
        ArgbImage cut = image.fitTo(1, 3, 9);

        org.assertj.core.api.Assertions.assertThat(padded.pixels()).containsExactly(1, 2, 9, 3, 4, 9, 9, 9, 9);
        org.assertj.core.api.Assertions.assertThat(cut.pixels()).containsExactly(1, 3, 9);
        org.assertj.core.api.Assertions.assertThat(image.fitTo(2, 2, 9)).isSameAs(image);
    }
}
