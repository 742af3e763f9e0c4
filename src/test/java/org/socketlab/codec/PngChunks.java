// SPDX-License-Identifier: Apache-2.0
package org.socketlab.codec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;

/** Test helper: splits PNG bytes into chunks (checking signature and CRCs) and decodes pixels. */
final class PngChunks {

    /** One chunk: its four-letter type and its data. */
    record Chunk(String type, byte[] data) {
        int intAt(int offset) {
            return ByteBuffer.wrap(data, offset, 4).getInt();
        }

        String latin1() {
            return new String(data, StandardCharsets.ISO_8859_1);
        }
    }

    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PngChunks() {
    }

    /** All chunks in file order; throws if the signature or any CRC is wrong. */
    static List<Chunk> parse(byte[] png) {
        if (!Arrays.equals(Arrays.copyOf(png, 8), SIGNATURE)) {
            throw new AssertionError("missing PNG signature");
        }
        List<Chunk> chunks = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(png, 8, png.length - 8);
        while (in.hasRemaining()) {
            int length = in.getInt();
            byte[] type = new byte[4];
            in.get(type);
            byte[] data = new byte[length];
            in.get(data);
            int crc = in.getInt();
            CRC32 expected = new CRC32();
            expected.update(type);
            expected.update(data);
            String name = new String(type, StandardCharsets.US_ASCII);
            if ((int) expected.getValue() != crc) {
                throw new AssertionError("bad CRC in chunk " + name);
            }
            chunks.add(new Chunk(name, data));
        }
        return chunks;
    }

    static List<Chunk> ofType(List<Chunk> chunks, String type) {
        return chunks.stream().filter(c -> c.type().equals(type)).toList();
    }

    /** Decodes with ImageIO (an independent decoder) into non-premultiplied ARGB. */
    static ArgbImage decode(byte[] png) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            if (img == null) {
                throw new AssertionError("ImageIO could not read the PNG");
            }
            int w = img.getWidth();
            int h = img.getHeight();
            return ArgbImage.wrap(w, h, img.getRGB(0, 0, w, h, null, 0, w));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
