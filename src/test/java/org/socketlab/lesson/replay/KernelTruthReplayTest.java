// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The model agrees with the real kernel: the logs the kernel-truth programs recorded on this
 * machine's kernel (src/test/resources/kernel-truth, re-proven by KernelTruthTest in every build)
 * replay with no mismatch and no disagreement — every descriptor, result and errno the model
 * predicts is the kernel's.
 */
class KernelTruthReplayTest {

    @ParameterizedTest
    @ValueSource(strings = {"socket-protocol-limit"})
    void theModelPredictsWhatTheKernelDid(String behaviour) throws IOException {
        Replay replay = TraceReplay.importTrace(Path.of("src/test/resources/kernel-truth", behaviour, "prog.strace"));

        assertThat(replay.warnings()).as(behaviour).noneMatch(w -> w.kind() == ReplayWarning.Kind.MISMATCH
                || w.kind() == ReplayWarning.Kind.DISAGREEMENT || w.kind() == ReplayWarning.Kind.NOT_REPLAYED);
        assertThat(replay.mismatches()).isZero();
        assertThat(replay.disagreements()).isZero();
    }
}
