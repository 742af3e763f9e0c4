// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.socketlab.testing.ShippedLogs;

/**
 * The command line's replay, which streams the log and counts the frames instead of keeping
 * them, tells what the window's replay tells, call by call, for every log the project keeps: whether
 * it keeps the events of its first reading (a log small enough for the heap) or reads the log again.
 */
class SummarizedReplayTest {

    static List<Path> logs() {
        return ShippedLogs.all();
    }

    @ParameterizedTest
    @MethodSource("logs")
    void theSummaryHasTheFullReplaysCallsProcessesWarningsCountsAndFrames(Path log) throws IOException {
        Replay full = TraceReplay.importTrace(log);
        List<ReplayedCall> calls = new ArrayList<>();

        ReplayReport summary = TraceReplay.summarize(log, calls::add);

        assertThat(calls).isEqualTo(full.calls());
        assertThat(summary).isEqualTo(full.report());
        assertThat(summary.frames()).isEqualTo(full.lesson().size());
        assertThat(summary.calls()).isEqualTo(full.calls().size());
    }

    @ParameterizedTest
    @MethodSource("logs")
    void aLogTooBigToKeepIsReadAgainAndTellsTheSame(Path log) throws IOException {
        Replay full = TraceReplay.importTrace(log);
        List<ReplayedCall> calls = new ArrayList<>();

        ReplayReport summary = TraceReplay.summarize(log, calls::add, 0);

        assertThat(TraceReplay.keepsEvents(Files.size(log), 0)).isFalse();
        assertThat(calls).isEqualTo(full.calls());
        assertThat(summary).isEqualTo(full.report());
    }

    @Test
    void aLogOfASixteenthOfTheHeapIsKeptALongerOneReadAgain() {
        long heap = 256L * 1024 * 1024;

        assertThat(TraceReplay.keepsEvents(16L * 1024 * 1024, heap)).isTrue();
        assertThat(TraceReplay.keepsEvents(16L * 1024 * 1024 + 1, heap)).isFalse();
    }
}
