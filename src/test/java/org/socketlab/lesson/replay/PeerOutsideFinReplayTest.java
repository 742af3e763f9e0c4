// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A TCP peer outside the trace closes (kernel-truth/peer-outside-fin: the peer is a child strace
 * does not follow). Where the log shows the FIN — a read that returned 0 — the replay moves the
 * connection as tcp_fin does: ESTABLISHED to CLOSE_WAIT, FIN_WAIT2 to TIME_WAIT (the descriptor's
 * sock TCP_CLOSE). Where it cannot show it — the program never read — the replay says ESTABLISHED
 * as far as the log shows, and that it may be CLOSE_WAIT, which is what the kernel's table held.
 */
class PeerOutsideFinReplayTest {
    @Test
    void theReplayEndsEachConnectionAsFarAsTheLogShowsAndSaysWhatItCannotSee() throws Exception {
        Replay replay = TraceReplay.importTrace(
                Path.of(getClass().getResource("/kernel-truth/peer-outside-fin/prog.strace").toURI()));

        assertThat(replay.mismatches()).isZero();
        assertThat(replay.disagreements()).isZero();
        List<String> sockets = replay.processes().get(0).open().stream().filter(d -> d.kind().equals("socket"))
                .map(d -> d.fd() + " " + d.state() + (d.mayBe() == null ? "" : " or " + d.mayBe())).toList();
        assertThat(sockets).containsExactly("4 TCP_CLOSE_WAIT", "5 TCP_CLOSE", "6 TCP_ESTABLISHED or TCP_CLOSE_WAIT");
    }
}
