// SPDX-License-Identifier: Apache-2.0
package org.socketlab.codec;

import java.util.Objects;

/**
 * Settings of an {@link AnimatedGifWriter}: the opaque colour translucent pixels are blended
 * onto, how often the animation repeats, the GIF disposal method, and whether unchanged areas
 * are left out of later frames. Immutable; the {@code with…} methods return changed copies.
 *
 * @param backgroundRgb {@code 0xRRGGBB} behind translucent pixels (an alpha byte is ignored)
 * @param loopCount {@link #LOOP_FOREVER}, {@link #PLAY_ONCE} (no NETSCAPE2.0 extension), or
 *        1..65535 written as the NETSCAPE2.0 loop count (browsers then play it count + 1 times)
 * @param disposal what a viewer does with a frame before drawing the next one
 * @param cropUnchanged store only the changed rectangle of each frame (only with
 *        {@link Disposal#NONE} or {@link Disposal#DO_NOT_DISPOSE}, which keep earlier pixels)
 */
public record GifOptions(int backgroundRgb, int loopCount, Disposal disposal, boolean cropUnchanged) {

    /** Loop count meaning "repeat forever" (NETSCAPE2.0 loop count 0). */
    public static final int LOOP_FOREVER = 0;
    /** Loop count meaning "play once" (no NETSCAPE2.0 extension at all). */
    public static final int PLAY_ONCE = -1;

    /** The GIF disposal methods (GIF89a Graphic Control Extension). */
    public enum Disposal {
        /** No disposal specified; viewers keep the frame, like {@link #DO_NOT_DISPOSE}. */
        NONE("none", true),
        /** The frame stays; the next frame is drawn over it. */
        DO_NOT_DISPOSE("doNotDispose", true),
        /** The frame's area is cleared to the background before the next frame. */
        RESTORE_TO_BACKGROUND("restoreToBackgroundColor", false),
        /** The area is restored to what it was before this frame. */
        RESTORE_TO_PREVIOUS("restoreToPrevious", false);

        private final String metadataName;
        private final boolean keepsPixels;

        Disposal(String metadataName, boolean keepsPixels) {
            this.metadataName = metadataName;
            this.keepsPixels = keepsPixels;
        }

        /** The value of {@code disposalMethod} in ImageIO's GIF metadata. */
        public String metadataName() {
            return metadataName;
        }

        boolean keepsPixels() {
            return keepsPixels;
        }
    }

    /** Validates the loop count and drops any alpha byte of the background. */
    public GifOptions {
        Objects.requireNonNull(disposal, "disposal");
        if (loopCount < PLAY_ONCE || loopCount > 0xFFFF) {
            throw new IllegalArgumentException("loop count must be -1 (play once), 0 (forever) or 1..65535, got "
                    + loopCount);
        }
        backgroundRgb &= 0xFFFFFF;
    }

    /** White background, loop forever, {@link Disposal#DO_NOT_DISPOSE}, unchanged areas cropped. */
    public static GifOptions defaults() {
        return new GifOptions(0xFFFFFF, LOOP_FOREVER, Disposal.DO_NOT_DISPOSE, true);
    }

    /** A copy with another background colour ({@code 0xRRGGBB}). */
    public GifOptions withBackgroundRgb(int rgb) {
        return new GifOptions(rgb, loopCount, disposal, cropUnchanged);
    }

    /** A copy with another loop count. */
    public GifOptions withLoopCount(int count) {
        return new GifOptions(backgroundRgb, count, disposal, cropUnchanged);
    }

    /** A copy with another disposal method. */
    public GifOptions withDisposal(Disposal method) {
        return new GifOptions(backgroundRgb, loopCount, method, cropUnchanged);
    }

    /** A copy that does or does not crop unchanged areas. */
    public GifOptions withCropUnchanged(boolean crop) {
        return new GifOptions(backgroundRgb, loopCount, disposal, crop);
    }
}
