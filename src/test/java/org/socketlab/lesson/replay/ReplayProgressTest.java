// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's import of a big log tells how far it has come, and stops when it is cancelled. */
class ReplayProgressTest {
    @TempDir
    Path dir;

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    private Path log(int sockets) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sockets; i++) {
            text.append("socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3\nclose(3) = 0\n");
        }
        return Files.writeString(dir.resolve("many.strace"), text);
    }

    @Test
    void theImportTellsTheBytesReadThenTheEventsReplayedUpToTheirTotals() throws IOException {
        Path log = log(40_000);
        List<String> told = new ArrayList<>();

        Replay replay = TraceReplay.importTrace(log, (stage, done, total) -> told.add(stage + " " + done + "/" + total));

        assertThat(replay.calls()).hasSize(80_000);
        assertThat(told).first().asString().startsWith("READING ");
        String firstMegabyte = "READING " + (1 << 20) + "/" + Files.size(log);
        assertThat(told).contains(firstMegabyte);
        assertThat(told).last().isEqualTo("REPLAYING 77824/80000");
        assertThat(told.stream().filter(t -> t.startsWith("REPLAYING"))).hasSize(80_000 / 4096);
    }

    @Test
    void aCancelledImportStopsWhileReplaying() throws IOException {
        Path log = log(40_000);
        List<String> told = new ArrayList<>();

        assertThatThrownBy(() -> TraceReplay.importTrace(log, (stage, done, total) -> {
            told.add(stage + " " + done);
            if (stage == ReplayProgress.Stage.REPLAYING) {
                Thread.currentThread().interrupt();
            }
        })).isInstanceOf(InterruptedIOException.class);
        assertThat(told).filteredOn(t -> t.startsWith("REPLAYING")).containsExactly("REPLAYING 4096");
    }

    @Test
    void aCancelledImportStopsWhileReading() throws IOException {
        Path log = log(40_000);
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> TraceReplay.importTrace(log, ReplayProgress.NONE))
                .isInstanceOf(InterruptedIOException.class);
    }
}
