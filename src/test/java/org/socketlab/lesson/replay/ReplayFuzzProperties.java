// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.socketlab.fuzz.Fuzz;
import org.socketlab.lesson.strace.NotAStraceLogException;

/**
 * The importer against what real files can hold: random text, and real logs with lines
 * mutated, shuffled, repeated or mixed across logs. Every input replays or is refused as
 * "not a strace log"; no exception escapes and the model never gives up on a line. Short
 * default runs ({@code -Pfuzz} for long ones, see {@link Fuzz}); the lesson frames are all worked
 * out, as the window would.
 */
@Fuzz
class ReplayFuzzProperties {
    private static final List<String> LINES = new ArrayList<>();

    static {
        for (String name : List.of("/traces/lifecycle.strace", "/traces/curl.strace", "/traces/emfile.strace",
                "/assets/traces/fork-f.strace", "/assets/traces/accept-thread-f-tt-T-yy.strace",
                "/assets/traces/interrupted-f.strace", "/assets/traces/python-kinds-f-yy.strace",
                "/assets/traces/python-server-f-yy.strace", "/assets/traces/thread-f.strace")) {
            LINES.addAll(Replays.text(name).lines().toList());
        }
    }

    private static void check(String text) {
        Replay replay;
        try {
            replay = TraceReplay.importTrace(text, "fuzz.strace");
        } catch (NotAStraceLogException refused) {
            assertThat(refused.getMessage()).contains("fuzz.strace");
            return;
        }
        assertThat(replay.warnings()).noneMatch(w -> w.kind() == ReplayWarning.Kind.NOT_REPLAYED);
        replay.lesson().frames().forEach(f -> assertThat(f.step()).isNotNull());
        replay.warnings().forEach(w -> assertThat(w.message()).isNotBlank());
    }

    @Property(tries = 200)
    void randomTextReplaysOrIsRefused(@ForAll @StringLength(max = 200) String text) {
        check(text);
    }

    @Property(tries = 300)
    void realLinesMutatedShuffledAndMixedReplay(@ForAll("mixedLogs") String text) {
        check(text);
    }

    @Provide
    Arbitrary<String> mixedLogs() {
        Arbitrary<String> line = Arbitraries.of(LINES);
        Arbitrary<String> mutated = Combinators.combine(line, Arbitraries.integers().between(0, 400),
                Arbitraries.of("", "0", "9", "-1", "?", "(", ")", "<", ">", "[", "]", "=", " ", "\"", "1023", "65536",
                        "<unfinished ...>", "<... socket resumed>", "EMFILE", "4242  "))
                .as((l, at, insert) -> {
                    int p = Math.min(at, l.length());
                    return at % 3 == 0 ? l.substring(0, p) + insert + l.substring(p)
                            : l.substring(0, p) + insert + l.substring(Math.min(l.length(), p + 1 + at % 5));
                });
        Arbitrary<String> any = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, line), net.jqwik.api.Tuple.of(3, mutated));
        return any.list().ofMinSize(1).ofMaxSize(60).map(l -> String.join("\n", l));
    }
}
