// SPDX-License-Identifier: Apache-2.0
package org.socketlab.codec;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

/** Test helper: reads an animated GIF back with ImageIO's GIF reader. */
public final class GifFrames {

    /** One stored frame as in the file: position, pixels, delay, disposal. */
    public record Frame(int x, int y, BufferedImage image, int delayCs, String disposal) {
    }

    /** The whole file: logical screen size, NETSCAPE loop count (null if absent), frames. */
    public record Gif(int width, int height, Integer loopCount, List<Frame> frames) {

        /** What a viewer shows after frame {@code n} (frames drawn in order over each other). */
        ArgbImage screenAfter(int n) {
            int[] screen = new int[width * height];
            for (int i = 0; i <= n; i++) {
                Frame f = frames.get(i);
                for (int y = 0; y < f.image().getHeight(); y++) {
                    for (int x = 0; x < f.image().getWidth(); x++) {
                        screen[(f.y() + y) * width + f.x() + x] = f.image().getRGB(x, y);
                    }
                }
            }
            return ArgbImage.wrap(width, height, screen);
        }
    }

    private GifFrames() {
    }

    public static Gif read(byte[] gif) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            reader.setInput(in);
            int count = reader.getNumImages(true);
            IIOMetadataNode stream = (IIOMetadataNode) reader.getStreamMetadata()
                    .getAsTree("javax_imageio_gif_stream_1.0");
            IIOMetadataNode screen = child(stream, "LogicalScreenDescriptor");
            Integer loops = null;
            List<Frame> frames = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i)
                        .getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode descriptor = child(root, "ImageDescriptor");
                IIOMetadataNode control = child(root, "GraphicControlExtension");
                IIOMetadataNode apps = child(root, "ApplicationExtensions");
                if (apps != null) {
                    for (int a = 0; a < apps.getLength(); a++) {
                        IIOMetadataNode app = (IIOMetadataNode) apps.item(a);
                        if ("NETSCAPE".equals(app.getAttribute("applicationID"))
                                && "2.0".equals(app.getAttribute("authenticationCode"))) {
                            byte[] data = (byte[]) app.getUserObject();
                            loops = (data[1] & 0xFF) | (data[2] & 0xFF) << 8;
                        }
                    }
                }
                frames.add(new Frame(
                        Integer.parseInt(descriptor.getAttribute("imageLeftPosition")),
                        Integer.parseInt(descriptor.getAttribute("imageTopPosition")),
                        reader.read(i),
                        Integer.parseInt(control.getAttribute("delayTime")),
                        control.getAttribute("disposalMethod")));
            }
            return new Gif(Integer.parseInt(screen.getAttribute("logicalScreenWidth")),
                    Integer.parseInt(screen.getAttribute("logicalScreenHeight")), loops, frames);
        } finally {
            reader.dispose();
        }
    }

    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (int i = 0; i < parent.getLength(); i++) {
            if (parent.item(i).getNodeName().equals(name)) {
                return (IIOMetadataNode) parent.item(i);
            }
        }
        return null;
    }
}
