// SPDX-License-Identifier: Apache-2.0
package org.socketlab.codec;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * Manual benchmark (not a test: surefire does not pick it up, and timings are never asserted):
 * encodes a 2560×1600 synthetic UI screenshot (a 1280×800 window at 2×) with {@link PngEncoder}
 * at each level/filter and with ImageIO's PNG writer, printing median times and sizes.
 *
 * <p>Run: {@code mvn -o -q test-compile && java -cp target/classes:target/test-classes
 * org.socketlab.codec.PngEncoderBench [runs] [flat|soft|photo]}: {@code soft} adds a window
 * gradient and soft shadows, {@code photo} a smooth 2-D "photo" over the middle third.
 */
public final class PngEncoderBench {

    private PngEncoderBench() {
    }

    /** Renders panels, flat fills, anti-aliased text, arrows and one gradient, like the app. */
    static BufferedImage syntheticUi(int w, int h, boolean translucentCorner) {
        return syntheticUi(w, h, translucentCorner, false);
    }

    /** As above; {@code soft} adds a full-window gradient and blurred-looking drop shadows. */
    static BufferedImage syntheticUi(int w, int h, boolean translucentCorner, boolean soft) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.scale(w / 1280.0, h / 800.0);
        if (soft) {
            g.setPaint(new GradientPaint(0, 0, new Color(0xEEF2FF), 1280, 800, new Color(0xF8FAFC)));
        } else {
            g.setColor(new Color(0xF4F5F7));
        }
        g.fillRect(0, 0, 1280, 800);
        g.setColor(new Color(0x2B2D42));
        g.fillRect(0, 0, 1280, 48);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString("Socket Lab — socket(AF_INET, SOCK_STREAM, 0)", 20, 31);
        g.setPaint(new GradientPaint(0, 60, new Color(0xE0E7FF), 0, 200, new Color(0xFFFFFF)));
        g.fillRoundRect(20, 60, 300, 720, 16, 16);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        String[] steps = {"1. sys_socket()", "2. __sys_socket()", "3. sock_create()", "4. inet_create()",
            "5. sk_alloc()", "6. sock_init_data()", "7. tcp_v4_init_sock()", "8. sock_map_fd()"};
        for (int i = 0; i < steps.length; i++) {
            g.setColor(i == 4 ? new Color(0x4F46E5) : new Color(0x1F2937));
            g.drawString(steps[i], 40, 100 + i * 34);
        }
        Color[] fills = {new Color(0xFDE68A), new Color(0xA7F3D0), new Color(0xBFDBFE), new Color(0xFBCFE8)};
        String[] names = {"struct socket", "struct sock", "struct inet_sock", "struct tcp_sock"};
        g.setStroke(new BasicStroke(2f));
        for (int i = 0; i < 4; i++) {
            int x = 360 + (i % 2) * 440;
            int y = 90 + (i / 2) * 330;
            if (soft) {
                for (int r = 12; r > 0; r--) {
                    g.setColor(new Color(0, 0, 0, 4));
                    g.fillRoundRect(x + 4 - r, y + 6 - r, 400 + 2 * r, 280 + 2 * r, 12 + 2 * r, 12 + 2 * r);
                }
                g.setPaint(new GradientPaint(x, y, fills[i], x, y + 280, fills[i].brighter()));
            } else {
                g.setColor(new Color(0, 0, 0, 30));
                g.fillRoundRect(x + 4, y + 4, 400, 280, 12, 12);
                g.setColor(fills[i]);
            }
            g.fillRoundRect(x, y, 400, 280, 12, 12);
            g.setColor(new Color(0x374151));
            g.drawRoundRect(x, y, 400, 280, 12, 12);
            g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 16));
            g.drawString(names[i], x + 16, y + 28);
            g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 13));
            for (int l = 0; l < 11; l++) {
                g.drawString("  field_" + l + " = 0x" + Integer.toHexString(0xffff8880 + l * 77), x + 16, y + 56 + l * 20);
            }
            g.drawLine(x + 400, y + 140, x + 440, y + 160);
        }
        if (translucentCorner) {
            g.setComposite(AlphaComposite.Clear);
            g.fillOval(-100, -100, 200, 200);
        }
        g.dispose();
        return img;
    }

    static int[] argbOf(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    public static void main(String[] args) throws IOException {
        boolean soft = args.length > 1 && args[1].equals("soft");
        BufferedImage ui = syntheticUi(2560, 1600, false, soft);
        if (args.length > 1 && args[1].equals("photo")) {
            // a smooth 2-D "photo" in the middle third: the case where filters matter most
            for (int y = 400; y < 1200; y++) {
                for (int x = 850; x < 1700; x++) {
                    int r = (int) (128 + 100 * Math.sin(x / 37.0) * Math.cos(y / 23.0));
                    int gg = (int) (128 + 100 * Math.sin((x + y) / 51.0));
                    int b = (int) (128 + 100 * Math.cos(Math.hypot(x - 1275, y - 800) / 19.0));
                    ui.setRGB(x, y, 0xFF000000 | r << 16 | gg << 8 | b);
                }
            }
        }
        ArgbImage image = ArgbImage.wrap(2560, 1600, argbOf(ui));
        BufferedImage pre = new BufferedImage(2560, 1600, BufferedImage.TYPE_INT_ARGB_PRE);
        pre.createGraphics().drawImage(ui, 0, 0, null);
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;

        measure("ImageIO PNG, TYPE_INT_ARGB", runs, out -> ImageIO.write(ui, "png", out));
        measure("ImageIO PNG, TYPE_INT_ARGB_PRE", runs, out -> ImageIO.write(pre, "png", out));
        for (PngEncoder.Filter f : PngEncoder.Filter.values()) {
            for (int level : new int[] {1, 3, 4, 6}) {
                PngEncoder enc = new PngEncoder().withFilter(f).withCompressionLevel(level);
                measure("PngEncoder " + f + " level " + level, runs, out -> enc.encode(image, out));
            }
        }
        PngEncoder nine = new PngEncoder().withCompressionLevel(9);
        measure("PngEncoder ADAPTIVE level 9", Math.min(runs, 3), out -> nine.encode(image, out));
    }

    interface Job {
        void run(OutputStream out) throws IOException;
    }

    private static void measure(String name, int runs, Job job) throws IOException {
        long[] times = new long[runs];
        int size = 0;
        job.run(new ByteArrayOutputStream()); // warm-up
        job.run(new ByteArrayOutputStream());
        for (int i = 0; i < runs; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
            long t0 = System.nanoTime();
            job.run(out);
            times[i] = System.nanoTime() - t0;
            size = out.size();
        }
        Arrays.sort(times);
        System.out.printf("%-36s median %6.1f ms  min %6.1f ms  %8d bytes%n",
                name, times[runs / 2] / 1e6, times[0] / 1e6, size);
    }
}
