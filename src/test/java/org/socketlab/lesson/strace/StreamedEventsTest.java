// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.socketlab.testing.ShippedLogs;

/** A log read line by line without keeping its events tells what the same log read whole tells. */
class StreamedEventsTest {
    @TempDir
    Path dir;

    static List<Path> logs() {
        return ShippedLogs.all();
    }

    @ParameterizedTest
    @MethodSource("logs")
    void everyShippedLogStreamsToTheEventsAndFactsOfTheWholeReading(Path log) throws IOException {
        ParsedTrace whole = StraceParser.parse(log);
        ParsedTrace streamed = StraceParser.stream(log);

        assertThat(new ArrayList<>(streamed.events())).isEqualTo(whole.events());
        assertThat(streamed.events()).hasSize(whole.events().size());
        assertThat(streamed.warnings()).isEqualTo(whole.warnings());
        assertThat(streamed.mainPid()).isEqualTo(whole.mainPid());
        assertThat(streamed.hasPids()).isEqualTo(whole.hasPids());
        assertThat(streamed.lineCount()).isEqualTo(whole.lineCount());
        assertThat(streamed.format()).isEqualTo(whole.format());
    }

    @Test
    void linesPrintedWithoutAPidBeforeTheFirstChildGetTheMainProcessAsTheyStream() throws IOException {
        // strace -f prints no pid while the traced process is alone
        Path log = Files.writeString(dir.resolve("fork.strace"), """
                socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3
                clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f) = 4243
                [pid  4243] close(3)               = 0
                [pid  4242] close(3)               = 0
                """);

        ParsedTrace streamed = StraceParser.stream(log);

        assertThat(streamed.mainPid()).isEqualTo(4242);
        assertThat(streamed.events()).extracting(TraceEvent::pid).containsExactly(4242, 4242, 4243, 4242);
        assertThat(streamed.events().get(0).pid()).isEqualTo(4242);
        assertThat(new ArrayList<>(streamed.events())).isEqualTo(StraceParser.parse(log).events());
    }

    @Test
    void aFileThatIsNotALogIsRefusedBeforeAnyEventAsWhenReadWhole() throws IOException {
        Path binary = Files.write(dir.resolve("core.bin"), new byte[] {0x7f, 'E', 'L', 'F', 0, 1, 2, 3});

        assertThatThrownBy(() -> StraceParser.stream(binary)).isInstanceOf(NotAStraceLogException.class)
                .hasMessageContaining("core.bin is not a strace log").hasMessageContaining("binary");
    }

    @Test
    void aLogThatChangesBetweenTheReadingsSaysSo() throws IOException {
        Path log = Files.writeString(dir.resolve("moving.strace"), "socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3\n");
        ParsedTrace streamed = StraceParser.stream(log);
        Files.writeString(log, "socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3\nclose(3) = 0\n");

        assertThatThrownBy(() -> new ArrayList<>(streamed.events())).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("moving.strace changed while it was being replayed");
    }
}
