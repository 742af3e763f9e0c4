// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Test helper: reads exported files back and finds where things are drawn. */
public final class ExportedImages {
    private ExportedImages() {
    }

    public static BufferedImage png(Path file) {
        try {
            return ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The frames of a GIF as stored (not composited), and its NETSCAPE loop count or -1. */
    public record Gif(List<BufferedImage> frames, int width, int height) {
    }

    public static Gif gif(Path file) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in);
            int count = reader.getNumImages(true);
            List<BufferedImage> frames = new ArrayList<>();
            for (int i = 0; i < Math.min(count, 3); i++) {
                frames.add(reader.read(i));
            }
            for (int i = 3; i < count; i++) {
                frames.add(null); // counted, not decoded: keeps the test quick
            }
            return new Gif(frames, reader.getWidth(0), reader.getHeight(0));
        } finally {
            reader.dispose();
        }
    }

    /** Every entry of a folder, hidden temporary files included. */
    public static List<String> entries(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Bounds of {@code node} in the coordinates of {@code within}. */
    public static Bounds boundsIn(Node node, Node within) {
        return within.sceneToLocal(node.localToScene(node.getLayoutBounds()));
    }

    /** How many pixels of a region are dark (text), at a scale. */
    static int darkPixels(BufferedImage image, Bounds region, double scale) {
        int dark = 0;
        int x0 = (int) Math.ceil(region.getMinX() * scale);
        int y0 = (int) Math.ceil(region.getMinY() * scale);
        int x1 = Math.min(image.getWidth(), (int) (region.getMaxX() * scale));
        int y1 = Math.min(image.getHeight(), (int) (region.getMaxY() * scale));
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int rgb = image.getRGB(x, y);
                int luma = (((rgb >> 16) & 0xff) * 3 + ((rgb >> 8) & 0xff) * 6 + (rgb & 0xff)) / 10;
                if (luma < 110) {
                    dark++;
                }
            }
        }
        return dark;
    }
}
