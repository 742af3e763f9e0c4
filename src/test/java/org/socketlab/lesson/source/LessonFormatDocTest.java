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
import org.socketlab.kernel.Outcome;
import org.socketlab.kernel.SocketState;
import org.socketlab.kernel.Step;
import org.socketlab.lesson.Frame;
import org.socketlab.lesson.Lesson;
import org.socketlab.player.Player;

/**
 * docs/lesson-format.md says what the parser does: each ```c block in it parses, unless the
 * ```text block after it shows the exact message it fails with; each that parses compiles and
 * plays to its end; the example lessons in src/test/resources/lessons are the doc's examples,
 * word for word, and do what the doc says they do.
 */
class LessonFormatDocTest {
    private static final Path DOC = Path.of("docs", "lesson-format.md");

    /** A fenced block of the doc: its language tag, first line number and text. */
    private record Block(String language, int line, String text) {
    }

    @Test
    void everyCodeBlockParsesOrFailsWithTheMessageShownBelowIt() throws IOException, LessonParseException {
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
                assertPlaysToTheEnd(block);
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

    /** A lesson the doc shows compiles, every call returns, and a player walks it to its last frame. */
    private static void assertPlaysToTheEnd(Block block) throws LessonParseException {
        LessonSource source = LessonParser.parse("lesson.c", block.text());
        Lesson lesson = LessonCompiler.compile(source);
        assertThat(lesson.frames().stream().filter(f -> f.step().outcome().isReturned()).count())
                .as("the lesson at docs line %d", block.line()).isEqualTo(source.statements().size());
        Player player = new Player(lesson);
        while (player.canStepForward()) {
            player.step();
            assertThat(player.getCurrent().codeLine()).isBetween(0, lesson.code().size() - 1);
        }
        assertThat(player.getIndex()).isEqualTo(lesson.size() - 1);
    }

    @Test
    void theFirstLessonGivesNumberThreeBack() throws LessonParseException {
        assertThat(results("three-tabs.c")).containsExactly("4242 socket → 3", "4242 socket → 4", "4242 close → 0",
                "4242 socket → 3");
    }

    @Test
    void forkCopiesTheTableAndTheParentsCloseFreesTheSocket() throws LessonParseException {
        Lesson lesson = LessonCompiler.compile(LessonParser.parse(Lessons.resource("fork-copy.c")));

        assertThat(results(lesson)).containsExactly("2000 socket → 3", "2000 fork → 2001", "2001 close → 0",
                "2001 socket → 3", "2001 exit → 0", "2000 close → 0", "2000 exit → 0");
        List<Step> ends = ends(lesson);
        assertThat(ends.get(2).state().memory().used()).as("the child's close: the socket lives on").isEqualTo(3584);
        assertThat(ends.get(5).state().sockets().isEmpty()).as("the parent's close is the last reference").isTrue();
        assertThat(ends.get(6).state().processes()).as("every descriptor closed").isEmpty();
    }

    @Test
    void theConversationConnectsAcceptsSendsAndEndsWithNothingLeft() throws LessonParseException {
        Lesson lesson = LessonCompiler.compile(LessonParser.parse(Lessons.resource("conversation.c")));

        assertThat(results(lesson)).containsExactly("1000 socket → 3", "1000 bind → 0", "1000 listen → 0",
                "1000 socket → 4", "1000 connect → 0", "1000 accept4 → 5", "1000 send → 2", "1000 shutdown → 0",
                "1000 close → 0", "1000 close → 0", "1000 close → 0", "1000 socket → 3", "1000 sendto → 5",
                "1000 close → 0");
        List<Step> ends = ends(lesson);
        assertThat(ends.get(5).state().fileOf(1000, 5).nonBlocking()).isTrue();
        assertThat(ends.get(12).state().socketOf(1000, 3).socketState()).as("UDP: no connection")
                .isEqualTo(SocketState.SS_UNCONNECTED);
        assertThat(ends.get(13).state().memory().used()).isZero();
    }

    private static List<String> results(String resource) throws LessonParseException {
        return results(LessonCompiler.compile(LessonParser.parse(Lessons.resource(resource))));
    }

    private static List<Step> ends(Lesson lesson) {
        return lesson.frames().stream().map(Frame::step).filter(s -> s.call() != null && s.outcome().isReturned())
                .toList();
    }

    private static List<String> results(Lesson lesson) {
        return ends(lesson).stream().map(s -> s.pid() + " " + s.call().name() + " → " + (s.outcome()
                instanceof Outcome.Success ok ? String.valueOf(ok.value()) : s.outcome().toString())).toList();
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
