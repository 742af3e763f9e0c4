// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * poll, select and epoll_wait as the kernel answers them: the model predicts which sockets are
 * ready (kernel-truth/readiness, re-proven on this machine by KernelTruthTest) and a replay sets the
 * prediction beside the kernel's answer — agreeing where it can know, "cannot know" where the
 * answer comes from outside the trace, a disagreement where it predicted wrong.
 */
class ReadinessReplayTest {
    private static final Set<String> WAITS = Set.of("poll", "ppoll", "pselect6", "select", "epoll_wait");

    @Test
    void everyWaitOfTheReadinessProgramIsPredictedAsTheKernelAnswered() throws IOException {
        Replay replay = TraceReplay.importTrace(Path.of("src/test/resources/kernel-truth/readiness/prog.strace"));

        List<ReplayedCall> waits = replay.calls().stream().filter(c -> WAITS.contains(c.call())).toList();
        assertThat(waits).hasSize(20);
        assertThat(replay.disagreements()).as("%s", Replays.warnings(replay)).isZero();
        assertThat(waits).allSatisfy(c -> assertThat(c.check().known()).as("line %d %s", c.line(), c.call()).isTrue());
        assertThat(replay.notAnimated()).doesNotContainKeys("poll", "pselect6", "epoll_wait", "epoll_ctl");
    }

    /**
     * Urgent data (kernel-truth/tcp-urgent, re-proven by KernelTruthTest): the kernel reports POLLPRI
     * once a byte sent with MSG_OOB has arrived and clears it when the byte is read (tcp_poll,
     * TCP_URG_VALID). The model keeps no urgent pointer, so a wait whose answer hangs on POLLPRI is
     * "cannot know", never a confident "not ready" that the kernel then contradicts.
     */
    @Test
    void urgentDataIsNeverPredictedAbsent() throws IOException {
        Replay replay = TraceReplay.importTrace(Path.of("src/test/resources/kernel-truth/tcp-urgent/prog.strace"));

        assertThat(replay.mismatches()).isZero();
        assertThat(replay.disagreements()).as("%s", Replays.warnings(replay)).isZero();
        List<ReplayedCall> waits = replay.calls().stream().filter(c -> WAITS.contains(c.call())).toList();
        assertThat(waits).extracting(ReplayedCall::call, ReplayedCall::result)
                .containsExactly(tuple("poll", 0L), tuple("poll", 1L), tuple("pselect6", 1L), tuple("poll", 0L));
        // select()'s exception set after the urgent byte: the kernel named the socket.
        assertThat(waits.get(2).check().known()).as("pselect6's exception set").isFalse();
    }

    @Test
    void aPollAnswerTheModelContradictsIsADisagreement() {
        Replay replay = Replays.lines(
                "socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3",
                "bind(3, {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 0",
                "listen(3, 5) = 0",
                // Nothing connected in the trace: an empty listener with timeout 0 is not readable...
                "poll([{fd=3, events=POLLIN}], 1, 0) = 0 (Timeout)",
                // ...and a fresh socket is POLLOUT|POLLHUP, never POLLIN alone.
                "socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 4",
                "poll([{fd=4, events=POLLIN|POLLOUT}], 1, 0) = 1 ([{fd=4, revents=POLLIN}])");

        assertThat(Replays.at(replay, 4).check().known()).isTrue();
        assertThat(replay.disagreements()).isEqualTo(1);
        assertThat(replay.warnings()).extracting(ReplayWarning::message).anyMatch(w -> w.contains("poll(): the model expected 1 (fd=4 POLLOUT|POLLHUP)"));
    }

    @Test
    void aConnectionFromOutsideTheTraceIsSomethingTheModelCannotKnow() {
        Replay replay = Replays.lines(
                "socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3",
                "bind(3, {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 0",
                "listen(3, 5) = 0",
                "epoll_create1(EPOLL_CLOEXEC) = 4",
                "epoll_ctl(4, EPOLL_CTL_ADD, 3, {events=EPOLLIN, data={u32=3, u64=3}}) = 0",
                "epoll_wait(4, [{events=EPOLLIN, data={u32=3, u64=3}}], 8, -1) = 1",
                "poll([{fd=3, events=POLLIN}], 1, 0) = 1 ([{fd=3, revents=POLLIN}])");

        assertThat(replay.disagreements()).isZero();
        assertThat(Replays.at(replay, 6).check().known()).as("epoll_wait").isFalse();
        assertThat(Replays.at(replay, 7).check().known()).as("poll").isFalse();
    }

    @Test
    void aConnectingSocketReportedWritableFinishedItsHandshakeWithAServerOutsideTheTrace() {
        Replay replay = Replays.lines(
                "socket(AF_INET, SOCK_STREAM|SOCK_NONBLOCK, IPPROTO_IP) = 3",
                "connect(3, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr(\"93.184.215.14\")}, 16)"
                        + " = -1 EINPROGRESS (Operation now in progress)",
                "poll([{fd=3, events=POLLOUT}], 1, 1000) = 1 ([{fd=3, revents=POLLOUT}])",
                "poll([{fd=3, events=POLLOUT}], 1, 0) = 1 ([{fd=3, revents=POLLOUT}])");

        assertThat(replay.disagreements()).isZero();
        assertThat(Replays.at(replay, 3).check().known()).isFalse();
        assertThat(Replays.at(replay, 4).check().known()).as("connected now: writable, as predicted").isTrue();
    }
}
