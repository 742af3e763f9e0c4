// SPDX-License-Identifier: Apache-2.0
package org.socketlab.codec;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Manual benchmark (not a test; nothing is asserted): colour error of {@link AnimatedGifWriter}
 * against ImageIO's own RGB-to-GIF conversion, and the time and size of a 1280×800 animation
 * in which a highlight moves over a UI screenshot.
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes org.socketlab.codec.GifBench}
 */
public final class GifBench {

    private GifBench() {
    }

    public static void main(String[] args) throws IOException {
        BufferedImage ui = PngEncoderBench.syntheticUi(1280, 800, false);
        compare("Java2D UI 1280x800", PngEncoderBench.argbOf(ui), 1280, 800);
        compare("text on gradient 320x200", UiPictures.textOnGradient(320, 200), 320, 200);

        int frames = 20;
        ArgbImage[] images = new ArgbImage[frames];
        for (int i = 0; i < frames; i++) {
            BufferedImage f = PngEncoderBench.syntheticUi(1280, 800, false);
            Graphics2D g = f.createGraphics();
            g.setColor(new Color(79, 70, 229, 90));
            g.fillRoundRect(30, 80 + i * 30, 280, 28, 8, 8);
            g.dispose();
            images[i] = ArgbImage.wrap(1280, 800, PngEncoderBench.argbOf(f));
        }
        for (boolean crop : new boolean[] {true, false}) {
            for (int run = 0; run < 3; run++) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                long t0 = System.nanoTime();
                try (AnimatedGifWriter gif = new AnimatedGifWriter(out, GifOptions.defaults().withCropUnchanged(crop))) {
                    for (ArgbImage image : images) {
                        gif.add(image, 400);
                    }
                }
                System.out.printf("%d frames 1280x800, crop=%s: %.0f ms, %d bytes%n",
                        frames, crop, (System.nanoTime() - t0) / 1e6, out.size());
            }
        }
    }

    private static void compare(String name, int[] argb, int w, int h) throws IOException {
        ArgbImage image = ArgbImage.wrap(w, h, argb);
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        try (AnimatedGifWriter gif = new AnimatedGifWriter(ours)) {
            gif.add(image, 100);
        }
        BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, w, h, argb, 0, w);
        ByteArrayOutputStream theirs = new ByteArrayOutputStream();
        ImageIO.write(rgb, "gif", theirs);
        System.out.println(name + ": ours " + stats(image, GifFrames.read(ours.toByteArray()).screenAfter(0))
                + " | ImageIO default " + stats(image, GifFrames.read(theirs.toByteArray()).screenAfter(0)));
    }

    private static String stats(ArgbImage expected, ArgbImage actual) {
        long sum = 0;
        int worst = 0;
        int exact = 0;
        for (int y = 0; y < expected.height(); y++) {
            for (int x = 0; x < expected.width(); x++) {
                int e = UiPictures.channelError(expected.argbAt(x, y), actual.argbAt(x, y));
                sum += e;
                worst = Math.max(worst, e);
                exact += e == 0 ? 1 : 0;
            }
        }
        int n = expected.width() * expected.height();
        return String.format("mean err %.2f, worst %d, exact %.1f%%", (double) sum / n, worst, 100.0 * exact / n);
    }
}
