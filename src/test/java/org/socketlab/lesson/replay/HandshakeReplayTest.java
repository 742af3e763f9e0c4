// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socketlab.lesson.replay.Replays.at;
import static org.socketlab.lesson.replay.Replays.warnings;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A non-blocking connect's handshake ends as the kernel ends it: on this machine at once (the
 * socket is TCP_ESTABLISHED when connect() returns EINPROGRESS), SO_ERROR reports and clears the
 * error, and connect() called again answers 0, EISCONN, EALREADY, the error or ECONNABORTED as
 * __inet_stream_connect does. A server the trace does not show is something the model cannot
 * know, not something it disagrees with. Judged against logs the real kernel wrote
 * (kernel-truth/nonblocking and connect-again, re-proven by KernelTruthTest) and the recorded
 * everyday programs.
 */
class HandshakeReplayTest {

    @ParameterizedTest
    @ValueSource(strings = {"nonblocking", "connect-again"})
    void everyConnectAndSoErrorIsAnsweredAsTheKernelAnswered(String behaviour) {
        Replay replay = Replays.resource("/kernel-truth/" + behaviour + "/prog.strace");

        assertThat(replay.disagreements()).as("disagreements: %s", warnings(replay)).isZero();
        assertThat(replay.mismatches()).isZero();
        assertThat(replay.warnings()).as(warnings(replay).toString()).isEmpty();
        List<ReplayedCall> connects = replay.calls().stream()
                .filter(c -> c.call().equals("connect") || c.call().equals("getsockopt")
                        || c.call().equals("sendto")).toList();
        assertThat(connects).hasSizeGreaterThanOrEqualTo(6);
        assertThat(connects).allSatisfy(c -> {
            assertThat(c.check().known()).as("line %d %s is predicted", c.line(), c.call()).isTrue();
            assertThat(c.check().predictedErrno()).as("line %d %s", c.line(), c.call()).isEqualTo(c.errno());
        });
    }

    @Test
    void connectCalledAgainAnswersZeroThenEisconnAndAfterATakenRefusalEconnaborted() {
        Replay replay = Replays.resource("/kernel-truth/nonblocking/prog.strace");

        assertThat(at(replay, 37).check().predictedErrno()).isEqualTo("EINPROGRESS");
        assertThat(at(replay, 40).check().predictedErrno()).isNull();
        assertThat(at(replay, 41).check().predictedErrno()).isEqualTo("EISCONN");
        assertThat(at(replay, 50).check().predictedErrno()).isEqualTo("ECONNABORTED");
        assertThat(at(replay, 51).check().predictedErrno()).isEqualTo("EINPROGRESS");
        assertThat(Replays.open(replay, 28786)).contains("4 socket AF_INET SOCK_STREAM", "5 socket AF_INET SOCK_STREAM");
        assertThat(replay.processes().get(0).open()).filteredOn(d -> d.fd() == 4)
                .extracting(ProcessAtEnd.OpenDescriptor::state).containsExactly("TCP_ESTABLISHED");
        assertThat(replay.processes().get(0).open()).filteredOn(d -> d.fd() == 6)
                .extracting(ProcessAtEnd.OpenDescriptor::state).containsExactly("TCP_CLOSE");
    }

    @Test
    void aFullAcceptQueueLeavesTheSynWaitingSoConnectAgainIsEalready() {
        Replay replay = Replays.resource("/kernel-truth/connect-again/prog.strace");

        assertThat(at(replay, 35).check().predictedErrno()).isNull();   // send before any poll: 2
        assertThat(at(replay, 38).check().predictedErrno()).isEqualTo("EALREADY");
        assertThat(at(replay, 44).check().predictedErrno()).isEqualTo("ECONNREFUSED");
    }

    @ParameterizedTest
    @CsvSource({"asyncio-echo, 7", "epoll-kinds, 5", "node-http, 19"})
    void recordedEventLoopsReplayWithoutDisagreementAndTheirClientEndsEstablished(String name, int fd) {
        Replay replay = Replays.resource("/recorded/" + name + "/" + name + ".strace");

        assertThat(replay.disagreements()).as("disagreements: %s", warnings(replay)).isZero();
        assertThat(replay.mismatches()).isZero();
        assertThat(replay.processes().get(0).open()).filteredOn(d -> d.fd() == fd)
                .extracting(ProcessAtEnd.OpenDescriptor::state).containsExactly("TCP_ESTABLISHED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"curl", "wget"})
    void aServerOutsideTheTraceIsNotADisagreement(String name) {
        Replay replay = Replays.resource("/recorded/" + name + "/" + name + ".strace");

        assertThat(replay.disagreements()).as("disagreements: %s", warnings(replay)).isZero();
        assertThat(replay.mismatches()).isZero();
    }

    @Test
    void aBlockingConnectToAServerTheTraceDoesNotShowCannotBeKnownAndConnects() {
        Replay replay = Replays.lines(
                "100 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3",
                "100 connect(3, {sa_family=AF_INET, sin_port=htons(8000), sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 0",
                "100 write(3, \"GET / HTTP/1.0\\r\\n\\r\\n\", 18) = 18");

        assertThat(at(replay, 2).check().known()).isFalse();
        assertThat(at(replay, 3).check().predictedErrno()).isNull();
        assertThat(replay.disagreements()).isZero();
        assertThat(replay.processes().get(0).open()).filteredOn(d -> d.fd() == 3)
                .extracting(ProcessAtEnd.OpenDescriptor::state).containsExactly("TCP_ESTABLISHED");
    }

    @Test
    void soErrorAndDataRevealHowAHandshakeWithAServerElsewhereEnded() {
        Replay replay = Replays.lines(
                "100 socket(AF_INET, SOCK_STREAM|SOCK_NONBLOCK, IPPROTO_IP) = 3",
                "100 connect(3, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr(\"198.51.100.7\")}, 16) "
                        + "= -1 EINPROGRESS (Operation now in progress)",
                "100 connect(3, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr(\"198.51.100.7\")}, 16) "
                        + "= -1 EALREADY (Operation already in progress)",
                "100 getsockopt(3, SOL_SOCKET, SO_ERROR, [0], [4]) = 0",
                "100 sendto(3, \"GET\", 3, MSG_NOSIGNAL, NULL, 0) = 3",
                "100 socket(AF_INET, SOCK_STREAM|SOCK_NONBLOCK, IPPROTO_IP) = 4",
                "100 connect(4, {sa_family=AF_INET, sin_port=htons(81), sin_addr=inet_addr(\"198.51.100.7\")}, 16) "
                        + "= -1 EINPROGRESS (Operation now in progress)",
                "100 getsockopt(4, SOL_SOCKET, SO_ERROR, [ECONNREFUSED], [4]) = 0",
                "100 connect(4, {sa_family=AF_INET, sin_port=htons(81), sin_addr=inet_addr(\"198.51.100.7\")}, 16) "
                        + "= -1 ECONNABORTED (Software caused connection abort)");

        assertThat(at(replay, 3).check().predictedErrno()).isEqualTo("EALREADY");
        assertThat(at(replay, 5).check().predictedErrno()).isNull();
        assertThat(at(replay, 8).check().known()).isFalse();
        assertThat(at(replay, 9).check().predictedErrno()).isEqualTo("ECONNABORTED");
        assertThat(replay.disagreements()).as(warnings(replay).toString()).isZero();
        assertThat(replay.processes().get(0).open()).filteredOn(d -> d.fd() == 3)
                .extracting(ProcessAtEnd.OpenDescriptor::state).containsExactly("TCP_ESTABLISHED");
    }

    @Test
    void aDifferentSoErrorWhereTheModelKnowsTheAnswerIsADisagreement() {
        Replay replay = Replays.lines(
                "100 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3",
                "100 getsockopt(3, SOL_SOCKET, SO_ERROR, [ECONNRESET], [4]) = 0");

        assertThat(replay.disagreements()).isEqualTo(1);
        assertThat(warnings(replay)).containsExactly("2 DISAGREEMENT");
    }
}
