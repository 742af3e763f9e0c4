// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.kernelrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness that asks the real kernel: it compiles, rewrites ports, traces, bounds and reports. */
class RealKernelTest {
    private static final String INCLUDES = """
            #include <stdio.h>
            #include <stdlib.h>
            #include <unistd.h>
            #include <signal.h>
            #include <string.h>
            #include <arpa/inet.h>
            #include <netinet/in.h>
            #include <sys/socket.h>
            """;

    @TempDir
    Path dir;

    private Path program(String name, String body) throws IOException {
        Path source = dir.resolve(name);
        Files.writeString(source, INCLUDES + body);
        return source;
    }

    @Test
    void theLogStartsAtTheProgramsExecveAndEndsWithItsExit() throws Exception {
        Path source = program("hello.c", """
                int main(void) {
                    int fd = socket(AF_INET, SOCK_STREAM, 0);
                    printf("socket %d\\n", fd);
                    return 3;
                }
                """);

        RealKernel.Run run = RealKernel.run(source, RealKernel.Options.standard());

        List<String> lines = run.logLines();
        assertThat(lines.get(0)).matches("\\d+\\s+execve\\(\"\\./prog\", \\[\"\\./prog\"\\].*= 0");
        assertThat(run.log()).contains("socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3<TCP:[");
        assertThat(lines.get(lines.size() - 1)).matches("\\d+\\s+\\+\\+\\+ exited with 3 \\+\\+\\+");
        assertThat(run.ending()).isEqualTo(new RealKernel.Ending.Exited(3));
        assertThat(run.stdout()).isEqualTo("socket 3\n");
    }

    @Test
    void aSignalThatKillsTheProgramIsItsEnding() throws Exception {
        Path source = program("killed.c", """
                int main(void) {
                    kill(getpid(), SIGTERM);
                    return 0;
                }
                """);

        RealKernel.Run run = RealKernel.run(source, RealKernel.Options.standard());

        assertThat(run.ending()).isEqualTo(new RealKernel.Ending.Killed("SIGTERM"));
        assertThat(run.ending().describe()).isEqualTo("killed by SIGTERM");
        assertThat(run.log()).contains("+++ killed by SIGTERM +++");
    }

    @Test
    void aProgramThatHangsIsKilledWithItsChildrenAndReported() throws Exception {
        Path source = program("hangs.c", """
                int main(void) {
                    pid_t child = fork();
                    if (child == 0) {
                        pause();
                        return 0;
                    }
                    printf("%d\\n", child);
                    fflush(stdout);
                    pause();
                    return 0;
                }
                """);

        RealKernel.Run run = RealKernel.run(source, RealKernel.Options.standard().withTimeLimit(Duration.ofSeconds(1)));

        assertThat(run.ending()).isEqualTo(new RealKernel.Ending.TimedOut(Duration.ofSeconds(1)));
        assertThat(run.ending().describe()).startsWith("timed out after 1 s");
        long child = Long.parseLong(run.stdout().strip());
        assertThat(ProcessHandle.of(child).filter(ProcessHandle::isAlive)).as("the forked child").isEmpty();
        assertThat(run.log()).contains("pause(");
    }

    @Test
    void aCompileErrorIsReportedWithGccsMessageAndTheFilesName() throws Exception {
        Path source = program("broken.c", """
                int main(void) {
                    return undeclared_thing;
                }
                """);

        assertThatThrownBy(() -> RealKernel.run(source, RealKernel.Options.standard()))
                .isInstanceOf(RealKernel.CompileError.class)
                .hasMessageContaining(source.toString() + ":")
                .hasMessageContaining("'undeclared_thing' undeclared");
    }

    @Test
    void literalPortsAreReplacedByFreshFreeOnesAndPrivilegedOnesAreKept() throws Exception {
        Path source = program("ports.c", """
                #define PORT 8080
                static int bound(int port) {
                    int fd = socket(AF_INET, SOCK_STREAM, 0);
                    struct sockaddr_in addr = {0};
                    addr.sin_family = AF_INET;
                    addr.sin_port = port;
                    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
                    int r = bind(fd, (struct sockaddr *)&addr, sizeof addr);
                    socklen_t len = sizeof addr;
                    getsockname(fd, (struct sockaddr *)&addr, &len);
                    printf("%d %d\\n", r, ntohs(addr.sin_port));
                    return fd;
                }
                int main(void) {
                    bound(htons(PORT));
                    bound(htons(9090));
                    printf("%d\\n", ntohs(htons(80)));
                    return 0;
                }
                """);

        CompletableFuture<RealKernel.Run> other = CompletableFuture.supplyAsync(() -> runQuietly(source));
        RealKernel.Run run = RealKernel.run(source, RealKernel.Options.standard());
        RealKernel.Run parallel = other.join();

        for (RealKernel.Run r : List.of(run, parallel)) {
            int fresh8080 = r.ports().fresh(8080);
            int fresh9090 = r.ports().fresh(9090);
            assertThat(r.ports().ports()).containsOnlyKeys(8080, 9090);
            assertThat(fresh8080).isNotEqualTo(fresh9090).isBetween(1024, 65535).isNotIn(8080, 9090);
            assertThat(r.stdout()).as("both binds worked on the fresh ports")
                    .isEqualTo("0 " + fresh8080 + "\n0 " + fresh9090 + "\n80\n");
            assertThat(r.log()).contains("sin_port=htons(" + fresh8080 + ")", "sin_port=htons(" + fresh9090 + ")");
        }
        assertThat(parallel.ports().ports().values()).doesNotContainAnyElementsOf(run.ports().ports().values());
    }

    @Test
    void asNobodyTheProgramRunsWithoutPrivilegeWhenTheBuildIsRoot() throws Exception {
        Path source = program("who.c", """
                int main(void) {
                    printf("%d\\n", (int) getuid());
                    return socket(AF_INET, SOCK_RAW, IPPROTO_ICMP) < 0 ? 0 : 1;
                }
                """);

        RealKernel.Run run = RealKernel.run(source, RealKernel.Options.standard().withAsNobody(true));

        assertThat(run.ending()).as("SOCK_RAW refused").isEqualTo(new RealKernel.Ending.Exited(0));
        assertThat(run.log()).contains("= -1 EPERM (Operation not permitted)");
        if (RealKernel.runningAsRoot()) {
            assertThat(run.stdout()).isEqualTo("65534\n");
            assertThat(run.asUser()).isEqualTo("nobody");
        }
    }

    private static RealKernel.Run runQuietly(Path source) {
        try {
            return RealKernel.run(source, RealKernel.Options.standard());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
