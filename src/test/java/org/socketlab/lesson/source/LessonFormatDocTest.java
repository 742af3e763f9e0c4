// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docs/lesson-format.md says what the parser does: each ```c block in it parses, unless the
 * ```text block after it shows the exact message it fails with; the example lessons in
 * src/test/resources/lessons are the doc's examples, word for word.
 */
class LessonFormatDocTest {
    private static final Path DOC = Path.of("docs", "lesson-format.md");

    /** A fenced block of the doc: its language tag, first line number and text. */
    private record Block(String language, int line, String text) {
    }

    @Test
    void everyCodeBlockParsesOrFailsWithTheMessageShownBelowIt() throws IOException {
        List<Block> blocks = blocks();
        int checkedErrors = 0;
        int checkedLessons = 0;
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (!block.language().equals("c")) {
                continue;
            }
            Block next = i + 1 < blocks.size() ? blocks.get(i + 1) : null;
            String outcome = outcome(block.text());
            if (next != null && next.language().equals("text")) {
                assertThat(outcome).as("the lesson at docs line %d", block.line()).isEqualTo(next.text().strip());
                checkedErrors++;
            } else {
                assertThat(outcome).as("the lesson at docs line %d", block.line()).isEqualTo("parsed");
                checkedLessons++;
            }
        }
        assertThat(checkedErrors).isGreaterThanOrEqualTo(12);
        assertThat(checkedLessons).isGreaterThanOrEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"three-tabs.c", "fork-copy.c", "conversation.c"})
    void theExampleLessonsAreInTheDocWordForWord(String name) throws Exception {
        String lesson = Files.readString(Lessons.resource(name), StandardCharsets.UTF_8);

        assertThat(blocks()).extracting(Block::text).contains(lesson);
        assertThat(LessonParser.parse(Lessons.resource(name)).statements()).isNotEmpty();
    }

    @Test
    void theDocListsEveryDirectiveAndEveryCall() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        for (String key : Directives.KEYS) {
            assertThat(doc).contains("`" + key + ":`");
        }
        for (Call call : Call.values()) {
            assertThat(doc).contains("`" + call.cName() + "(");
        }
        for (String constant : Constants.names()) {
            assertThat(doc).as(constant).containsPattern("`(" + constant + "|" + constant.replaceFirst("^PF_", "AF_")
                    + ")`|every `AF_` also as `PF_`");
        }
    }

    private static String outcome(String lesson) {
        try {
            LessonParser.parse("lesson.c", lesson);
            return "parsed";
        } catch (LessonParseException e) {
            return e.getMessage();
        }
    }

    private static List<Block> blocks() throws IOException {
        List<String> lines = Files.readAllLines(DOC, StandardCharsets.UTF_8);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("```")) {
                String language = lines.get(i).substring(3).strip();
                StringBuilder text = new StringBuilder();
                int start = i + 1;
                for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                    text.append(lines.get(i)).append('\n');
                }
                blocks.add(new Block(language, start + 1, text.toString()));
            }
        }
        return blocks;
    }
}
