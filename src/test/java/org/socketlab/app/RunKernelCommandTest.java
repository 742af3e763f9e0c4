// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketlab.testing.KnownDisagreement;
import picocli.CommandLine;

/** {@code socket-lab run LESSON --kernel}: the model's answers beside the real kernel's, call by call. */
class RunKernelCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = new CommandLine(new SocketLabCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(args);
    }

    private Path lesson(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aBuiltInLessonPrintsBothAnswersOfEveryCallAndAgrees() {
        int status = run("run", "three-tabs", "--kernel");

        assertThat(err.toString()).isEmpty();
        assertThat(status).isZero();
        assertThat(out.toString()).containsPattern("(?m)^\\s+8  4242\\s+socket\\s+3\\s+3\\s*$")
                .containsPattern("(?m)^\\s+14  4242\\s+close\\s+0\\s+0\\s*$")
                .containsPattern("(?m)^\\s+16  4242\\s+socket\\s+4\\s+4\\s*$")
                .contains("on the real kernel, as ").contains(": exited with 0 (the model: exited with 0)")
                .contains("5 calls: the model agrees with the kernel");
    }

    @Test
    void whereTheModelDiffersTheTableSaysWhereAndTheStatusIsOne() throws IOException {
        // ioctl(FIONREAD) is unknown to the model (ENOTTY): a simplification docs/kernel-fidelity.md lists
        Path file = lesson("udp.c", KnownDisagreement.FIONREAD_UNKNOWN);

        int status = run("run", file.toString(), "--kernel");

        assertThat(status).isEqualTo(KernelRun.DIFFERS);
        assertThat(out.toString()).containsPattern("(?m)^\\s+21  4242\\s+recv\\s+1\\s+1\\s*$")
                .as("two datagrams queued, one recv: one datagram, on both")
                .containsPattern("(?m)^\\s+22  4242\\s+ioctl\\s+-1 ENOTTY\\s+0\\s+DIFFERS$")
                .contains("the model and the kernel differ (1 of 10 calls):")
                .contains("udp.c:22 ioctl (pid 4242): model -1 ENOTTY, kernel 0");
    }

    @Test
    void asJsonEachCallHasTheModelsAndTheKernelsAnswer() throws IOException {
        Path file = lesson("udp.c", KnownDisagreement.FIONREAD_UNKNOWN);

        int status = run("run", file.toString(), "--kernel", "--json");

        String json = out.toString().strip();
        assertThat(status).isEqualTo(KernelRun.DIFFERS);
        assertThat(json).startsWith("{\"lesson\":\"udp.c\",\"agrees\":false,\"asUser\":").doesNotContain("\n")
                .contains("\"ending\":\"exited with 0\",\"modelEnding\":\"exited with 0\"")
                .contains("{\"line\":15,\"pid\":4242,\"call\":\"socket\",\"model\":{\"result\":3,\"errno\":null,"
                        + "\"fds\":[3]},\"kernel\":{\"result\":3,\"errno\":null,\"fds\":[3]},\"disagreement\":null}")
                .contains("{\"line\":22,\"pid\":4242,\"call\":\"ioctl\",\"model\":{\"result\":-1,\"errno\":\"ENOTTY\","
                        + "\"fds\":[]},\"kernel\":{\"result\":0,\"errno\":null,\"fds\":[]},"
                        + "\"disagreement\":\"model -1 ENOTTY, kernel 0\"}");
    }

    @Test
    void aLessonThatCannotRunOnTheKernelSaysWhyWithStatusTwo() throws IOException {
        Path shortForm = lesson("short.c", "int fd = socket(AF_INET, SOCK_STREAM, 0);\n");

        assertThat(run("run", shortForm.toString(), "--kernel")).isEqualTo(KernelRun.CANNOT_RUN);
        assertThat(run("run", "out-of-memory", "--kernel")).isEqualTo(KernelRun.CANNOT_RUN);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("short.c: not a complete C program")
                .contains("out-of-memory.c: the lesson is model-only (memory: is a setting of the model");
    }
}
