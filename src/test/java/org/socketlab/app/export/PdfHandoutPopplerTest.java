// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.socketlab.app.ExportCommand;
import org.socketlab.lesson.loading.BuiltInLessons;
import org.socketlab.lesson.Lesson;
import org.socketlab.player.Picture;
import org.socketlab.ui.language.Messages;
import org.testfx.api.FxToolkit;
import picocli.CommandLine;

/**
 * PDF handouts open in another reader than the library that writes them: for every built-in
 * lesson, in English and in Chinese, {@code export --pdf} writes the real handout (every step's
 * picture at print resolution), Poppler's {@code pdftoppm} renders each of its pages, and
 * {@code pdftotext} finds a title page, then each step's heading at the top of its own page in
 * order, and each step's narration. (.ci/run installs poppler-utils.) The pages are rendered at
 * 12 dpi: enough to decode every picture and draw every glyph, without making big bitmaps.
 */
class PdfHandoutPopplerTest {
    @TempDir
    static Path shared;

    /**
     * The handouts, exported two at a time from the start: the FX thread draws one lesson's pictures
     * while another's are compressed and written and an earlier one is read by Poppler.
     */
    private static ExecutorService exporting;
    private static final Map<String, Future<Path>> HANDOUTS = new ConcurrentHashMap<>();

    @BeforeAll
    static void exportEveryHandout() throws Exception {
        FxToolkit.registerPrimaryStage();
        exporting = Executors.newFixedThreadPool(2);
        lessonsAndLanguages().forEach(arguments -> {
            String id = (String) arguments.get()[0];
            String language = (String) arguments.get()[1];
            HANDOUTS.put(id + " " + language, exporting.submit(() -> export(id, language)));
        });
    }

    @AfterAll
    static void stopExporting() {
        exporting.shutdownNow();
    }

    /** {@code export LESSON --pdf --lang LANGUAGE} into a folder of its own; the handout it wrote. */
    private static Path export(String id, String language) throws IOException {
        Path out = Files.createDirectories(shared.resolve(id + "-" + language));
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new ExportCommand());
        command.setOut(new PrintWriter(new StringWriter(), true));
        command.setErr(new PrintWriter(err, true));
        int exit = command.execute(id, "--out", out.toString(), "--pdf", "--lang", language);
        if (exit != 0) {
            throw new IllegalStateException("export " + id + " --lang " + language + " ended with " + exit + ": " + err);
        }
        return out.resolve(id + "-handout.pdf");
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

    /**
     * Renders every page with pdftoppm and reads the text back with pdftotext: the text of each
     * page, as many as pdftoppm rendered and as the file says it has.
     */
    private static List<String> poppler(Path pdf) throws Exception {
        int pages;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            pages = document.getNumberOfPages();
        }
        Path folder = pdf.getParent();
        Path prefix = folder.resolve("page");
        run("pdftoppm", "-r", "12", "-png", pdf.toString(), prefix.toString());
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> rendered = files.filter(f -> f.getFileName().toString().startsWith(prefix.getFileName()
                    .toString())).toList();
            assertThat(rendered).as("a picture of every page").hasSize(pages);
            for (Path page : rendered) {
                assertThat(Files.size(page)).as(page.getFileName().toString()).isPositive();
            }
        }
        // pdftotext ends every page with a form feed.
        List<String> text = Arrays.stream(run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-").split("\f", -1))
                .map(PdfHandoutPopplerTest::withoutSpaces).toList();
        assertThat(text.subList(0, text.size() - 1)).as("pdftotext's pages").hasSize(pages);
        return text.subList(0, pages);
    }

    static Stream<Arguments> lessonsAndLanguages() {
        return BuiltInLessons.all().stream()
                .flatMap(lesson -> Stream.of(Arguments.of(lesson.id(), "en"), Arguments.of(lesson.id(), "zh")));
    }

    @ParameterizedTest(name = "export {0} --pdf --lang {1}")
    @MethodSource("lessonsAndLanguages")
    void everyLessonsHandoutOpensInPoppler(String id, String language) throws Exception {
        Path handout = HANDOUTS.get(id + " " + language).get(5, TimeUnit.MINUTES);
        Lesson lesson = BuiltInLessons.find(id).orElseThrow().lesson();
        Messages messages = messages(language);
        List<String> narrations = narrations(lesson, messages);

        List<String> pages = poppler(handout);

        assertThat(pages.get(0)).as("the title page").contains(withoutSpaces(lesson.title().get(messages.getLocale())));
        int page = 1;
        for (int step = 0; step < lesson.size(); step++) {
            String heading = withoutSpaces(messages.get("controls.position", step, lesson.size() - 1));
            assertThat(page).as("a page for step " + step).isLessThan(pages.size());
            assertThat(pages.get(page)).as("page " + (page + 1)).startsWith(heading);
            StringBuilder stepText = new StringBuilder(pages.get(page++));
            // A narration longer than a page goes on over the next pages, which have no heading.
            while (page < pages.size() && !pages.get(page).startsWith(withoutSpaces(
                    messages.get("controls.position", step + 1, lesson.size() - 1)))) {
                stepText.append(pages.get(page++));
            }
            assertThat(stepText.toString()).as("step " + step + "'s narration").contains(withoutSpaces(narrations.get(step)));
        }
        assertThat(page).as("no page after the last step's").isEqualTo(pages.size());
    }
}
