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
import org.socketlab.kernel.ControlBlock;
import org.socketlab.kernel.Stage;
import org.socketlab.lesson.Frame;
import org.socketlab.lesson.Lesson;

/**
 * The project's small C programs, traced on a real kernel: the log holds everything the model
 * needs, so the model agrees with the kernel on every descriptor.
 */
class SharedTraceReplayTest {

    @ParameterizedTest
    @ValueSource(strings = {"basic", "reuse", "emfile", "badargs", "raw-nobody", "lifecycle", "after-socket-errors"})
    void theModelPredictsEveryDescriptorTheKernelHandedOut(String name) {
        Replay replay = Replays.resource("/traces/" + name + ".strace");

        assertThat(replay.mismatches()).isZero();
        assertThat(replay.disagreements()).isZero();
        assertThat(replay.calls()).isNotEmpty().allSatisfy(c -> assertThat(c.predicted()).isEqualTo(c.fds()));
        assertThat(replay.lesson().code()).hasSize(replay.lineCount());
    }

    @Test
    void basicOpensThreeAndTheStartupClosesAreFilesOpenedOutOfSight() {
        Replay replay = Replays.resource("/traces/basic.strace");

        assertThat(at(replay, 3).call()).isEqualTo("socket");
        assertThat(at(replay, 3).fds()).containsExactly(3);
        assertThat(warnings(replay)).containsExactly("1 OPENED_OUTSIDE", "2 OPENED_OUTSIDE");
        assertThat(replay.warnings().get(0).message())
                .isEqualTo("descriptor 3 was opened by a call the trace does not show");
        assertThat(replay.processes()).singleElement().satisfies(p -> {
            assertThat(p.pid()).isNull();
            assertThat(p.exitStatus()).isZero();
        });
        assertThat(open(replay, null)).containsExactly("0 std", "1 std", "2 std");
    }

    @Test
    void socketPlaysItsThreeStagesOnTheLineThatMadeIt() {
        Lesson lesson = Replays.resource("/traces/basic.strace").lesson();

        List<Stage> stages = lesson.frames().stream().filter(f -> f.codeLine() == 2).map(f -> f.step().stage())
                .toList();
        assertThat(stages).containsExactly(Stage.ALLOCATE_MEMORY, Stage.INIT_CONTROL_BLOCK, Stage.ISSUE_DESCRIPTOR);
        Frame issued = lesson.frames().stream().filter(f -> f.step().stage() == Stage.ISSUE_DESCRIPTOR)
                .findFirst().orElseThrow();
        assertThat(issued.check().predicted()).containsExactly(3);
        assertThat(issued.check().actual()).containsExactly(3);
        assertThat(lesson.code().get(2)).startsWith("socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3");
    }

    @Test
    void reuseHandsTheLowestFreeNumberBack() {
        Replay replay = Replays.resource("/traces/reuse.strace");

        assertThat(at(replay, 7).fds()).containsExactly(4);
        assertThat(at(replay, 8).fds()).containsExactly(6);
        assertThat(open(replay, null)).containsExactly("0 std", "1 std", "2 std");
    }

    @Test
    void emfileLearnsTheLimitAndPredictsBothFailures() {
        Replay replay = Replays.resource("/traces/emfile.strace");

        assertThat(at(replay, 10).check().predictedErrno()).isEqualTo("EMFILE");
        assertThat(at(replay, 10).errno()).isEqualTo("EMFILE");
        assertThat(at(replay, 11).predicted()).isEmpty();
        assertThat(at(replay, 13).fds()).containsExactly(5);
        assertThat(open(replay, null)).containsExactly("0 std", "1 std", "2 std", "3 socket AF_INET SOCK_STREAM",
                "4 socket AF_INET SOCK_STREAM", "5 socket AF_INET SOCK_DGRAM", "6 socket AF_INET SOCK_STREAM",
                "7 socket AF_INET SOCK_STREAM");
        assertThat(replay.notAnimated()).containsEntry("prlimit64", 1);
    }

    @Test
    void badArgumentsFailWithTheKernelsErrnosBeforeAnythingIsBuilt() {
        Replay replay = Replays.resource("/traces/badargs.strace");

        assertThat(replay.calls()).extracting(c -> c.check().predictedErrno())
                .containsExactly("EAFNOSUPPORT", "EPROTONOSUPPORT", "EINVAL", "EINVAL", null);
        assertThat(at(replay, 5).fds()).containsExactly(3);
    }

    @Test
    void anOrdinaryUserGetsNoRawSocketAndNoPingSocket() {
        Replay replay = Replays.resource("/traces/raw-nobody.strace");

        assertThat(replay.calls()).extracting(ReplayedCall::errno).containsExactly("EPERM", "EACCES", null);
        assertThat(replay.calls()).extracting(c -> c.check().predictedErrno()).containsExactly("EPERM", "EACCES", null);
    }

    @Test
    void lifecycleBindsThePortTheKernelChoseSoTheClientReachesTheListener() {
        Replay replay = Replays.resource("/traces/lifecycle.strace");

        ControlBlock bound = replay.lesson().frames().stream().filter(f -> f.codeLine() == 4)
                .map(f -> f.step().state().sockets().values().get(0)).findFirst().orElseThrow();
        assertThat(bound.local()).hasToString("127.0.0.1:34143");
        assertThat(at(replay, 9).errno()).isNull();
        assertThat(at(replay, 10).call()).isEqualTo("accept");
        assertThat(at(replay, 10).fds()).containsExactly(5);
        assertThat(at(replay, 14).fds()).containsExactly(3);
        assertThat(replay.notAnimated()).containsOnlyKeys("getsockname");
    }

    @Test
    void afterSocketErrorsRanAsRootSoPortEightyIsBoundAndTheSecondBindFails() {
        Replay replay = Replays.resource("/traces/after-socket-errors.strace");

        assertThat(at(replay, 2).errno()).isEqualTo("EPIPE");
        assertThat(at(replay, 2).check().predictedErrno()).isEqualTo("EPIPE");
        assertThat(at(replay, 9).errno()).isNull();
        assertThat(at(replay, 9).check().predictedErrno()).isNull();
        assertThat(at(replay, 10).check().predictedErrno()).isEqualTo("EINVAL");
        assertThat(at(replay, 12).check().predictedErrno()).isEqualTo("ECONNREFUSED");
        assertThat(open(replay, null)).containsExactly("0 std", "1 std", "2 std", "3 socket AF_INET SOCK_STREAM",
                "4 socket AF_INET SOCK_DGRAM", "5 socket AF_INET SOCK_STREAM");
        assertThat(replay.notAnimated()).containsEntry("write", 1);
    }

    @Test
    void curlsSocketpairIsTwoConnectedUnixSocketsAndItsFilesAreInferred() {
        Replay replay = Replays.resource("/traces/curl.strace");

        assertThat(replay.mismatches()).isZero();
        assertThat(at(replay, 57).call()).isEqualTo("socketpair");
        assertThat(at(replay, 57).fds()).containsExactly(3, 4);
        assertThat(at(replay, 57).predicted()).containsExactly(3, 4);
        assertThat(at(replay, 58).fds()).containsExactly(5);
        assertThat(warnings(replay)).contains("63 DISAGREEMENT", "70 DISAGREEMENT", "73 OPENED_OUTSIDE");
        assertThat(replay.processes()).singleElement().extracting(ProcessAtEnd::pid).isEqualTo(5046);
    }
}
