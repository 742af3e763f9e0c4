// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.socketlab.kernel.ControlBlock;
import org.socketlab.kernel.Step;
import org.socketlab.lesson.Frame;

/**
 * The sk_state of AF_UNIX datagram sockets is the kernel's: kernel-truth/unix-dgram-states printed
 * what /proc/net/unix said after each call (re-proven by KernelTruthTest in every build), and the
 * replay of its log must show the same state for the same descriptor at each of those lines —
 * a pair ESTABLISHED on both sides, both ends of a connect() ESTABLISHED, AF_UNSPEC and a refused
 * send back to TCP_CLOSE.
 */
class UnixDatagramStatesReplayTest {
    private static final Pattern SHOWN = Pattern.compile(
            "^\\d+\\s+write\\(1<[^>]*>, \"(.*) \\(fd (\\d+)\\): St \\d\\d (\\w+)\\\\n\", \\d+\\) = \\d+$");

    @Test
    void everyStateTheKernelShowedIsTheModelsAtThatLine() {
        String log = Replays.text("/kernel-truth/unix-dgram-states/prog.strace");
        Replay replay = Replays.resource("/kernel-truth/unix-dgram-states/prog.strace");
        String[] lines = log.split("\n");
        List<String> kernel = new ArrayList<>();
        List<String> model = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher shown = SHOWN.matcher(lines[i]);
            if (!shown.matches()) {
                continue;
            }
            Step before = lastStepBefore(replay, i);
            ControlBlock socket = before.state().socketOf(before.pid(), Integer.parseInt(shown.group(2)));
            kernel.add(shown.group(1) + ": " + shown.group(3));
            model.add(shown.group(1) + ": " + (socket == null ? "no socket" : socket.tcpState().name()));
        }
        assertThat(kernel).as("the lines the program printed").hasSize(18);
        assertThat(model).isEqualTo(kernel);
        assertThat(replay.disagreements()).as("disagreements: %s", Replays.warnings(replay)).isZero();
    }

    /** The last step the replay made of a line before {@code index} (0-based), the state that line saw. */
    private static Step lastStepBefore(Replay replay, int index) {
        Step last = null;
        for (Frame frame : replay.lesson().frames()) {
            if (frame.codeLine() < index && frame.step().call() != null) {
                last = frame.step();
            }
        }
        return last;
    }
}
