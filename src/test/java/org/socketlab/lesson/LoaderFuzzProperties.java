// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.socketlab.fuzz.Fuzz;
import org.socketlab.fuzz.Mutations;
import org.socketlab.lesson.loading.LessonLoadException;
import org.socketlab.lesson.loading.LessonLoader;
import org.socketlab.lesson.source.LessonParseException;
import org.socketlab.lesson.source.Problem;
import org.socketlab.lesson.strace.NotAStraceLogException;

/**
 * The door the window and the command line open files through, {@link LessonLoader#open(Path)},
 * against damaged real files: every built-in lesson and test lesson, every shipped and test
 * trace, with bytes flipped, invalid UTF-8 and NUL put in, ranges cut or repeated, syntax
 * pieces and 12,000-deep runs of brackets inserted, numbers swapped for extreme ones; and
 * random bytes under either name. Each file opens as a lesson whose every frame can be worked
 * out, or is refused with a {@link LessonLoadException} whose cause says where: a lesson file's
 * problems at a line and column inside the file, a trace's refusal at its line (or, for the whole
 * file, in a sentence naming it). Nothing else may escape. Short runs here; {@code -Pfuzz} for
 * long ones (see {@link Fuzz}).
 */
@Fuzz
class LoaderFuzzProperties {
    private static final List<Path> LESSONS = Mutations.files(".c", "assets/lessons", "src/test/resources/lessons");
    private static final List<Path> TRACES = Mutations.files(".strace", "assets/traces", "src/test/resources/traces");
    private static final EnumSet<NotAStraceLogException.Reason> AT_A_LINE = EnumSet.of(
            NotAStraceLogException.Reason.BINARY, NotAStraceLogException.Reason.NOT_TEXT,
            NotAStraceLogException.Reason.LINE_TOO_LONG);
    private static Path folder;

    @BeforeContainer
    static void makeFolder() throws IOException {
        folder = Files.createTempDirectory("socket-lab-fuzz");
    }

    @AfterContainer
    static void removeFolder() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<Path> lessons() {
        return Arbitraries.of(LESSONS);
    }

    @Provide
    Arbitrary<Path> traces() {
        return Arbitraries.of(TRACES);
    }

    @Provide
    Arbitrary<List<Mutations.Mutation>> mutations() {
        return Mutations.mutations();
    }

    @Property(tries = 300)
    void aDamagedLessonFileOpensOrIsExplainedAtALineAndColumn(@ForAll("lessons") Path lesson,
                                                             @ForAll("mutations") List<Mutations.Mutation> damage) {
        assertThat(LESSONS).hasSizeGreaterThanOrEqualTo(9);
        check("damaged.c", Mutations.apply(Mutations.read(lesson), damage));
    }

    @Property(tries = 200)
    void aDamagedTraceReplaysOrIsRefusedAtItsLine(@ForAll("traces") Path trace,
                                                  @ForAll("mutations") List<Mutations.Mutation> damage) {
        assertThat(TRACES).hasSizeGreaterThanOrEqualTo(25);
        check("damaged.strace", Mutations.apply(Mutations.read(trace), damage));
    }

    @Property(tries = 200)
    void randomBytesOpenOrAreExplainedUnderEitherName(@ForAll @Size(max = 400) byte[] bytes, @ForAll boolean lesson) {
        check(lesson ? "random.c" : "random.strace", bytes);
    }

    /** Writes the bytes to a file of that name and opens it as the window would. */
    static void check(String name, byte[] content) {
        Path file = folder.resolve(name);
        try {
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int lines = lineBreaks(content) + 1;
        try {
            LessonLoader.Opened opened = LessonLoader.open(file);
            for (Frame frame : opened.lesson().frames()) {
                assertThat(frame.step()).isNotNull();
            }
            if (opened.replay() != null) {
                opened.replay().warnings().forEach(w -> {
                    assertThat(w.line()).as(w.message()).isBetween(0, lines);
                    assertThat(w.message()).isNotBlank();
                });
            }
        } catch (LessonLoadException e) {
            assertThat(e.file()).isEqualTo(file);
            assertThat(e.getMessage()).isNotBlank();
            if (LessonLoader.isLessonFile(file)) {
                assertThat(e.getCause()).as(e.getMessage()).isInstanceOf(LessonParseException.class);
                List<Problem> problems = ((LessonParseException) e.getCause()).problems();
                for (Problem p : problems) {
                    assertThat(p.line()).as(p.format()).isBetween(1, lines);
                    assertThat(p.column()).as(p.format()).isPositive();
                    assertThat(p.message()).isNotBlank();
                }
                Problem first = problems.get(0);
                assertThat(e.getMessage()).startsWith(file + ":" + first.line() + ":" + first.column() + ": ");
            } else {
                assertThat(e.getCause()).as(e.getMessage()).isInstanceOf(NotAStraceLogException.class);
                NotAStraceLogException refusal = (NotAStraceLogException) e.getCause();
                assertThat(e.getMessage()).contains(name);
                if (AT_A_LINE.contains(refusal.reason())) {
                    assertThat(refusal.line()).as(e.getMessage()).isBetween(1, lines);
                    assertThat(e.getMessage()).contains("line " + refusal.line());
                } else {
                    assertThat(refusal.line()).as(e.getMessage()).isZero();
                }
            }
        }
    }

    /** Line breaks as either reader counts them: "\n", "\r\n" or a lone "\r". */
    private static int lineBreaks(byte[] content) {
        int n = 0;
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n' || content[i] == '\r' && (i + 1 == content.length || content[i + 1] != '\n')) {
                n++;
            }
        }
        return n;
    }
}
