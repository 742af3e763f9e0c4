// SPDX-License-Identifier: Apache-2.0
package org.socketlab.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.Deflater;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A lesson as a printed handout (PDF, with Apache PDFBox): a title page listing the steps, then
 * each step on its own page: its number and stage, its picture at print resolution, and its full
 * narration as real text (selectable, searchable, read aloud by a screen reader), with page
 * numbers. The text is set in the bundled Socket Lab Sans, embedded as a subset, so Chinese
 * prints on any machine.
 */
public final class PdfHandout {
    /** The bundled font as TrueType outlines (PDFBox embeds those; see tools/fonts/otf-to-ttf.py). */
    static final String FONT = "/assets/fonts/SocketLabSans-Regular.ttf";
    private static final float MARGIN = 48;
    private static final float PICTURE_SHARE = 0.56f;
    private static final float[] INK = {0.11f, 0.13f, 0.18f};
    private static final float[] MUTED = {0.42f, 0.45f, 0.52f};
    private static final float[] ACCENT = {0.18f, 0.40f, 0.85f};
    private static final float[] ERROR = {0.75f, 0.15f, 0.15f};

    /** One step of the handout. */
    public record Step(String heading, String stage, String narration, Picture picture, boolean failed) {
        public Step {
            Objects.requireNonNull(heading, "heading");
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(narration, "narration");
            Objects.requireNonNull(picture, "picture");
        }
    }

    /**
     * A step's picture ready to go into the PDF as it is: its pixels as opaque RGB, deflated once.
     * Made on any thread, so an export compresses one step's picture while the next is drawn.
     *
     * <p>Why not PDFBox's {@code LosslessFactory}: it tries every PNG predictor on every row and
     * compresses at the highest level; for a lesson of 20 pictures at print resolution that was
     * about 60 % of the export's time (measured with JFR on udp-datagrams). The app's pictures are
     * flat colours and text, which deflate well unfiltered (see LessonExport.pngEncoder), so
     * level {@value #LEVEL} without a predictor makes files of about the same size in a fraction
     * of the time.
     */
    public static final class Picture {
        static final int LEVEL = 1;
        private final int width;
        private final int height;
        private final byte[] deflated;

        private Picture(int width, int height, byte[] deflated) {
            this.width = width;
            this.height = height;
            this.deflated = deflated;
        }

        /** The picture, compressed (any alpha is dropped: the app's pictures are opaque). */
        public static Picture of(ArgbImage image) {
            int width = image.width();
            int[] pixels = image.pixels();
            byte[] row = new byte[width * 3];
            Deflater deflater = new Deflater(LEVEL);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pixels.length / 4 + 1024);
            byte[] buffer = new byte[64 * 1024];
            try {
                for (int y = 0; y < image.height(); y++) {
                    for (int x = 0, i = y * width, b = 0; x < width; x++, i++) {
                        int argb = pixels[i];
                        row[b++] = (byte) (argb >> 16);
                        row[b++] = (byte) (argb >> 8);
                        row[b++] = (byte) argb;
                    }
                    deflater.setInput(row);
                    while (!deflater.needsInput()) {
                        out.write(buffer, 0, deflater.deflate(buffer));
                    }
                }
                deflater.finish();
                while (!deflater.finished()) {
                    out.write(buffer, 0, deflater.deflate(buffer));
                }
            } finally {
                deflater.end();
            }
            return new Picture(width, image.height(), out.toByteArray());
        }

        /** The width in pixels. */
        public int width() {
            return width;
        }

        /** The height in pixels. */
        public int height() {
            return height;
        }

        /** How many bytes it takes in the PDF. */
        public int size() {
            return deflated.length;
        }
    }

    /**
     * What the handout says, already in its language.
     *
     * @param title       the lesson's title
     * @param description the lesson's one-line description
     * @param contents    the heading of the title page's list of steps
     * @param footer      the small print on the title page (the app and its version)
     * @param pageNumber  the page numbers, a pattern with {0} = this page and {1} = all pages
     * @param language    the document's language tag (en, zh-CN)
     */
    public record Content(String title, String description, String contents, String footer, String pageNumber,
                          String language, List<Step> steps) {
        public Content {
            steps = List.copyOf(steps);
        }
    }

    private final PDDocument document;
    private final PDFont font;
    private final Paper paper;
    private final Map<Integer, Boolean> printable = new HashMap<>();

    private PdfHandout(PDDocument document, PDFont font, Paper paper) {
        this.document = document;
        this.font = font;
        this.paper = paper;
    }

    /** Writes the handout as PDF to {@code out} (which stays open). */
    public static void write(Content content, Paper paper, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument(); InputStream fontData = PdfHandout.class.getResourceAsStream(FONT)) {
            if (fontData == null) {
                throw new IllegalStateException("bundled font missing: " + FONT);
            }
            try (TrueTypeFont sans = new TTFParser().parse(new RandomAccessReadBuffer(fontData))) {
                // No ligatures: PDFBox would set "fi" as one glyph the font's cmap has no letters for,
                // and readers built on Poppler (pdftotext, Evince) would drop both letters when the
                // text is searched or copied ("fill in the form" became "ll in the form").
                sans.setEnableGsub(false);
                PdfHandout handout = new PdfHandout(document, PDType0Font.load(document, sans, true), paper);
                handout.layOut(content);
                document.save(out); // the font subset is written here, so the font is still open
            }
        }
    }

    private void layOut(Content content) throws IOException {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(content.title());
        info.setSubject(content.description());
        info.setCreator(content.footer());
        document.getDocumentCatalog().setLanguage(content.language());
        titlePage(content);
        for (Step step : content.steps()) {
            stepPages(step);
        }
        pageNumbers(content.pageNumber());
    }

    private float textWidth() {
        return paper.width() - 2 * MARGIN;
    }

    private PDPage newPage() {
        PDPage page = new PDPage(new PDRectangle(paper.width(), paper.height()));
        document.addPage(page);
        return page;
    }

    private void titlePage(Content content) throws IOException {
        PDPage page = newPage();
        try (PDPageContentStream out = new PDPageContentStream(document, page)) {
            float y = paper.height() - MARGIN - 40;
            y = paragraph(out, content.title(), 26, 1.25f, INK, y);
            y = paragraph(out, content.description(), 14, 1.4f, MUTED, y - 6);
            y = paragraph(out, content.contents(), 13, 1.4f, ACCENT, y - 24);
            for (Step step : content.steps()) {
                if (y < MARGIN + 40) {
                    break;
                }
                y = paragraph(out, step.heading() + " · " + step.stage(), 11, 1.45f,
                        step.failed() ? ERROR : INK, y - 2);
            }
            paragraph(out, content.footer(), 9, 1.3f, MUTED, MARGIN + 24);
        }
    }

    /** A step's page, and more pages if its narration is longer than one page holds. */
    private void stepPages(Step step) throws IOException {
        PDPage page = newPage();
        PDPageContentStream out = new PDPageContentStream(document, page);
        try {
            float y = paper.height() - MARGIN;
            y = paragraph(out, step.heading(), 16, 1.3f, INK, y);
            y = paragraph(out, step.stage(), 11, 1.4f, step.failed() ? ERROR : ACCENT, y);
            Picture picture = step.picture();
            float scale = Math.min(textWidth() / picture.width(),
                    (paper.height() - 2 * MARGIN) * PICTURE_SHARE / picture.height());
            float w = picture.width() * scale;
            float h = picture.height() * scale;
            y -= 8;
            out.drawImage(image(picture), MARGIN + (textWidth() - w) / 2, y - h, w, h);
            out.setStrokingColor(MUTED[0], MUTED[1], MUTED[2]);
            out.setLineWidth(0.5f);
            out.addRect(MARGIN + (textWidth() - w) / 2, y - h, w, h);
            out.stroke();
            y -= h + 18;
            float size = 11.5f;
            float leading = size * 1.5f;
            for (String line : TextLines.wrap(printableText(step.narration()), textWidth(), this::width11)) {
                if (y - leading < MARGIN + 20) {
                    out.close();
                    out = new PDPageContentStream(document, newPage());
                    y = paper.height() - MARGIN;
                }
                y -= leading;
                show(out, line, size, INK, MARGIN, y);
            }
        } finally {
            out.close();
        }
    }

    private void pageNumbers(String pattern) throws IOException {
        int count = document.getNumberOfPages();
        for (int i = 0; i < count; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream out = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                String text = printableText(MessageFormat.format(pattern, Integer.toString(i + 1),
                        Integer.toString(count)));
                float x = (paper.width() - width(text, 9)) / 2;
                show(out, text, 9, MUTED, x, MARGIN / 2);
            }
        }
    }

    /** Sets {@code text} wrapped to the text width from {@code top} down; returns where it ended. */
    private float paragraph(PDPageContentStream out, String text, float size, float lineHeight, float[] colour,
                            float top) throws IOException {
        float y = top;
        for (String line : TextLines.wrap(printableText(text), textWidth(), s -> width(s, size))) {
            y -= size * lineHeight;
            show(out, line, size, colour, MARGIN, y);
        }
        return y;
    }

    private void show(PDPageContentStream out, String line, float size, float[] colour, float x, float y)
            throws IOException {
        if (line.isEmpty()) {
            return;
        }
        out.beginText();
        out.setNonStrokingColor(colour[0], colour[1], colour[2]);
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(line);
        out.endText();
    }

    private double width11(String s) {
        return width(s, 11.5f);
    }

    private float width(String s, float size) {
        try {
            return font.getStringWidth(s) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text with every character the font has no glyph for shown as a question mark. */
    private String printableText(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || printable.computeIfAbsent(cp, this::hasGlyph)) {
                sb.appendCodePoint(cp);
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                sb.append(' ');
            } else if (!Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT) {
                sb.append('?');
            }
        });
        return sb.toString();
    }

    private boolean hasGlyph(int cp) {
        if (Character.isISOControl(cp)) {
            return false;
        }
        try {
            font.encode(new String(Character.toChars(cp)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private PDImageXObject image(Picture picture) throws IOException {
        return new PDImageXObject(document, new ByteArrayInputStream(picture.deflated), COSName.FLATE_DECODE,
                picture.width(), picture.height(), 8, PDDeviceRGB.INSTANCE);
    }

}
