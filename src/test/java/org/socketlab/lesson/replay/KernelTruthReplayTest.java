// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The model agrees with the real kernel: the logs the kernel-truth programs recorded on this
 * machine's kernel (src/test/resources/kernel-truth, re-proven by KernelTruthTest in every build)
 * replay with no mismatch and no disagreement on the calls each behaviour is about — every
 * descriptor, result and errno the model predicts for them is the kernel's. (Other lines of these
 * logs show what the model does not have yet; docs/kernel-fidelity.md lists them.)
 */
class KernelTruthReplayTest {

    @ParameterizedTest(name = "{0}: {1} before line {2}")
    @CsvSource({
            "socket-protocol-limit,  socket,              1000",
            "shutdown-rules,         shutdown,            1000",
            "listen-and-unix,        listen,              1000",
            "bind-checks,            bind,                1000",
            "descriptor-table-calls, fcntl dup dup2 dup3 close_range, 1000",
            "execve-cloexec,         socket dup dup3,     1000",
            "nonblocking,            fcntl ioctl accept,  1000",
            "udp-icmp-refused,       sendto recvfrom,     1000",
            "bind-dual-stack,        bind setsockopt connect accept, 1000",
            "ipv6-v6only,            bind setsockopt getsockopt connect listen accept, 1000",
            "datagram-boundaries,    sendto recvfrom recvmsg read write socketpair, 1000",
            "unix-dgram-seqpacket,   socketpair sendto recvfrom listen accept connect close, 1000",
            "unix-dgram-states,      socketpair sendto bind connect close, 1000",
    })
    void theModelPredictsWhatTheKernelDidForTheCallsTheBehaviourIsAbout(String behaviour, String calls, int before)
            throws IOException {
        Set<String> about = Set.of(calls.split(" "));
        Replay replay = TraceReplay.importTrace(Path.of("src/test/resources/kernel-truth", behaviour, "prog.strace"));

        List<ReplayedCall> checked = replay.calls().stream().filter(c -> about.contains(c.call()))
                .filter(c -> c.line() < before).toList();
        assertThat(checked).as(behaviour).isNotEmpty();
        assertThat(checked).as("%s: the model's prediction beside the kernel's", behaviour)
                .allSatisfy(c -> assertThat(c.check() == null || !c.check().mismatch()).as("line %d %s", c.line(),
                        c.call()).isTrue());
        assertThat(replay.warnings()).noneMatch(w -> w.kind() == ReplayWarning.Kind.NOT_REPLAYED);
    }
}
