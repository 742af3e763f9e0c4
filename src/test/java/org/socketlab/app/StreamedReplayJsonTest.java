// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.socketlab.lesson.replay.TraceReplay;
import org.socketlab.testing.ShippedLogs;

/**
 * {@code replay --json}, which reads the log once and keeps its events when it is small enough for the
 * heap, else twice keeping nothing (the facts the replay needs first learned while the log is checked;
 * both ways in SummarizedReplayTest), prints exactly the JSON of the window's replay, which
 * keeps the whole log and goes through it once more for those facts: character for character, for
 * every log the project keeps (logs with pids, without, and strace -f to the terminal, where the
 * main process's lines carry no pid until a second process exists).
 */
class StreamedReplayJsonTest {

    static List<Path> logs() {
        return ShippedLogs.all();
    }

    @ParameterizedTest
    @MethodSource("logs")
    void theCommandLinesJsonIsTheFullReplaysJson(Path log) throws IOException {
        StringWriter full = new StringWriter();
        ReplayJson.write(TraceReplay.importTrace(log), full);

        CommandRun run = CommandRun.of("replay", log.toString(), "--json");

        assertThat(run.status()).isZero();
        assertThat(run.out()).isEqualTo(full + System.lineSeparator());
    }
}
