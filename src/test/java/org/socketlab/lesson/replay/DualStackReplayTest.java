// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The log kernel-truth/ipv6-v6only recorded (and KernelTruthTest re-proves in every build): the
 * model predicts every IPV6_V6ONLY call, every bind of the 64 pairs of addresses on one port, and
 * the connects a v6-only listener refuses, and agrees with the kernel on each.
 */
class DualStackReplayTest {
    private static final Path LOG = Path.of("src/test/resources/kernel-truth/ipv6-v6only/prog.strace");

    @Test
    void everyOptionBindAndConnectIsPredictedAndAgreesWithTheKernel() throws Exception {
        Replay replay = TraceReplay.importTrace(LOG);
        Set<String> about = Set.of("setsockopt", "getsockopt", "bind", "connect", "listen", "accept");
        List<ReplayedCall> calls = replay.calls().stream().filter(c -> about.contains(c.call())).toList();

        assertThat(calls).hasSizeGreaterThan(150);
        assertThat(calls).allSatisfy(c -> {
            assertThat(c.check().known()).as("line %d %s is predicted", c.line(), c.call()).isTrue();
            assertThat(c.check().mismatch()).as("line %d %s", c.line(), c.call()).isFalse();
        });
        assertThat(calls).filteredOn(c -> c.call().equals("bind")).extracting(ReplayedCall::errno)
                .contains("EADDRINUSE", "EINVAL").containsNull();
        assertThat(calls).filteredOn(c -> c.call().equals("setsockopt")).extracting(ReplayedCall::errno)
                .contains("EINVAL", "ENOPROTOOPT").containsNull();
        assertThat(replay.disagreements()).isZero();
        assertThat(replay.mismatches()).isZero();
        assertThat(replay.warnings()).isEmpty();
    }

    @Test
    void theIpv6OnlyListenerEndsBesideTheIpv4OneOnTheSamePortEachWithItsOwnClient() throws Exception {
        Replay replay = TraceReplay.importTrace(LOG);
        List<ProcessAtEnd.OpenDescriptor> open = replay.processes().get(0).open();

        assertThat(open).filteredOn(d -> d.fd() >= 3)
                .extracting(d -> d.fd() + " " + d.family() + " " + d.state())
                .containsExactly("3 AF_INET6 TCP_LISTEN", "4 AF_INET TCP_ESTABLISHED", "5 AF_INET6 TCP_ESTABLISHED",
                        "6 AF_INET TCP_LISTEN", "7 AF_INET TCP_ESTABLISHED", "8 AF_INET6 TCP_ESTABLISHED");
    }
}
