// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.socketlab.fuzz.Fuzz;

/**
 * Random valid lessons parse into exactly the calls they spell out; random and mutated text
 * never makes the parser fail in any way other than a LessonParseException with real positions
 * (those properties are {@link Fuzz}: {@code -Pfuzz} runs them long).
 */
class LessonPropertiesTest {
    private static final String C_ISH = "abcdefklmnoprstuvxyz_ACEFIKNOST0123456789(){};,=|!<>-+*&\"'/\\#:@[]. \n\t\r"
            + "中文；（）“";

    @Property(tries = 400)
    void randomValidLessonsParseIntoTheCallsTheySpellOut(@ForAll @Size(max = 80) List<Integer> choices)
            throws LessonParseException {
        RandomLesson lesson = RandomLesson.from(choices);

        LessonSource parsed = LessonParser.parse("random.c", lesson.text.toString());

        assertThat(parsed.statements().stream().map(LessonPropertiesTest::describe).collect(Collectors.toList()))
                .as(lesson.text.toString())
                .containsExactlyElementsOf(lesson.expected);
        for (Statement s : parsed.statements()) {
            assertThat(parsed.lines().get(s.line() - 1).codePointCount(0, parsed.lines().get(s.line() - 1).length()))
                    .isGreaterThanOrEqualTo(s.column());
        }
    }

    @Example
    void theGeneratorCoversForksNarrationAndEveryCall() throws LessonParseException {
        int forks = 0;
        int narrated = 0;
        Set<Call> calls = EnumSet.noneOf(Call.class);
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            List<Integer> choices = random.ints(80, 0, 1000).boxed().collect(Collectors.toList());
            LessonSource parsed = LessonParser.parse("random.c", RandomLesson.from(choices).text.toString());
            forks += parsed.processes().size() - 1;
            narrated += (int) parsed.statements().stream().filter(s -> s.narration().isPresent()).count();
            parsed.statements().forEach(s -> calls.add(s.call()));
        }
        assertThat(forks).isGreaterThan(20);
        assertThat(narrated).isGreaterThan(100);
        assertThat(calls).containsExactlyInAnyOrder(Call.values());
    }

    @Fuzz
    @Property(tries = 1000)
    void randomTextOnlyEverFailsWithPositionedProblems(@ForAll("cIshText") String text) {
        checkParses(text.getBytes(StandardCharsets.UTF_8));
    }

    @Fuzz
    @Property(tries = 500)
    void mutatedValidLessonsOnlyEverFailWithPositionedProblems(@ForAll @Size(max = 60) List<Integer> choices,
                                                               @ForAll("edits") List<int[]> edits) {
        StringBuilder text = RandomLesson.from(choices).text;
        for (int[] edit : edits) {
            if (text.length() == 0) {
                break;
            }
            int at = Math.floorMod(edit[1], text.length());
            switch (edit[0]) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, C_ISH.charAt(Math.floorMod(edit[2], C_ISH.length())));
                case 2 -> text.delete(at, Math.min(text.length(), at + Math.floorMod(edit[2], 12)));
                default -> text.insert(at, text.substring(at, Math.min(text.length(), at + Math.floorMod(edit[2], 30))));
            }
        }
        checkParses(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Fuzz
    @Property(tries = 300)
    void randomBytesOnlyEverFailWithPositionedProblems(@ForAll @Size(max = 300) byte[] bytes) {
        checkParses(bytes);
    }

    @Provide
    Arbitrary<String> cIshText() {
        return Arbitraries.strings().withChars(C_ISH).ofMaxLength(300);
    }

    @Provide
    Arbitrary<List<int[]>> edits() {
        Arbitrary<int[]> edit = Arbitraries.integers().between(0, 3).flatMap(kind ->
                Arbitraries.integers().between(0, 10_000).tuple2().map(t -> new int[] {kind, t.get1(), t.get2()}));
        return edit.list().ofMinSize(1).ofMaxSize(6);
    }

    private static void checkParses(byte[] content) {
        String shown = new String(content, StandardCharsets.UTF_8);
        int lineCount = Math.max(1, (int) shown.lines().count());
        try {
            LessonSource lesson = LessonParser.parse("fuzz.c", content);
            assertThat(lesson.statements()).as(shown).isNotEmpty();
        } catch (LessonParseException e) {
            assertThat(e.problems()).as(shown).isNotEmpty().hasSizeLessThanOrEqualTo(LessonParseException.SHOWN);
            for (Problem p : e.problems()) {
                assertThat(p.line()).as(e.getMessage()).isBetween(1, lineCount + 1);
                assertThat(p.column()).as(e.getMessage()).isGreaterThanOrEqualTo(1);
                assertThat(p.message()).isNotBlank();
                assertThat(e.getMessage()).contains(p.sourceName() + ":" + p.line() + ":" + p.column() + ": ");
            }
        }
    }

    static String describe(Statement s) {
        return Lessons.describe(s) + s.narration().map(n -> " «" + n.zh() + "|" + n.en() + "»").orElse("");
    }
}
