// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Threads of one table whose calls overlap in the log (traces/thread-race, recorded from a real
 * program): where the order of the lines is not the order in which the kernel handed out
 * numbers, the replay says it cannot know instead of calling the model wrong.
 */
class ThreadRaceReplayTest {
    private static final Path LOG = Path.of("src/test/resources/traces/thread-race/prog.strace");

    @Test
    void overlappingCallsOfTwoThreadsAreACannotKnowWithAWarningNamingBothNotAMismatch() throws Exception {
        Replay replay = TraceReplay.importTrace(LOG);

        assertThat(replay.mismatches()).isZero();
        assertThat(replay.disagreements()).isZero();
        assertThat(replay.warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(ReplayWarning.Kind.RACE);
            assertThat(w.line()).isEqualTo(620);
            assertThat(w.message()).isEqualTo("socket() at line 620 and socket() at line 621 ran at the same time in"
                    + " two threads of one descriptor table: the log cannot tell which the kernel served first, so the"
                    + " model follows the kernel's numbers");
        });
        ReplayedCall raced = replay.calls().stream().filter(c -> c.line() == 620).findFirst().orElseThrow();
        assertThat(raced.check().known()).as("no confident prediction").isFalse();
        ReplayedCall first = replay.calls().stream().filter(c -> c.line() == 621).findFirst().orElseThrow();
        assertThat(first.fds()).containsExactly(3);
        assertThat(first.predicted()).as("it held 3 since it began").containsExactly(3);
    }

    @Test
    void everyOtherSocketOfBothThreadsIsPredictedRight() throws Exception {
        Replay replay = TraceReplay.importTrace(LOG);
        List<ReplayedCall> sockets = replay.calls().stream().filter(c -> c.call().equals("socket")).toList();

        assertThat(sockets).hasSize(400);
        assertThat(sockets).filteredOn(c -> c.line() != 620)
                .allSatisfy(c -> assertThat(c.predicted()).as("line %d", c.line()).isEqualTo(c.fds()));
    }

    /** Processes with tables of their own never race, however their lines interleave. */
    @Test
    void callsOfTwoProcessesWithTheirOwnTablesDoNotRace() throws Exception {
        Replay replay = Replays.of("""
                100 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3
                100 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD) = 101
                100 socket(AF_INET, SOCK_STREAM, IPPROTO_IP <unfinished ...>
                101 close(3) = 0
                101 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 3
                100 <... socket resumed>) = 5
                """, "fork.strace");

        assertThat(replay.warnings()).extracting(ReplayWarning::kind).doesNotContain(ReplayWarning.Kind.RACE);
        assertThat(replay.mismatches()).as("socket() in 100 predicted 4, got 5: a real difference").isEqualTo(1);
    }
}
