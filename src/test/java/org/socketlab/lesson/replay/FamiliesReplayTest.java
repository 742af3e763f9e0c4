// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The kernel-truth log of each family's create() rules (kernel-truth/socket-families) replays as the kernel ran it. */
class FamiliesReplayTest {

    @Test
    void packetVsockAndAlgRefusalsArePredictedAndTheirSocketsFollowed() {
        Replay replay = Replays.resource("/kernel-truth/socket-families/prog.strace");

        assertThat(replay.mismatches()).isZero();
        // As root: packet SOCK_STREAM → ESOCKTNOSUPPORT; vsock datagram → ENODEV, raw → ESOCKTNOSUPPORT,
        // protocol 1 → EPROTONOSUPPORT; AF_ALG → EAFNOSUPPORT: each predicted by the family's case.
        assertThat(replay.calls().stream().filter(c -> c.check() != null && c.check().predictedErrno() != null)
                .map(c -> c.check().predictedErrno()))
                .containsSubsequence("ESOCKTNOSUPPORT", "ENODEV", "ESOCKTNOSUPPORT", "EPROTONOSUPPORT", "EAFNOSUPPORT");
    }
}
