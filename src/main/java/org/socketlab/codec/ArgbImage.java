// SPDX-License-Identifier: Apache-2.0
package org.socketlab.codec;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable picture to export: {@code width × height} pixels, row-major, each pixel a
 * <em>non-premultiplied</em> {@code 0xAARRGGBB} int (the layout of JavaFX's
 * {@code PixelFormat.getIntArgbInstance()}).
 *
 * <p><b>Copy policy.</b> {@link #of} copies the caller's array, so the caller may reuse it.
 * {@link #wrap} takes ownership <em>without</em> copying (use it for a freshly filled snapshot
 * buffer, e.g. 16 MB for 2560×1600, that nobody touches afterwards); the caller must not
 * modify the array after handing it over. {@link #pixels()} always returns a copy, so an
 * {@code ArgbImage} can never be changed once built.
 *
 * <p>If the pixels were read with {@code PixelFormat.getIntArgbPreInstance()} use
 * {@link #fromPremultiplied}, which converts them back to straight alpha.
 */
public final class ArgbImage {

    private final int width;
    private final int height;
    private final int[] argb;

    private ArgbImage(int width, int height, int[] argb) {
        this.width = width;
        this.height = height;
        this.argb = argb;
    }

    /** Builds an image from a copy of {@code argb} (non-premultiplied, row-major). */
    public static ArgbImage of(int width, int height, int[] argb) {
        check(width, height, argb);
        return new ArgbImage(width, height, argb.clone());
    }

    /**
     * Builds an image that takes ownership of {@code argb} without copying it. The caller must
     * not modify the array afterwards.
     */
    public static ArgbImage wrap(int width, int height, int[] argb) {
        check(width, height, argb);
        return new ArgbImage(width, height, argb);
    }

    /**
     * Builds an image from premultiplied ARGB pixels (JavaFX {@code IntArgbPre}), converting them
     * to straight alpha into a new array. Fully transparent pixels become {@code 0x00000000}.
     */
    public static ArgbImage fromPremultiplied(int width, int height, int[] argbPre) {
        check(width, height, argbPre);
        int[] out = new int[argbPre.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = unpremultiply(argbPre[i]);
        }
        return new ArgbImage(width, height, out);
    }

    /** An image of one colour, e.g. a background or a test fixture. */
    public static ArgbImage filled(int width, int height, int argb) {
        checkSize(width, height);
        int[] pixels = new int[width * height];
        Arrays.fill(pixels, argb);
        return new ArgbImage(width, height, pixels);
    }

    /** Width in pixels, always positive. */
    public int width() {
        return width;
    }

    /** Height in pixels, always positive. */
    public int height() {
        return height;
    }

    /** The non-premultiplied {@code 0xAARRGGBB} pixel at column {@code x}, row {@code y}. */
    public int argbAt(int x, int y) {
        if (x < 0 || x >= width || y < 0 || y >= height) {
            throw new IndexOutOfBoundsException(
                    "pixel (" + x + ", " + y + ") is outside a " + width + "×" + height + " image");
        }
        return argb[y * width + x];
    }

    /** A copy of all pixels, row-major. */
    public int[] pixels() {
        return argb.clone();
    }

    /**
     * This picture on a canvas of {@code width × height}: anchored at the top left, padded with
     * {@code argb} on the right and at the bottom, cut off where it is larger. Returns this
     * image when the size is already right. (All frames of a GIF must have one size, while the
     * lesson canvas grows with a long narration.)
     */
    public ArgbImage fitTo(int width, int height, int argb) {
        if (width == this.width && height == this.height) {
            return this;
        }
        checkSize(width, height);
        int[] out = new int[width * height];
        Arrays.fill(out, argb);
        int w = Math.min(width, this.width);
        for (int y = 0; y < Math.min(height, this.height); y++) {
            System.arraycopy(this.argb, y * this.width, out, y * width, w);
        }
        return new ArgbImage(width, height, out);
    }

    /** Whether every pixel has alpha 255 (so an encoder may drop the alpha channel). */
    public boolean isOpaque() {
        for (int p : argb) {
            if ((p >>> 24) != 0xFF) {
                return false;
            }
        }
        return true;
    }

    /** The backing array, never exposed outside the package and never written to. */
    int[] raw() {
        return argb;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArgbImage other
                && width == other.width && height == other.height && Arrays.equals(argb, other.argb);
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, Arrays.hashCode(argb));
    }

    @Override
    public String toString() {
        return "ArgbImage[" + width + "×" + height + "]";
    }

    static int unpremultiply(int p) {
        int a = p >>> 24;
        if (a == 0xFF) {
            return p;
        }
        if (a == 0) {
            return 0;
        }
        int r = Math.min(255, (((p >> 16) & 0xFF) * 255 + a / 2) / a);
        int g = Math.min(255, (((p >> 8) & 0xFF) * 255 + a / 2) / a);
        int b = Math.min(255, ((p & 0xFF) * 255 + a / 2) / a);
        return (a << 24) | (r << 16) | (g << 8) | b;
    }

    private static void check(int width, int height, int[] argb) {
        Objects.requireNonNull(argb, "argb");
        checkSize(width, height);
        if (argb.length != width * height) {
            throw new IllegalArgumentException("a " + width + "×" + height + " image needs "
                    + (width * height) + " pixels but the array holds " + argb.length);
        }
    }

    private static void checkSize(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "×" + height);
        }
        // 4 bytes per pixel plus a filter byte per row must stay addressable by an int.
        if ((long) width * height > Integer.MAX_VALUE / 4 || width > (Integer.MAX_VALUE - 1) / 4) {
            throw new IllegalArgumentException("image " + width + "×" + height + " is too large");
        }
    }
}
