// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.socketlab.fuzz.Fuzz;

/**
 * The parser never throws on anything: random text, random bytes, real lines with random
 * edits, and every line of every sample log cut at every position. Each outcome is events
 * and warnings whose lines and columns are at least 1, or a clear refusal of input that is
 * no strace log. Default tries keep the run to a few seconds; for a long run pass
 * {@code -Dfuzz.tries=100000}, or {@code mvn verify -Pfuzz} (see {@link Fuzz}).
 */
@Fuzz
class FuzzProperties {
    private static final List<String> LOGS = Traces.all();
    private static final List<List<String>> LINES = LOGS.stream().map(Traces::lines).toList();

    /** Pieces of strace syntax, so random text reaches deep into the parser. */
    private static final List<String> SOUP = List.of(
            "(", ")", "[", "]", "{", "}", "<", ">", "\"", "\\", ",", ", ", "=", " = ", "|", "*", "/*", "*/",
            " ", "  ", ".", ":", "-", "_", "?", "~", "@", "&", "=>", "...", "0", "3", "42", "0x3039", "-1",
            "socket", "accept4", "AF_INET", "SOCK_STREAM", "NULL", "htons(80)", "inet_addr(\"127.0.0.1\")",
            "<unfinished ...>", " <unfinished ...>", "<... accept4 resumed>", "[pid 12] ", "[pid  13] ", "5046  ",
            "22:31:07.123456 ", "1732660267.123456 ", "     0.000123 ", " <0.000022>", "+++ exited with 0 +++",
            "+++ killed by SIGKILL +++", "--- SIGCHLD {si_signo=SIGCHLD} ---", "strace: Process 12 attached",
            "-1 EMFILE (Too many open files)", "? ERESTARTSYS (x)", "3<TCP:[1.2.3.4:5->6.7.8.9:10]>",
            "<socket:[6846]>", "</tmp/a\\76b>", "sa_family=", "\n", "\t", "é", "\uD83D\uDE00");

    private static final String STRACE_CHARS = "()[]{}<>\"\\,=|*/ .:-_?~@&0123456789abcxyzAFINSOCK\n";

    @Property(tries = 300)
    void randomTextIsEventsWarningsOrARefusal(@ForAll @StringLength(max = 300) String text) {
        check(() -> StraceParser.parse(text, "random.txt"));
    }

    @Property(tries = 300)
    void randomBytesAreEventsWarningsOrARefusal(@ForAll @Size(max = 300) byte[] bytes) {
        check(() -> StraceParser.parse(new ByteArrayInputStream(bytes), "random.bin"));
    }

    @Property(tries = 500)
    void straceSyntaxSoupIsEventsWarningsOrARefusal(@ForAll("soup") String text) {
        check(() -> StraceParser.parse(text, "soup.strace"));
    }

    @Property(tries = 500)
    void aRealLogWithOneLineEditedIsStillALog(@ForAll("edited") Edited edit) {
        String text = String.join("\n", edit.lines());
        ParsedTrace t = check(() -> StraceParser.parse(text, "edited.strace"));
        assertThat(t).as("the other lines are real strace output").isNotNull();
    }

    /** Every line of every sample log, cut at every position, after a line that is certainly strace output. */
    @Example
    void everyLineCutAtEveryPositionIsEventsOrWarnings() {
        int cuts = 0;
        for (List<String> lines : LINES) {
            for (String line : lines) {
                for (int cut = 0; cut <= line.length(); cut++) {
                    TraceAssembler asm = new TraceAssembler("cut.strace");
                    asm.accept(1, "+++ exited with 0 +++");
                    asm.accept(2, line.substring(0, cut));
                    ParsedTrace t = asm.finish(2);
                    assertValid(t);
                    cuts++;
                }
            }
        }
        assertThat(cuts).isGreaterThan(100_000);
    }

    @Provide
    Arbitrary<String> soup() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of(SOUP),
                Arbitraries.strings().withChars(STRACE_CHARS).ofMinLength(1).ofMaxLength(3));
        return piece.list().ofMaxSize(80).map(l -> String.join("", l));
    }

    /** One sample log with one of its lines edited. */
    record Edited(List<String> lines, int lineIndex) {
    }

    /** One edit of a line: delete, insert or duplicate a char at a relative position. */
    record Mutation(int kind, double where, char c) {
        String apply(String s) {
            int at = (int) Math.min(s.length(), Math.floor(where * (s.length() + 1)));
            return switch (kind) {
                case 0 -> at < s.length() ? s.substring(0, at) + s.substring(at + 1) : s;
                case 1 -> s.substring(0, at) + c + s.substring(at);
                case 2 -> at < s.length() ? s.substring(0, at + 1) + s.charAt(at) + s.substring(at + 1) : s;
                default -> s.substring(0, at);
            };
        }
    }

    @Provide
    Arbitrary<Edited> edited() {
        Arbitrary<Mutation> mutation = Combinators.combine(
                Arbitraries.integers().between(0, 3),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.chars().with(STRACE_CHARS.toCharArray())).as(Mutation::new);
        Arbitrary<Integer> log = Arbitraries.integers().between(0, LINES.size() - 1);
        return log.flatMap(i -> {
            List<String> lines = LINES.get(i);
            return Combinators.combine(
                    Arbitraries.integers().between(0, lines.size() - 1),
                    mutation.list().ofMinSize(1).ofMaxSize(6)).as((at, edits) -> {
                        String line = lines.get(at);
                        for (Mutation m : edits) {
                            line = m.apply(line);
                        }
                        List<String> copy = new ArrayList<>(lines);
                        copy.set(at, line);
                        return new Edited(copy, at);
                    });
        });
    }

    /** Runs a parse: a ParsedTrace must be valid, a refusal must explain itself; nothing else may escape. */
    private static ParsedTrace check(Callable<ParsedTrace> parse) {
        try {
            ParsedTrace t = parse.call();
            assertValid(t);
            return t;
        } catch (NotAStraceLogException e) {
            assertThat(e.getMessage()).isNotBlank();
            assertThat(e.reason()).isNotNull();
            assertThat(e.line()).isNotNegative();
            return null;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("unexpected " + e, e);
        }
    }

    private static void assertValid(ParsedTrace t) {
        int lines = Math.max(1, t.lineCount());
        assertThat(t.events().size() + t.warnings().size()).isPositive();
        for (TraceWarning w : t.warnings()) {
            assertThat(w.line()).isBetween(1, lines);
            assertThat(w.column()).isGreaterThanOrEqualTo(1);
            assertThat(w.message()).isNotBlank();
        }
        for (TraceEvent e : t.events()) {
            assertThat(e.line()).isBetween(1, lines);
            if (e instanceof TraceCall c) {
                assertThat(c.startLine()).isBetween(1, c.line());
                assertThat(c.rawText()).isNotEmpty();
                assertThat(c.name()).isNotEmpty();
                c.args().forEach(Arg::render);
            }
        }
    }
}
