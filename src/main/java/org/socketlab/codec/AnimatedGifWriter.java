// SPDX-License-Identifier: Apache-2.0
package org.socketlab.codec;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Objects;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes an animated GIF of a lesson frame by frame, so a long lesson never holds more than
 * two frames in memory. Uses the JDK's {@code javax.imageio} GIF writer with a palette built per
 * frame by {@code GifQuantizer}: flat colours stay exact and anti-aliased text stays readable,
 * unlike ImageIO's own conversion of RGB images.
 *
 * <pre>{@code
 * try (AnimatedGifWriter gif = new AnimatedGifWriter(out, GifOptions.defaults())) {
 *     for (Frame f : frames) gif.add(f.image(), f.millis());
 * }
 * }</pre>
 *
 * <p>GIF has no partial transparency, so every frame is composited onto the opaque
 * {@link GifOptions#backgroundRgb()} first. All frames must have the size of the first one.
 * A frame identical to the previous one only lengthens the previous frame's delay. With
 * disposal {@code NONE} or {@code DO_NOT_DISPOSE} and {@link GifOptions#cropUnchanged()},
 * each frame stores only the rectangle that changed, which makes step-by-step animations much
 * smaller and faster to write.
 *
 * <p>Not thread-safe. {@link #close()} finishes the GIF but does not close {@code out}.
 */
public final class AnimatedGifWriter implements Closeable {

    /** Browsers show delays of 0 or 10 ms as 100 ms, so shorter delays become 20 ms. */
    public static final int MIN_DELAY_MS = 20;
    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private final GifOptions options;
    private final ImageOutputStream stream;
    private final ImageWriter writer;
    private final ImageWriteParam param;
    private int width;
    private int height;
    private int[] previous;   // composited RGB of the last frame added
    private Pending pending;  // quantised, not yet written: its delay may still grow
    private int framesAdded;
    private int framesInFile;
    private int written;
    private boolean closed;
    private boolean failed;

    /** A quantised frame waiting for its final delay. */
    private record Pending(BufferedImage image, int x, int y, long delayMs) {
        Pending longer(long extraMs) {
            return new Pending(image, x, y, delayMs + extraMs);
        }
    }

    /** A writer with {@link GifOptions#defaults()}. */
    public AnimatedGifWriter(OutputStream out) {
        this(out, GifOptions.defaults());
    }

    /** A writer to {@code out} with {@code options}; nothing is written before the first frame. */
    public AnimatedGifWriter(OutputStream out, GifOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.stream = new MemoryCacheImageOutputStream(Objects.requireNonNull(out, "out"));
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new IllegalStateException("this Java runtime has no GIF writer (module java.desktop)");
        }
        this.writer = writers.next();
        this.writer.setOutput(stream);
        this.param = writer.getDefaultWriteParam();
        if (param.canWriteProgressive()) {
            param.setProgressiveMode(ImageWriteParam.MODE_DISABLED); // interlacing only costs size
        }
    }

    /**
     * Adds a frame shown for {@code delayMs} milliseconds (GIF stores hundredths of a second;
     * delays under {@value #MIN_DELAY_MS} ms are raised to it).
     *
     * @throws IllegalArgumentException if the frame's size differs from the first frame's or
     *         the delay is negative
     * @throws IOException if writing the previous frame to the stream failed
     */
    public void add(ArgbImage frame, int delayMs) throws IOException {
        Objects.requireNonNull(frame, "frame");
        if (closed || failed) {
            throw new IllegalStateException(
                    closed ? "the GIF was already closed" : "an earlier frame could not be written");
        }
        if (delayMs < 0) {
            throw new IllegalArgumentException("frame delay must not be negative, got " + delayMs + " ms");
        }
        if (framesAdded == 0) {
            width = frame.width();
            height = frame.height();
        } else if (frame.width() != width || frame.height() != height) {
            throw new IllegalArgumentException("frame " + (framesAdded + 1) + " is " + frame.width() + "×"
                    + frame.height() + " but the animation is " + width + "×" + height
                    + ": all frames of a GIF must have the same size");
        }
        framesAdded++;
        int[] rgb = composite(frame.raw(), options.backgroundRgb());
        int[] box = previous == null ? new int[] {0, 0, width, height} : changedBox(previous, rgb);
        if (box == null) {
            pending = pending.longer(delayMs);
            return;
        }
        if (!options.cropUnchanged() || !options.disposal().keepsPixels()) {
            box = new int[] {0, 0, width, height};
        }
        try {
            writePending();
        } catch (IOException | RuntimeException e) {
            failed = true;
            throw e;
        }
        pending = new Pending(indexed(rgb, box), box[0], box[1], delayMs);
        previous = rgb;
        framesInFile++;
    }

    /** Frames in the file so far (identical consecutive frames count once). */
    public int frameCount() {
        return framesInFile;
    }

    /**
     * Writes the last frame and the GIF trailer, and flushes; {@code out} stays open.
     *
     * @throws IllegalStateException if no frame was added (an empty GIF is not a valid file)
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (failed) {
                return; // the stream is broken; the caller already has the exception
            }
            if (pending == null) {
                throw new IllegalStateException("no frames were added, so there is no GIF to write");
            }
            writePending();
            writer.endWriteSequence();
            stream.flush();
        } finally {
            writer.dispose();
            stream.close(); // MemoryCacheImageOutputStream.close() flushes but leaves `out` open
        }
    }

    private void writePending() throws IOException {
        if (pending == null) {
            return;
        }
        if (written == 0) {
            writer.prepareWriteSequence(null); // logical screen = first frame, which is full-size
        }
        Pending p = pending;
        pending = null;
        BufferedImage image = p.image();
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(FORMAT);
        IIOMetadataNode descriptor = child(root, "ImageDescriptor");
        descriptor.setAttribute("imageLeftPosition", Integer.toString(p.x()));
        descriptor.setAttribute("imageTopPosition", Integer.toString(p.y()));
        descriptor.setAttribute("imageWidth", Integer.toString(image.getWidth()));
        descriptor.setAttribute("imageHeight", Integer.toString(image.getHeight()));
        descriptor.setAttribute("interlaceFlag", "FALSE");
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", options.disposal().metadataName());
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Long.toString(centiseconds(p.delayMs())));
        control.setAttribute("transparentColorIndex", "0");
        if (written == 0 && options.loopCount() >= 0) {
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            int loops = options.loopCount();
            app.setUserObject(new byte[] {1, (byte) loops, (byte) (loops >> 8)});
            child(root, "ApplicationExtensions").appendChild(app);
        }
        metadata.setFromTree(FORMAT, root);
        writer.writeToSequence(new IIOImage(image, null, metadata), param);
        stream.flush(); // hand the bytes to `out` now instead of caching the whole GIF
        written++;
    }

    static long centiseconds(long delayMs) {
        long cs = (Math.max(delayMs, MIN_DELAY_MS) + 5) / 10;
        return Math.min(cs, 0xFFFF);
    }

    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (int i = 0; i < parent.getLength(); i++) {
            if (parent.item(i).getNodeName().equals(name)) {
                return (IIOMetadataNode) parent.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        parent.appendChild(node);
        return node;
    }

    /** Straight-alpha ARGB over an opaque background, as 0xRRGGBB. */
    static int[] composite(int[] argb, int backgroundRgb) {
        int br = (backgroundRgb >> 16) & 0xFF;
        int bg = (backgroundRgb >> 8) & 0xFF;
        int bb = backgroundRgb & 0xFF;
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int a = p >>> 24;
            if (a == 0xFF) {
                out[i] = p & 0xFFFFFF;
            } else {
                int na = 255 - a;
                int r = (((p >> 16) & 0xFF) * a + br * na + 127) / 255;
                int g = (((p >> 8) & 0xFF) * a + bg * na + 127) / 255;
                int b = ((p & 0xFF) * a + bb * na + 127) / 255;
                out[i] = r << 16 | g << 8 | b;
            }
        }
        return out;
    }

    /** {x, y, w, h} of the pixels that differ, or null if the frames are identical. */
    private int[] changedBox(int[] before, int[] after) {
        int minX = width;
        int minY = -1;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            int x = 0;
            while (x < width && before[row + x] == after[row + x]) {
                x++;
            }
            if (x == width) {
                continue;
            }
            int right = width - 1;
            while (before[row + right] == after[row + right]) {
                right--;
            }
            if (minY < 0) {
                minY = y;
            }
            maxY = y;
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, right);
        }
        return minY < 0 ? null : new int[] {minX, minY, maxX - minX + 1, maxY - minY + 1};
    }

    private BufferedImage indexed(int[] rgb, int[] box) {
        int bx = box[0];
        int by = box[1];
        int bw = box[2];
        int bh = box[3];
        int[] region = rgb;
        if (bw != width || bh != height) {
            region = new int[bw * bh];
            for (int y = 0; y < bh; y++) {
                System.arraycopy(rgb, (by + y) * width + bx, region, y * bw, bw);
            }
        }
        GifQuantizer.Indexed q = GifQuantizer.quantize(region);
        int[] palette = q.palette();
        byte[] r = new byte[palette.length];
        byte[] g = new byte[palette.length];
        byte[] b = new byte[palette.length];
        for (int i = 0; i < palette.length; i++) {
            r[i] = (byte) (palette[i] >> 16);
            g[i] = (byte) (palette[i] >> 8);
            b[i] = (byte) palette[i];
        }
        IndexColorModel model = new IndexColorModel(8, palette.length, r, g, b);
        WritableRaster raster = Raster.createInterleavedRaster(
                new DataBufferByte(q.indices(), q.indices().length), bw, bh, bw, 1, new int[] {0}, null);
        return new BufferedImage(model, raster, false, null);
    }
}
