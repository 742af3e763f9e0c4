// SPDX-License-Identifier: Apache-2.0
package org.socketlab.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketlab.codec.GifFrames.Frame;
import org.socketlab.codec.GifFrames.Gif;
import org.socketlab.saving.AtomicFileWriter;
import org.socketlab.saving.ExportException;
import org.socketlab.saving.ExportNames;
import org.socketlab.saving.IoConsumer;

class AnimatedGifWriterTest {

    static final int W = 320;
    static final int H = 200;
    static final int[][] COLOURS = {
        {0xFFF4F5F7, 0xFFFDE68A}, {0xFF2B2D42, 0xFFA7F3D0}, {0xFFE0E7FF, 0xFFFBCFE8}};

    static ArgbImage frame(int i, boolean gradient) {
        return ArgbImage.wrap(W, H, UiPictures.ui(W, H, COLOURS[i][0], COLOURS[i][1], gradient));
    }

    static byte[] gif(GifOptions options, IoConsumer<AnimatedGifWriter> body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AnimatedGifWriter gif = new AnimatedGifWriter(out, options)) {
            body.accept(gif);
        }
        return out.toByteArray();
    }

    @Test
    void threeFramesComeBackWithSizeDelaysLoopAndColours() throws IOException {
        byte[] bytes = gif(GifOptions.defaults(), g -> {
            g.add(frame(0, false), 500);
            g.add(frame(1, false), 1000);
            g.add(frame(2, false), 1500);
            assertThat(g.frameCount()).isEqualTo(3);
        });
        Gif gif = GifFrames.read(bytes);
        assertThat(gif.frames()).hasSize(3);
        assertThat(gif.width()).isEqualTo(W);
        assertThat(gif.height()).isEqualTo(H);
        assertThat(gif.frames()).extracting(Frame::delayCs).containsExactly(50, 100, 150);
        assertThat(gif.frames()).extracting(Frame::disposal).containsOnly("doNotDispose");
        assertThat(gif.loopCount()).as("NETSCAPE2.0 loop forever").isEqualTo(0);
        for (int i = 0; i < 3; i++) {
            ArgbImage expected = frame(i, false);
            ArgbImage shown = gif.screenAfter(i);
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    if (UiPictures.isFlat(x, y, W, H)) {
                        assertThat(UiPictures.channelError(shown.argbAt(x, y), expected.argbAt(x, y)))
                                .as("frame %d flat pixel (%d, %d)", i, x, y).isLessThanOrEqualTo(2);
                    }
                }
            }
        }
    }

    @Test
    void antiAliasedTextStaysCloseEvenWithThousandsOfColours() throws IOException {
        ArgbImage image = frame(0, true);
        Gif gif = GifFrames.read(gif(GifOptions.defaults(), g -> g.add(image, 100)));
        ArgbImage shown = gif.screenAfter(0);
        long edgeError = 0;
        int edges = 0;
        int worstEdge = 0;
        long gradientError = 0;
        int gradientPixels = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int e = UiPictures.channelError(shown.argbAt(x, y), image.argbAt(x, y));
                if (UiPictures.isFlat(x, y, W, H)) {
                    assertThat(e).as("flat pixel (%d, %d)", x, y).isZero();
                } else if (UiPictures.isTextEdge(x, y, W, H)) {
                    edgeError += e;
                    edges++;
                    worstEdge = Math.max(worstEdge, e);
                } else if (y >= H * 3 / 4) {
                    gradientError += e;
                    gradientPixels++;
                }
            }
        }
        // Measured: edges exact, gradient mean 3.5 (of 255) per channel; bounds leave some slack.
        assertThat(edges).isGreaterThan(1000);
        assertThat((double) edgeError / edges).as("mean error on text edges").isLessThan(2.0);
        assertThat(worstEdge).as("worst error on text edges").isLessThanOrEqualTo(16);
        assertThat((double) gradientError / gradientPixels).as("mean error in the gradient").isLessThan(6.0);
    }

    @Test
    void textDrawnOnAGradientKeepsItsContrast() throws IOException {
        ArgbImage image = ArgbImage.wrap(W, H, UiPictures.textOnGradient(W, H));
        ArgbImage shown = GifFrames.read(gif(GifOptions.defaults(), g -> g.add(image, 100))).screenAfter(0);
        long edgeError = 0;
        int edges = 0;
        int worst = 0;
        long coreError = 0;
        int cores = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double cov = UiPictures.textCoverage(x, y);
                int e = UiPictures.channelError(shown.argbAt(x, y), image.argbAt(x, y));
                if (cov == 1) {
                    coreError += e;
                    cores++;
                } else if (cov > 0) {
                    edgeError += e;
                    edges++;
                    worst = Math.max(worst, e);
                }
            }
        }
        // Measured: cores exact, edges mean 2.5 and worst 9 (of 255) per channel.
        assertThat(cores).isGreaterThan(500);
        assertThat((double) coreError / cores).as("mean error in the text strokes").isLessThan(1.0);
        assertThat((double) edgeError / edges).as("mean error on text edges").isLessThan(4.0);
        assertThat(worst).as("worst error on text edges").isLessThanOrEqualTo(20);
    }

    @Test
    void translucentPixelsAreBlendedOntoTheBackgroundColour() throws IOException {
        ArgbImage image = ArgbImage.of(2, 1, new int[] {0x80FF0000, 0x00123456});
        byte[] onWhite = gif(GifOptions.defaults(), g -> g.add(image, 100));
        byte[] onBlack = gif(GifOptions.defaults().withBackgroundRgb(0x000000), g -> g.add(image, 100));
        ArgbImage white = GifFrames.read(onWhite).screenAfter(0);
        ArgbImage black = GifFrames.read(onBlack).screenAfter(0);
        assertThat(white.argbAt(0, 0)).isEqualTo(0xFFFF7F7F);
        assertThat(white.argbAt(1, 0)).isEqualTo(0xFFFFFFFF);
        assertThat(black.argbAt(0, 0)).isEqualTo(0xFF800000);
        assertThat(black.argbAt(1, 0)).isEqualTo(0xFF000000);
    }

    @Test
    void framesOfAnotherSizeAreRejectedWithBothSizes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AnimatedGifWriter gif = new AnimatedGifWriter(out)) {
            gif.add(ArgbImage.filled(40, 30, 0xFFFFFFFF), 100);
            assertThatThrownBy(() -> gif.add(ArgbImage.filled(30, 40, 0xFF000000), 100))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("frame 2 is 30×40 but the animation is 40×30: all frames of a GIF must have the same size");
            assertThatThrownBy(() -> gif.add(ArgbImage.filled(40, 30, 0xFF000000), -1))
                    .hasMessageContaining("negative");
        }
        assertThat(GifFrames.read(out.toByteArray()).frames()).as("the valid frame is kept").hasSize(1);
    }

    @Test
    void identicalConsecutiveFramesBecomeOneLongerFrame() throws IOException {
        byte[] bytes = gif(GifOptions.defaults(), g -> {
            g.add(frame(0, false), 100);
            g.add(frame(0, false), 250);
            g.add(frame(1, false), 300);
            g.add(frame(1, false), 300);
            assertThat(g.frameCount()).isEqualTo(2);
        });
        assertThat(GifFrames.read(bytes).frames()).extracting(Frame::delayCs).containsExactly(35, 60);
    }

    @Test
    void laterFramesStoreOnlyTheChangedRectangle() throws IOException {
        int[] second = UiPictures.ui(W, H, COLOURS[0][0], COLOURS[0][1], false);
        for (int y = 150; y < 170; y++) {
            for (int x = 200; x < 260; x++) {
                second[y * W + x] = 0xFF4F46E5; // a highlight appears
            }
        }
        ArgbImage after = ArgbImage.wrap(W, H, second);
        Gif gif = GifFrames.read(gif(GifOptions.defaults(), g -> {
            g.add(frame(0, false), 100);
            g.add(after, 100);
        }));
        Frame changed = gif.frames().get(1);
        assertThat(List.of(changed.x(), changed.y(), changed.image().getWidth(), changed.image().getHeight()))
                .containsExactly(200, 150, 60, 20);
        assertThat(gif.screenAfter(1)).isEqualTo(after);

        Gif full = GifFrames.read(gif(GifOptions.defaults().withCropUnchanged(false), g -> {
            g.add(frame(0, false), 100);
            g.add(after, 100);
        }));
        assertThat(full.frames().get(1).image().getWidth()).isEqualTo(W);
        assertThat(full.screenAfter(1)).isEqualTo(after);
    }

    @Test
    void disposalThatClearsFramesAlwaysWritesWholeFrames() throws IOException {
        GifOptions options = GifOptions.defaults().withDisposal(GifOptions.Disposal.RESTORE_TO_BACKGROUND);
        Gif gif = GifFrames.read(gif(options, g -> {
            g.add(frame(0, false), 100);
            g.add(ArgbImage.wrap(W, H, UiPictures.ui(W, H, COLOURS[0][0], 0xFF4F46E5, false)), 100);
        }));
        assertThat(gif.frames()).extracting(Frame::disposal).containsOnly("restoreToBackgroundColor");
        assertThat(gif.frames()).allSatisfy(f -> assertThat(f.image().getWidth()).isEqualTo(W));
    }

    @Test
    void loopCountIsWrittenOrLeftOut() throws IOException {
        ArgbImage one = ArgbImage.filled(4, 4, 0xFF336699);
        assertThat(GifFrames.read(gif(GifOptions.defaults().withLoopCount(3), g -> g.add(one, 100))).loopCount())
                .isEqualTo(3);
        assertThat(GifFrames.read(gif(GifOptions.defaults().withLoopCount(GifOptions.PLAY_ONCE),
                g -> g.add(one, 100))).loopCount()).as("no NETSCAPE2.0 block: play once").isNull();
        assertThatThrownBy(() -> GifOptions.defaults().withLoopCount(70_000)).hasMessageContaining("loop count");
    }

    @Test
    void delaysAreRoundedToHundredthsWithABrowserSafeMinimum() throws IOException {
        byte[] bytes = gif(GifOptions.defaults(), g -> {
            g.add(ArgbImage.filled(4, 4, 0xFF000000), 0);
            g.add(ArgbImage.filled(4, 4, 0xFFFFFFFF), 1234);
            g.add(ArgbImage.filled(4, 4, 0xFF000000), 10_000_000);
        });
        assertThat(GifFrames.read(bytes).frames()).extracting(Frame::delayCs).containsExactly(2, 123, 65535);
    }

    @Test
    void framesReachTheStreamBeforeCloseAndCloseLeavesItOpen() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AnimatedGifWriter gif = new AnimatedGifWriter(out);
        gif.add(frame(0, false), 100);
        gif.add(frame(1, false), 100);
        int afterTwo = out.size();
        assertThat(afterTwo).as("frame 1 is written once frame 2 arrives").isGreaterThan(1000);
        gif.add(frame(2, false), 100);
        assertThat(out.size()).isGreaterThan(afterTwo);
        gif.close();
        byte[] bytes = out.toByteArray();
        assertThat(bytes[bytes.length - 1]).as("GIF trailer").isEqualTo((byte) 0x3B);
        out.write(1); // still open
        assertThat(GifFrames.read(bytes).frames()).hasSize(3);
    }

    @Test
    void closingWithoutFramesIsAnError() {
        AnimatedGifWriter gif = new AnimatedGifWriter(new ByteArrayOutputStream());
        assertThatThrownBy(gif::close).isInstanceOf(IllegalStateException.class).hasMessageContaining("no frames");
    }

    @Test
    void aGifWrittenThroughAtomicFileWriterIsComplete(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path target = dir.resolve(ExportNames.fileName("socket() lesson", "gif"));
        AtomicFileWriter.write(target, false, out -> {
            try (AnimatedGifWriter gif = new AnimatedGifWriter(out)) {
                gif.add(frame(0, false), 200);
                gif.add(frame(1, false), 200);
            }
        });
        assertThat(GifFrames.read(Files.readAllBytes(target)).frames()).hasSize(2);
    }

    @Test
    void diskFullHalfWayThroughALessonLeavesNoFile(@org.junit.jupiter.api.io.TempDir Path dir) {
        Path target = dir.resolve("lesson.gif");
        ExportException e = org.assertj.core.api.Assertions.catchThrowableOfType(ExportException.class, () ->
                AtomicFileWriter.write(target, false, file -> {
                    OutputStream out = new FilterOutputStream(file) {
                        private int budget = 5_000;

                        @Override
                        public void write(byte[] b, int off, int len) throws IOException {
                            budget -= len;
                            if (budget < 0) {
                                throw new IOException("No space left on device");
                            }
                            file.write(b, off, len);
                        }
                    };
                    try (AnimatedGifWriter gif = new AnimatedGifWriter(out)) {
                        for (int i = 0; i < 3; i++) {
                            gif.add(frame(i, false), 100);
                        }
                    }
                }));
        assertThat(e.reason()).isEqualTo(ExportException.Reason.DISK_FULL);
        assertThat(e.getMessage()).contains(target.toString()).contains("not enough disk space");
        assertThat(dir).isEmptyDirectory();
    }
}
