// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socketlab.lesson.replay.Replays.at;
import static org.socketlab.lesson.replay.Replays.warnings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every call that fills or empties drawers, as Linux does it: close_range() (and its
 * CLOSE_RANGE_CLOEXEC), execve() closing whatever is marked close-on-exec however the mark was
 * made (O_CLOEXEC, EPOLL_CLOEXEC, EFD_CLOEXEC, pidfd_open), descriptors passed with SCM_RIGHTS.
 * Judged against the recorded programs and the kernel-truth logs.
 */
class DescriptorTableReplayTest {

    @ParameterizedTest
    @ValueSource(strings = {"fd-table", "socket-activate"})
    void recordedProgramsThatCloseRangesAndExecReplayWithoutAMismatch(String name) {
        Replay replay = Replays.resource("/recorded/" + name + "/" + name + ".strace");

        assertThat(replay.mismatches()).as(warnings(replay).toString()).isZero();
        assertThat(replay.disagreements()).as(warnings(replay).toString()).isZero();
        assertThat(replay.warnings()).as(warnings(replay).toString())
                .noneMatch(w -> w.kind() == ReplayWarning.Kind.CLOSED_OUTSIDE
                        || w.kind() == ReplayWarning.Kind.OPENED_OUTSIDE);
    }

    @Test
    void closeRangeClosesWhatIsOpenAndMarksWithCloexecThenExecveEmptiesTheMarked() {
        Replay replay = Replays.resource("/recorded/fd-table/fd-table.strace");

        // close_range(5, 6, 0) at 49 emptied 5 and 6; CLOSE_RANGE_CLOEXEC at 50 marked 11 and 12;
        // after execve (57) the loader's openat gets 5, the lowest free.
        assertThat(at(replay, 61).predicted()).containsExactly(5);
        assertThat(Replays.open(replay, 17361)).containsExactly("0 std", "1 std", "2 std",
                "3 socket AF_INET SOCK_STREAM", "4 socket AF_INET SOCK_DGRAM", "9 socket AF_INET SOCK_DGRAM");
    }

    @Test
    void anEpollMadeWithEpollCloexecDoesNotSurviveExecveButTheHandedOverListenerDoes() {
        Replay replay = Replays.resource("/recorded/socket-activate/socket-activate.strace");

        assertThat(at(replay, 295).predicted()).containsExactly(4);
        assertThat(Replays.open(replay, 16951)).contains("3 socket AF_INET SOCK_STREAM");
    }

    @ParameterizedTest
    @ValueSource(strings = {"descriptor-table-calls", "execve-cloexec"})
    void theKernelTruthLogsReplayWholeWithoutAMismatch(String behaviour) {
        Replay replay = Replays.resource("/kernel-truth/" + behaviour + "/prog.strace");

        assertThat(replay.mismatches()).as(warnings(replay).toString()).isZero();
        assertThat(replay.disagreements()).as(warnings(replay).toString()).isZero();
        assertThat(replay.notAnimated()).doesNotContainKey("close_range");
    }

    @Test
    void everyKindOfCloseOnExecMarkIsHonouredByExecve() {
        Replay replay = Replays.lines(
                "100 epoll_create1(EPOLL_CLOEXEC) = 3",
                "100 eventfd2(0, EFD_CLOEXEC|EFD_NONBLOCK) = 4",
                "100 pidfd_open(101, 0) = 5",
                "100 pipe2([6, 7], O_CLOEXEC) = 0",
                "100 openat(AT_FDCWD, \"/etc/hosts\", O_RDONLY) = 8",
                "100 timerfd_create(CLOCK_MONOTONIC, 0) = 9",
                "100 execve(\"/bin/true\", [\"true\"], 0x7ffd /* 3 vars */) = 0",
                "100 openat(AT_FDCWD, \"/etc/ld.so.cache\", O_RDONLY|O_CLOEXEC) = 3");

        assertThat(at(replay, 8).predicted()).containsExactly(3);
        assertThat(replay.mismatches()).isZero();
        assertThat(Replays.open(replay, 100)).containsExactly("0 std", "1 std", "2 std", "3 file", "8 file", "9 timerfd");
    }

    @Test
    void closeRangeRefusesABackwardRangeOrAnUnknownFlagAndSkipsEmptyDrawers() {
        Replay replay = Replays.lines(
                "100 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3",
                "100 close_range(7, 5, 0) = -1 EINVAL (Invalid argument)",
                "100 close_range(3, 3, 0x8) = -1 EINVAL (Invalid argument)",
                "100 close_range(2, 4294967295, CLOSE_RANGE_CLOEXEC) = 0",
                "100 close_range(4, 4294967295, 0) = 0",
                "100 close_range(3, 3, 0) = 0",
                "100 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 3");

        assertThat(at(replay, 2).check().predictedErrno()).isEqualTo("EINVAL");
        assertThat(at(replay, 3).check().predictedErrno()).isEqualTo("EINVAL");
        assertThat(at(replay, 5).check().predictedErrno()).isNull();
        assertThat(at(replay, 7).predicted()).containsExactly(3);
        assertThat(replay.disagreements()).isZero();
        assertThat(replay.mismatches()).isZero();
    }

    @Test
    void socketsPassedWithScmRightsLiveInFlightAndAreInstalledAtTheReceiversLowestFreeDrawers() {
        Replay replay = Replays.resource("/recorded/scm-rights/scm-rights.strace");

        assertThat(replay.mismatches()).as(warnings(replay).toString()).isZero();
        assertThat(replay.disagreements()).as(warnings(replay).toString()).isZero();
        assertThat(replay.warnings()).as(warnings(replay).toString()).isEmpty();
        // The parent closed both sockets after sending them (52, 53); the child's recvmsg installs
        // the listener at 4 and the UDP socket at 5 (57, 58), the same sockets.
        assertThat(at(replay, 57).predicted()).containsExactly(4);
        assertThat(at(replay, 58).predicted()).containsExactly(5);
        // 5 came with MSG_CMSG_CLOEXEC: execve (72) closes it, so the loader's openat gets 5.
        assertThat(at(replay, 76).predicted()).containsExactly(5);
        assertThat(replay.processes()).filteredOn(p -> p.pid() == 28306).singleElement()
                .satisfies(p -> assertThat(p.open()).filteredOn(d -> d.fd() == 4)
                        .extracting(ProcessAtEnd.OpenDescriptor::state).containsExactly("TCP_LISTEN"));
    }

    @Test
    void theKernelTruthScmRightsLogReplaysWithTheDescriptorsTheKernelInstalled() {
        Replay replay = Replays.resource("/kernel-truth/scm-rights/prog.strace");

        assertThat(replay.warnings()).as(warnings(replay).toString()).isEmpty();
        assertThat(at(replay, 37).predicted()).containsExactly(5);
        assertThat(at(replay, 38).predicted()).containsExactly(6);
        assertThat(replay.notAnimated()).doesNotContainKeys("sendmsg", "recvmsg");
    }

    @Test
    void scmRightsOnAnInetSocketIsEinvalAndAClosedDescriptorEbadf() {
        Replay replay = Replays.lines(
                "100 socketpair(AF_UNIX, SOCK_STREAM, 0, [3, 4]) = 0",
                "100 socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 5",
                "100 sendmsg(5, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"x\", iov_len=1}], msg_iovlen=1, "
                        + "msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[3]}], "
                        + "msg_controllen=24, msg_flags=0}, 0) = -1 EINVAL (Invalid argument)",
                "100 sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"x\", iov_len=1}], msg_iovlen=1, "
                        + "msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[9]}], "
                        + "msg_controllen=24, msg_flags=0}, 0) = -1 EBADF (Bad file descriptor)");

        assertThat(at(replay, 3).check().predictedErrno()).isEqualTo("EINVAL");
        assertThat(at(replay, 4).check().predictedErrno()).isEqualTo("EBADF");
        assertThat(replay.disagreements()).isZero();
    }

    @Test
    void pidfdGetfdCopiesTheOtherProcesssSocketAndBothPidfdAndCopyAreCloseOnExec() {
        Replay replay = Replays.resource("/kernel-truth/pidfd-getfd/prog.strace");

        assertThat(replay.warnings()).as(warnings(replay).toString()).isEmpty();
        assertThat(at(replay, 41).predicted()).containsExactly(8);
        assertThat(at(replay, 42).check().predictedErrno()).isEqualTo("EBADF");
        assertThat(at(replay, 43).check().predictedErrno()).isEqualTo("EINVAL");
        assertThat(at(replay, 55).predicted()).containsExactly(7);
        assertThat(replay.mismatches()).isZero();
    }
}
