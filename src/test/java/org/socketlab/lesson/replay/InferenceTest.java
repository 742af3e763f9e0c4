// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socketlab.lesson.replay.Replays.at;
import static org.socketlab.lesson.replay.Replays.lines;
import static org.socketlab.lesson.replay.Replays.open;
import static org.socketlab.lesson.replay.Replays.warnings;

import org.junit.jupiter.api.Test;

/** What the model infers when a log does not show everything, and how it follows the kernel. */
class InferenceTest {

    @Test
    void aFirstSocketThatGetsNineteenMeansThreeToEighteenWereOpenedOutOfSight() {
        Replay replay = lines("socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 19", "close(19) = 0");

        assertThat(at(replay, 1).predicted()).containsExactly(3);
        assertThat(at(replay, 1).fds()).containsExactly(19);
        assertThat(replay.mismatches()).isEqualTo(1);
        assertThat(warnings(replay)).containsExactly("1 MISMATCH", "1 OPENED_OUTSIDE_MANY");
        assertThat(replay.warnings().get(0).message())
                .isEqualTo("socket(): the model predicted [3], the kernel returned [19]; the model follows the kernel");
        assertThat(replay.warnings().get(1).message()).isEqualTo("descriptors 3 to 18 were in use: 16 of them were"
                + " opened by calls the trace does not show");
        assertThat(open(replay, null)).hasSize(3 + 16).contains("3 unknown", "18 unknown").doesNotContain("19 socket");
    }

    @Test
    void aSocketTheModelThoughtTakenWasClosedOutOfSight() {
        Replay replay = lines("socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3", "socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 3");

        assertThat(at(replay, 2).predicted()).containsExactly(4);
        assertThat(warnings(replay)).containsExactly("2 MISMATCH", "2 CLOSED_OUTSIDE");
        assertThat(open(replay, null)).containsExactly("0 std", "1 std", "2 std", "3 socket AF_INET SOCK_DGRAM");
    }

    @Test
    void theLimitIsLearnedFromPrlimitAndEmfileIsPredicted() {
        Replay replay = lines("prlimit64(0, RLIMIT_NOFILE, {rlim_cur=4, rlim_max=4}, NULL) = 0",
                "socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3",
                "socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = -1 EMFILE (Too many open files)");

        assertThat(at(replay, 3).check().predictedErrno()).isEqualTo("EMFILE");
        assertThat(replay.mismatches()).isZero();
    }

    @Test
    void anUnexpectedEmfileTeachesTheModelTheLimit() {
        Replay replay = lines("socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = -1 EMFILE (Too many open files)",
                "socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = -1 EMFILE (Too many open files)");

        assertThat(at(replay, 1).predicted()).containsExactly(3);
        assertThat(at(replay, 2).check().predictedErrno()).isEqualTo("EMFILE");
        assertThat(warnings(replay)).containsExactly("1 MISMATCH", "1 LIMIT_INFERRED");
    }

    @Test
    void aFamilyTheModelDoesNotBuildIsASocketItCannotPredict() {
        Replay replay = lines("socket(AF_PACKET, SOCK_RAW, 0) = 3",
                "bind(3, {sa_family=AF_PACKET, sll_protocol=htons(0), sll_ifindex=0}, 20) = 0",
                "socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 4");

        assertThat(at(replay, 1).predicted()).isNull();
        assertThat(at(replay, 2).predicted()).isNull();
        assertThat(at(replay, 3).predicted()).containsExactly(4);
        assertThat(replay.mismatches()).isZero();
        assertThat(open(replay, null)).contains("3 socket AF_PACKET SOCK_RAW", "4 socket AF_INET SOCK_STREAM");
    }

    @Test
    void aDecorationSaysASocketNeverSeenCreatedIsOne() {
        Replay replay = lines("getsockname(7<socket:[6846]>, {sa_family=AF_INET, sin_port=htons(80),"
                        + " sin_addr=inet_addr(\"0.0.0.0\")}, [16]) = 0",
                "listen(8<TCP:[0.0.0.0:81]>, 5) = 0",
                "read(9</etc/hosts>, \"\", 4096) = 0");

        assertThat(open(replay, null)).contains("7 socket", "8 socket AF_INET SOCK_STREAM", "9 file");
        assertThat(warnings(replay)).contains("1 OPENED_OUTSIDE", "2 OPENED_OUTSIDE", "2 FOREIGN_SOCKET",
                "3 OPENED_OUTSIDE");
    }

    @Test
    void aFileTheLogOpensTakesItsDrawerAndTheNextSocketGetsTheNextNumber() {
        Replay replay = lines("openat(AT_FDCWD, \"/etc/hosts\", O_RDONLY|O_CLOEXEC) = 3",
                "socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 4",
                "openat(AT_FDCWD, \"/nonexistent\", O_RDONLY) = -1 ENOENT (No such file or directory)",
                "dup2(4, 1) = 1");

        assertThat(at(replay, 1).predicted()).containsExactly(3);
        assertThat(at(replay, 2).predicted()).containsExactly(4);
        assertThat(at(replay, 3).predicted()).as("whether a file exists is outside the model").isNull();
        assertThat(at(replay, 4).predicted()).containsExactly(1);
        assertThat(open(replay, null)).containsExactly("0 std", "1 socket AF_INET SOCK_DGRAM", "2 std", "3 file",
                "4 socket AF_INET SOCK_DGRAM");
    }

    @Test
    void aProcessTheLogNeverSawCreatedGetsItsOwnTableAndAWarning() {
        Replay replay = lines("100 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3",
                "200 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 5");

        assertThat(warnings(replay)).contains("2 UNKNOWN_PROCESS");
        assertThat(at(replay, 2).pid()).isEqualTo(200);
        assertThat(at(replay, 2).predicted()).as("its table starts empty").containsExactly(0);
        assertThat(open(replay, 200)).contains("0 unknown", "4 unknown", "5 socket AF_INET SOCK_STREAM");
        assertThat(open(replay, 100)).contains("3 socket AF_INET SOCK_STREAM");
    }

    @Test
    void unreadableLinesAreWarningsWithTheirLineNumbers() {
        Replay replay = lines("socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3", "this is not strace output",
                "close(3) = 0");

        assertThat(replay.warnings()).anySatisfy(w -> {
            assertThat(w.line()).isEqualTo(2);
            assertThat(w.kind()).isEqualTo(ReplayWarning.Kind.UNREADABLE);
        });
        assertThat(replay.calls()).hasSize(2);
    }

    @Test
    void aLogWithoutPidsDoesNotInventTheChildItCannotSee() {
        Replay replay = lines("clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|SIGCHLD, child_tidptr=0x7f) = 77",
                "socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3");

        assertThat(warnings(replay)).containsExactly("1 UNTRACED_CHILD");
        assertThat(replay.processes()).hasSize(1);
    }

    @Test
    void aDescriptorInTheBillionsIsNotFilledInFromOutOfSight() {
        Replay replay = lines("openat(AT_FDCWD, \"/etc/hosts\", O_RDONLY) = 2000000000",
                "pipe2([1999999998, 1999999999], 0) = 0",
                "socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3");

        assertThat(warnings(replay)).contains("1 TOO_FAR_OUTSIDE", "2 TOO_FAR_OUTSIDE");
        assertThat(replay.warnings().get(warnings(replay).indexOf("1 TOO_FAR_OUTSIDE")).message())
                .isEqualTo("descriptor 2000000000 is 1,999,999,997 drawers above the lowest free one: too many to be"
                        + " opened out of sight, so the model does not follow it");
        assertThat(at(replay, 3).predicted()).as("the model goes on from what it has").containsExactly(3);
        assertThat(open(replay, null)).hasSizeLessThan(10);
    }

    @Test
    void pidZeroIsNoProcessSoALogThatBeginsWithItStillReplays() {
        Replay replay = lines("0     close(3) = 0", "[pid 0] close(4) = 0",
                "socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3");

        assertThat(warnings(replay)).contains("2 UNREADABLE").noneMatch(w -> w.endsWith("NOT_REPLAYED"));
        assertThat(at(replay, 3).fds()).containsExactly(3);
    }
}
