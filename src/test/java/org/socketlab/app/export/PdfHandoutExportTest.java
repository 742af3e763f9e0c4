// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketlab.app.ExportRuns;
import org.socketlab.codec.Paper;
import org.socketlab.lesson.loading.BuiltInLessons;
import org.socketlab.ui.language.Messages;

/**
 * {@code export --pdf}: a handout that a PDF reader opens, read back with PDFBox: its pages, its
 * narration as text in English and Chinese, the bundled font embedded, the paper size.
 */
class PdfHandoutExportTest {
    @TempDir
    Path folder;

    private final ExportRuns runs = new ExportRuns();

    @BeforeAll
    static void toolkit() throws Exception {
        ExportRuns.startJavaFx();
    }

    private static String text(PDDocument pdf) throws Exception {
        return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
    }

    private static List<PDFont> fonts(PDDocument pdf) throws Exception {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
        }
        return fonts;
    }

    @Test
    void aHandoutHasATitlePageAndAPageForEachStepWithItsNarrationAsText() throws Exception {
        assertThat(runs.export("three-stages", "--out", folder.toString(), "--pdf", "--steps", "0-3"))
                .as(runs.err()).isZero();

        Path file = folder.resolve("three-stages-handout.pdf");
        assertThat(ExportedImages.entries(folder)).containsExactly("three-stages-handout.pdf");
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            assertThat(pdf.getNumberOfPages()).as("a title page and four steps").isEqualTo(5);
            String text = text(pdf);
            assertThat(text).contains("socket(): three stages", "Step 3 of 6", "Stage 3 of 3: a coat-check ticket",
                    "Page 1 of 5", "Page 5 of 5");
            Messages english = new Messages(Locale.ENGLISH);
            String narration = english.narration(BuiltInLessons.threeStages().frame(1).step().narration());
            assertThat(text).contains(narration.replaceAll("\\s+", " "));
            assertThat(fonts(pdf)).isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                assertThat(font.getName()).contains("SocketLabSans");
            });
            PDPage step = pdf.getPage(1);
            assertThat(step.getMediaBox().getWidth()).as("A4 by default").isCloseTo(Paper.A4.width(),
                    org.assertj.core.api.Assertions.within(0.1f));
            assertThat(step.getResources().getXObjectNames()).as("the step's picture").hasSize(1);
        }
    }

    @Test
    void aChineseHandoutOnLetterPaperPrintsChineseWithTheEmbeddedFont() throws Exception {
        assertThat(runs.export("three-stages", "--out", folder.toString(), "--pdf", "--paper", "letter", "--lang", "zh",
                "--steps", "1")).as(runs.err()).isZero();

        try (PDDocument pdf = Loader.loadPDF(folder.resolve("three-stages-handout.pdf").toFile())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(2);
            assertThat(pdf.getPage(0).getMediaBox().getHeight()).isCloseTo(Paper.LETTER.height(),
                    org.assertj.core.api.Assertions.within(0.1f));
            Messages chinese = new Messages(Locale.SIMPLIFIED_CHINESE);
            String narration = chinese.narration(BuiltInLessons.threeStages().frame(1).step().narration());
            String text = text(pdf).replace(" ", "");
            assertThat(text).contains(narration.replaceAll("\\s+", ""), "第1页，共2页");
            assertThat(pdf.getDocumentCatalog().getLanguage()).startsWith("zh");
            assertThat(fonts(pdf)).allSatisfy(font -> assertThat(font.isEmbedded()).isTrue());
        }
    }

    @Test
    void aBadPaperIsAUsageErrorAndNothingIsWritten() throws Exception {
        assertThat(runs.export("--out", folder.toString(), "--pdf", "--paper", "a3")).isEqualTo(2);
        assertThat(runs.err()).contains("--paper must be a4 or letter");
        assertThat(Files.list(folder)).isEmpty();
    }
}
