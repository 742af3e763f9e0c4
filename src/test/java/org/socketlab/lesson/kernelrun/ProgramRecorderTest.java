// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.kernelrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording a program under strace: the command line's words, what is refused before anything starts, the log. */
class ProgramRecorderTest {
    @TempDir
    Path dir;

    @Test
    void aCommandLineSplitsAsAShellWouldForSimpleCases() throws Exception {
        assertThat(ProgramRecorder.words("curl -s 'http://x/a b' \"q\\\"t\" back\\ slash"))
                .containsExactly("curl", "-s", "http://x/a b", "q\"t", "back slash");
        assertThatThrownBy(() -> ProgramRecorder.words("echo 'open"))
                .hasMessage("the command line has a ' that is not closed");
    }

    @Test
    void whatCannotStartIsRefusedBeforeAnythingRuns() {
        Duration limit = Duration.ofSeconds(5);
        assertThatThrownBy(() -> ProgramRecorder.check(new ProgramRecorder.Request(List.of(), dir, limit)))
                .hasMessage("no program to record: the command line is empty");
        assertThatThrownBy(() -> ProgramRecorder.check(new ProgramRecorder.Request(List.of("no-such-tool-here"), dir,
                limit))).hasMessage("no-such-tool-here: no such program on the PATH");
        assertThatThrownBy(() -> ProgramRecorder.check(new ProgramRecorder.Request(List.of("true"),
                dir.resolve("gone"), limit))).hasMessage("the working folder " + dir.resolve("gone") + " does not exist");
    }

    @Test
    void aRecordingHoldsTheProgramsCallsWithTimesAndHowItEnded() throws Exception {
        Path log = dir.resolve("out/sh.strace");
        ProgramRecorder.Recording r = ProgramRecorder.record(new ProgramRecorder.Request(
                List.of("sh", "-c", "exit 3"), dir, Duration.ofSeconds(30)), log);
        assertThat(r.ending()).isEqualTo(new RealKernel.Ending.Exited(3));
        assertThat(Files.readString(log)).containsPattern("(?m)^(\\d+\\s+)?\\d\\d:\\d\\d:\\d\\d\\.\\d+ execve\\(");
        try (var left = Files.list(dir.resolve("out"))) {
            assertThat(left).as("the log whole, no partial file beside it").containsExactly(log);
        }
    }

    @Test
    void aProgramStraceCannotStartLeavesNoLog() throws Exception {
        Path script = Files.writeString(dir.resolve("broken"), "#!/no/such/interpreter\n");
        script.toFile().setExecutable(true);
        Path log = dir.resolve("broken.strace");
        assertThatThrownBy(() -> ProgramRecorder.record(new ProgramRecorder.Request(List.of("./broken"), dir,
                Duration.ofSeconds(30)), log)).isInstanceOf(ProgramRecorder.CannotRecord.class)
                .hasMessageStartingWith("./broken could not start: ");
        assertThat(log).doesNotExist();
    }
}
