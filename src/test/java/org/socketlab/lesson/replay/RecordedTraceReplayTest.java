// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socketlab.lesson.replay.Replays.at;
import static org.socketlab.lesson.replay.Replays.open;
import static org.socketlab.lesson.replay.Replays.warnings;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socketlab.kernel.DescriptorTable;
import org.socketlab.kernel.Stage;
import org.socketlab.lesson.Frame;

/**
 * The logs recorded in every output format real traces use (assets/traces): each replays with
 * the kernel's numbers, processes and threads get the tables Linux gives them.
 */
class RecordedTraceReplayTest {

    @ParameterizedTest
    @ValueSource(strings = {"accept-thread-f-stderr", "accept-thread-f-tt-T-yy", "basic-C", "basic-k",
        "curl-f-tt-T-yy", "emfile-X-verbose", "fork-f-r", "fork-f-stderr", "fork-f", "interrupted-f",
        "lifecycle-X-verbose", "lifecycle-r", "lifecycle-t", "lifecycle-ttt-T", "lifecycle-y", "lifecycle-yy",
        "odd-paths-y", "python-kinds-f-yy", "thread-f", "python-server-f-yy"})
    void everyLogReplaysWithTheKernelsNumbersAndNothingLeftBehind(String name) {
        Replay replay = Replays.resource("/assets/traces/" + name + ".strace");

        assertThat(replay.warnings()).noneMatch(w -> w.kind() == ReplayWarning.Kind.NOT_REPLAYED);
        assertThat(replay.lesson().size()).isGreaterThan(1);
        for (int i = 0; i < replay.lesson().size(); i++) {
            assertThat(replay.lesson().frame(i).codeLine()).isLessThan(replay.lineCount());
        }
        // Where the kernel handed out descriptors, the model's cabinet holds them afterwards.
        List<Frame> frames = replay.lesson().frames();
        int held = 0;
        for (ReplayedCall c : replay.calls()) {
            if (c.fds().isEmpty()) {
                continue;
            }
            Frame last = null;
            for (Frame f : frames) {
                if (f.codeLine() == c.line() - 1) {
                    last = f;
                }
            }
            assertThat(last).as("the frames of line %d", c.line()).isNotNull();
            DescriptorTable table = last.step().state().tableOf(last.step().pid());
            for (int fd : c.fds()) {
                assertThat(table.isOpen(fd)).as("line %d: fd %d open in the model's cabinet", c.line(), fd).isTrue();
                held++;
            }
        }
        assertThat(held).as("descriptors the kernel handed out").isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"fork-f", "fork-f-stderr", "fork-f-r", "thread-f", "accept-thread-f-tt-T-yy",
        "interrupted-f", "lifecycle-t", "lifecycle-yy", "emfile-X-verbose", "odd-paths-y", "basic-k"})
    void whereTheLogShowsEverythingTheModelAgrees(String name) {
        Replay replay = Replays.resource("/assets/traces/" + name + ".strace");

        assertThat(replay.mismatches()).isZero();
        assertThat(replay.warnings()).noneMatch(w -> w.kind() == ReplayWarning.Kind.UNKNOWN_PROCESS);
    }

    @Test
    void aForkedChildGetsACopyOfTheTableSoBothSidesAreHandedFour() {
        Replay replay = Replays.resource("/assets/traces/fork-f.strace");

        assertThat(at(replay, 5).pid()).isEqualTo(8395);
        assertThat(at(replay, 5).fds()).containsExactly(4);
        assertThat(at(replay, 8).pid()).isEqualTo(8396);
        assertThat(at(replay, 8).predicted()).containsExactly(4);
        assertThat(replay.processes()).extracting(ProcessAtEnd::pid).containsExactly(8395, 8396);
    }

    @Test
    void aThreadSharesTheTableSoMainsNextSocketIsFive() {
        Replay replay = Replays.resource("/assets/traces/thread-f.strace");

        assertThat(at(replay, 5).pid()).isEqualTo(8401);
        assertThat(at(replay, 5).fds()).containsExactly(4);
        assertThat(at(replay, 8).predicted()).containsExactly(5);
        // 8401 is a thread of 8400 (CLONE_THREAD): listed under its process, which closed everything.
        assertThat(replay.processes()).extracting(ProcessAtEnd::pid).containsExactly(8400);
        assertThat(replay.processes().get(0).threads()).containsExactly(8401);
        assertThat(open(replay, 8400)).containsExactly("0 std", "1 std", "2 std");
    }

    @Test
    void aBlockedAcceptHoldsItsDrawerSoTheSocketMadeMeanwhileGetsFive() {
        Replay replay = Replays.resource("/assets/traces/accept-thread-f-tt-T-yy.strace");

        assertThat(at(replay, 10).predicted()).containsExactly(5);
        assertThat(at(replay, 12).call()).isEqualTo("accept4");
        assertThat(at(replay, 12).predicted()).containsExactly(4);
        assertThat(replay.lesson().frames()).anySatisfy(f -> {
            assertThat(f.codeLine()).isEqualTo(8);
            assertThat(f.step().stage()).isEqualTo(Stage.OPEN_FILE);
            assertThat(f.say().en()).contains("before it waits");
        });
        assertThat(replay.disagreements()).isZero();
    }

    @Test
    void aVforkChildThatRunsBeforeItsParentReturnsIsNotAStranger() {
        Replay replay = Replays.resource("/assets/traces/interrupted-f.strace");

        assertThat(at(replay, 11).errno()).isEqualTo("ERESTARTSYS");
        assertThat(at(replay, 11).predicted()).isEmpty();
        assertThat(replay.processes()).extracting(ProcessAtEnd::pid, ProcessAtEnd::exitStatus)
                .contains(org.assertj.core.groups.Tuple.tuple(8468, 137), org.assertj.core.groups.Tuple.tuple(8469, 0));
    }

    @Test
    void decorationsNameWhatTheLogNeverShowedOpening() {
        Replay replay = Replays.resource("/assets/traces/python-kinds-f-yy.strace");

        assertThat(at(replay, 39).call()).isEqualTo("socketpair");
        assertThat(at(replay, 39).fds()).containsExactly(7, 8);
        assertThat(at(replay, 39).predicted()).containsExactly(7, 8);
        // fd 10 was taken by a file Python opened outside the trace's filter: the model cannot know.
        assertThat(warnings(replay)).contains("55 MISMATCH");
        assertThat(replay.mismatches()).isEqualTo(1);
    }

    @Test
    void aFilterWithoutListenLeavesTheModelGuessingAndItSaysSo() {
        Replay replay = Replays.resource("/assets/traces/accept-thread-f-stderr.strace");

        assertThat(at(replay, 10).fds()).containsExactly(4);
        assertThat(replay.warnings()).anyMatch(w -> w.kind() == ReplayWarning.Kind.MISMATCH && w.line() == 10);
        // The filter hid bind() and listen(): to the model the server is outside the trace, so the
        // connect that succeeded is one it cannot know, not one it disagrees with.
        assertThat(at(replay, 9).check().known()).isFalse();
        assertThat(warnings(replay)).doesNotContain("9 DISAGREEMENT");
    }

    @Test
    void aClientTheLogNeverShowsConnectsAndAcceptGivesItTheLowestFreeDrawer() {
        Replay replay = Replays.resource("/assets/traces/python-server-f-yy.strace");

        assertThat(at(replay, 40).call()).isEqualTo("accept4");
        assertThat(at(replay, 40).predicted()).containsExactly(4);
        assertThat(at(replay, 43).call()).isEqualTo("fcntl");
        assertThat(at(replay, 43).predicted()).containsExactly(5);
        assertThat(replay.lesson().frames()).anyMatch(f -> f.step().stage() == Stage.INCOMING_CONNECTION);
        assertThat(replay.mismatches()).isZero();
        assertThat(replay.disagreements()).isZero();
    }
}
