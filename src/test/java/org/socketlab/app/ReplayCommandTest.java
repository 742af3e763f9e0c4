// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code socket-lab replay}: what it prints and the exit status a script sees. */
class ReplayCommandTest {
    @TempDir
    Path dir;

    private String out = "";
    private String err = "";

    private int run(String... args) {
        CommandRun run = CommandRun.of(args);
        out = run.out();
        err = run.err();
        return run.status();
    }

    private Path trace(String resource) throws IOException {
        Path file = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void lifecycleAsJsonHasEveryCallWithTheKernelsAndTheModelsDescriptors() throws IOException {
        int status = run("replay", trace("/traces/lifecycle.strace").toString(), "--json");

        String json = out.strip();
        assertThat(status).isZero();
        assertThat(err).isEmpty();
        assertThat(json).startsWith("{\"calls\":[").endsWith("}").doesNotContain("\n");
        assertThat(json).contains("{\"line\":3,\"pid\":null,\"call\":\"socket\",\"result\":3,\"errno\":null,"
                + "\"fds\":[3],\"predicted\":[3],\"predictedErrno\":null}");
        assertThat(json).contains("{\"line\":10,\"pid\":null,\"call\":\"accept\",\"result\":5,\"errno\":null,"
                + "\"fds\":[5],\"predicted\":[5],\"predictedErrno\":null}");
        assertThat(json).contains("{\"line\":9,\"pid\":null,\"call\":\"connect\",\"result\":0,\"errno\":null,"
                + "\"fds\":[],\"predicted\":[],\"predictedErrno\":null}");
        assertThat(json).contains("\"processes\":[{\"pid\":null,\"exited\":0,\"threads\":[],\"open\":[{\"fd\":0,\"kind\":\"std\"");
        assertThat(json).contains("\"mismatches\":0,");
        assertThat(json).contains("{\"line\":1,\"kind\":\"OPENED_OUTSIDE\",\"message\":\"descriptor 3 was opened by"
                + " a call the trace does not show\"}");
        assertThat(json).contains("\"notAnimated\":{\"getsockname\":1}");
    }

    @Test
    void emfileAsJsonShowsThePredictedFailuresAndWhatIsOpenAtTheEnd() throws IOException {
        run("replay", trace("/traces/emfile.strace").toString(), "--json");

        String json = out;
        assertThat(json).contains("{\"line\":10,\"pid\":null,\"call\":\"socket\",\"result\":-1,\"errno\":\"EMFILE\","
                + "\"fds\":[],\"predicted\":[],\"predictedErrno\":\"EMFILE\"}");
        assertThat(json).contains("{\"fd\":5,\"kind\":\"socket\",\"family\":\"AF_INET\",\"type\":\"SOCK_DGRAM\","
                + "\"state\":\"TCP_CLOSE\",\"name\":\"socket:[6845]\",\"mayBe\":null}");
    }

    @Test
    void withoutJsonItPrintsATableAndASummary() throws IOException {
        int status = run("replay", trace("/traces/reuse.strace").toString());

        assertThat(status).isZero();
        assertThat(out).contains("LINE", "CALL", "socket", "12 calls replayed, 0 mismatches");
    }

    @Test
    void aBinaryFileIsRefusedWithStatusTwoAndAMessage() throws IOException {
        Path binary = dir.resolve("core.bin");
        Files.write(binary, new byte[] {0x7f, 'E', 'L', 'F', 0, 1, 2, 3});

        int status = run("replay", binary.toString(), "--json");

        assertThat(status).isEqualTo(2);
        assertThat(out).isEmpty();
        assertThat(err).contains("core.bin is not a strace log").contains("binary");
    }

    @Test
    void aTextThatIsNotStraceIsRefusedToo() throws IOException {
        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "Dear diary,\ntoday I opened a socket.\n");

        assertThat(run("replay", notes.toString())).isEqualTo(2);
        assertThat(err).contains("notes.txt is not a strace log");
    }

    @Test
    void aMissingFileIsStatusTwoWithAMessage() {
        int status = run("replay", dir.resolve("nowhere.strace").toString(), "--json");

        assertThat(status).isEqualTo(2);
        assertThat(err).contains("nowhere.strace cannot be read: there is no such file");
    }
}
