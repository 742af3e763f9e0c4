// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.socketlab.export.ArgbImage;
import org.socketlab.export.Paper;
import org.socketlab.export.PdfHandout;
import org.socketlab.app.ExportCommand;
import org.socketlab.lesson.loading.BuiltInLessons;
import org.socketlab.lesson.Lesson;
import org.socketlab.player.Picture;
import org.socketlab.ui.Messages;
import org.testfx.api.FxToolkit;
import picocli.CommandLine;

/**
 * PDF handouts open in another reader than the library that writes them: Poppler's
 * {@code pdftoppm} renders every page and {@code pdftotext} finds every step's narration, in
 * English and in Chinese, for every built-in lesson. (.ci/run installs poppler-utils.)
 *
 * <p>{@code export --pdf} itself is run on the three-stages lesson; every lesson's narration goes
 * through the same handout writer with a small stand-in picture, since pictures at print
 * resolution for all of them would take minutes.
 */
class PdfHandoutPopplerTest {
    @TempDir
    Path folder;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** Runs a Poppler tool; its output, after checking it ended well. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command) + " ended").isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + text).isZero();
        return text;
    }

    private static String withoutSpaces(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static Messages messages(String language) {
        return new Messages(language.equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH);
    }

    /** What the handout says under each step's picture: the lesson's words, then the kernel's. */
    private static List<String> narrations(Lesson lesson, Messages messages) {
        List<String> narrations = new ArrayList<>();
        for (int i = 0; i < lesson.size(); i++) {
            Picture picture = Picture.of(lesson, i);
            String say = messages.lessonText(picture.say());
            String story = messages.narration(picture.step().narration());
            narrations.add(say.isEmpty() ? story : say + "\n" + story);
        }
        return narrations;
    }

    /** Renders every page with pdftoppm and reads the text back with pdftotext. */
    private String poppler(Path pdf) throws Exception {
        int pages;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            pages = document.getNumberOfPages();
        }
        Path prefix = folder.resolve(pdf.getFileName() + "-page");
        run("pdftoppm", "-r", "12", "-png", pdf.toString(), prefix.toString());
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> rendered = files.filter(f -> f.getFileName().toString().startsWith(prefix.getFileName()
                    .toString())).toList();
            assertThat(rendered).as("a picture of every page").hasSize(pages);
            for (Path page : rendered) {
                assertThat(Files.size(page)).as(page.getFileName().toString()).isPositive();
            }
        }
        return withoutSpaces(run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-"));
    }

    @ParameterizedTest(name = "export --pdf --lang {0}")
    @ValueSource(strings = {"en", "zh"})
    void theExportedHandoutOpensInPoppler(String language) throws Exception {
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new ExportCommand());
        command.setOut(new PrintWriter(new StringWriter(), true));
        command.setErr(new PrintWriter(err, true));
        assertThat(command.execute("three-stages", "--out", folder.toString(), "--pdf", "--lang", language))
                .as(err.toString()).isZero();

        String text = poppler(folder.resolve("three-stages-handout.pdf"));

        assertThat(narrations(BuiltInLessons.threeStages(), messages(language)))
                .allSatisfy(narration -> assertThat(text).contains(withoutSpaces(narration)));
    }

    static Stream<Arguments> lessonsAndLanguages() {
        return BuiltInLessons.all().stream()
                .flatMap(lesson -> Stream.of(Arguments.of(lesson.id(), "en"), Arguments.of(lesson.id(), "zh")));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("lessonsAndLanguages")
    void everyLessonsNarrationIsTextPopplerFinds(String id, String language) throws Exception {
        Lesson lesson = BuiltInLessons.find(id).orElseThrow().lesson();
        Messages messages = messages(language);
        List<String> narrations = narrations(lesson, messages);
        int[] white = new int[16 * 10];
        Arrays.fill(white, 0xffffffff);
        List<PdfHandout.Step> steps = new ArrayList<>();
        for (int i = 0; i < narrations.size(); i++) {
            String stage = messages.get("stage." + lesson.frame(i).step().stage().name() + ".chip");
            steps.add(new PdfHandout.Step(messages.get("controls.position", i, narrations.size() - 1), stage,
                    narrations.get(i), ArgbImage.of(16, 10, white), lesson.frame(i).step().failed()));
        }
        Locale locale = messages.getLocale();
        PdfHandout.Content content = new PdfHandout.Content(lesson.title().get(locale),
                lesson.description().get(locale), messages.get("handout.contents"), messages.get("handout.footer", "test"),
                messages.get("handout.page"), locale.toLanguageTag(), steps);
        Path pdf = folder.resolve(id + "-" + language + ".pdf");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PdfHandout.write(content, Paper.A4, bytes);
        try (OutputStream out = Files.newOutputStream(pdf)) {
            bytes.writeTo(out);
        }

        String text = poppler(pdf);

        assertThat(narrations).allSatisfy(narration -> assertThat(text).contains(withoutSpaces(narration)));
    }
}
