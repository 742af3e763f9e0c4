// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socketlab.lesson.replay.Replays.warnings;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socketlab.kernel.Outcome;
import org.socketlab.kernel.Step;
import org.socketlab.kernel.Syscall;
import org.socketlab.lesson.Frame;

/**
 * The real kernel judges the model's connections: the kernel-truth programs about data, closing,
 * resets and SIGPIPE (their logs are re-proven on this machine by KernelTruthTest) are replayed,
 * and for every recv, read, send, write and close on a connection between two of the program's
 * own sockets the model must give the kernel's answer: the same byte count, or the same errno.
 */
class ConnectionTruthReplayTest {
    private static final Set<String> DATA_CALLS = Set.of("recv", "recvfrom", "read", "send", "sendto", "write",
            "close");

    @ParameterizedTest
    @ValueSource(strings = {"tcp-data-and-fin", "tcp-reset", "sigpipe-killed", "sigpipe-ignored"})
    void theModelAnswersEveryDataCallAsTheKernelDid(String behaviour) {
        Replay replay = Replays.resource("/kernel-truth/" + behaviour + "/prog.strace");

        assertThat(replay.disagreements()).as("disagreements: %s", warnings(replay)).isZero();
        assertThat(replay.calls().stream().filter(c -> c.check().mismatch())
                .map(c -> c.line() + " " + c.call() + " kernel " + c.fds() + " " + c.errno() + ", model "
                        + c.predicted() + " " + c.check().predictedErrno()).toList()).isEmpty();
        List<String> answers = new ArrayList<>();
        int judged = 0;
        for (ReplayedCall call : replay.calls()) {
            if (!DATA_CALLS.contains(call.call())) {
                continue;
            }
            Step last = lastStepOf(replay, call.line());
            if (last == null || last.call() instanceof Syscall.ReceiveFromOutside) {
                continue;
            }
            String model = last.outcome() instanceof Outcome.Success s ? String.valueOf(s.value())
                    : last.outcome() instanceof Outcome.Failure f ? "-1 " + f.errno().name() : "waits";
            String kernel = call.errno() != null ? "-1 " + call.errno() : String.valueOf(call.result());
            answers.add(call.line() + " " + call.call() + ": kernel " + kernel + ", model " + model);
            assertThat(model).as("line %s %s", call.line(), call.call()).isEqualTo(kernel);
            judged++;
        }
        assertThat(judged).as("calls judged: %s", answers).isGreaterThanOrEqualTo(3);
    }

    /** The last step the replay made of a line, or null when it made none (a call on a file, say). */
    private static Step lastStepOf(Replay replay, int line) {
        Step last = null;
        for (Frame frame : replay.lesson().frames()) {
            if (frame.codeLine() == line - 1 && frame.step().call() != null) {
                last = frame.step();
            }
        }
        return last;
    }
}
