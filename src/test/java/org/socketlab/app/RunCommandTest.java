// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code socket-lab run}: a lesson on the model, printed as replay prints a log. */
class RunCommandTest {
    private static final String PROGRAM = """
            #include <netinet/in.h>
            #include <sys/socket.h>
            #include <unistd.h>

            int main(void) {
                struct sockaddr_in addr = {0};
                addr.sin_family = AF_INET;
                addr.sin_port = htons(8080);
                addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
                int srv = socket(AF_INET, SOCK_STREAM, 0);
                bind(srv, (struct sockaddr *)&addr, sizeof addr);
                listen(srv, 8);
                int cli = socket(AF_INET, SOCK_STREAM, 0);
                connect(cli, (struct sockaddr *)&addr, sizeof addr);
                int conn = accept(srv, NULL, NULL);
                socket(AF_INET, 99, 0);
                close(cli);
                return 0;
            }
            """;

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

    private Path lesson(String text) throws IOException {
        return Files.writeString(dir.resolve("lesson.c"), text);
    }

    @Test
    void asJsonEveryCallHasItsLineResultErrnoAndNewDescriptorsAndTheTablesAtTheEnd() throws IOException {
        int status = run("run", lesson(PROGRAM).toString(), "--json");

        String json = out.strip();
        assertThat(status).isZero();
        assertThat(err).isEmpty();
        assertThat(json).startsWith("{\"calls\":[").endsWith("}").doesNotContain("\n");
        assertThat(json).contains("{\"line\":10,\"pid\":4242,\"call\":\"socket\",\"result\":3,\"errno\":null,"
                + "\"fds\":[3],");
        assertThat(json).contains("{\"line\":11,\"pid\":4242,\"call\":\"bind\",\"result\":0,\"errno\":null,\"fds\":[],");
        assertThat(json).contains("{\"line\":15,\"pid\":4242,\"call\":\"accept\",\"result\":5,\"errno\":null,"
                + "\"fds\":[5],");
        assertThat(json).contains("{\"line\":16,\"pid\":4242,\"call\":\"socket\",\"result\":-1,\"errno\":\"EINVAL\","
                + "\"fds\":[],");
        assertThat(json).contains("{\"line\":18,\"pid\":4242,\"call\":\"exit\",\"result\":");
        // what was open when the process exited: the listener and the accepted socket (its peer closed), not the client
        assertThat(json).contains("\"processes\":[{\"pid\":4242,\"exited\":0,\"threads\":[],\"open\":[{\"fd\":0,\"kind\":\"std\"");
        assertThat(json).contains("{\"fd\":3,\"kind\":\"socket\",\"family\":\"AF_INET\",\"type\":\"SOCK_STREAM\","
                + "\"state\":\"TCP_LISTEN\"");
        assertThat(json).contains("{\"fd\":5,\"kind\":\"socket\",\"family\":\"AF_INET\",\"type\":\"SOCK_STREAM\","
                + "\"state\":\"TCP_CLOSE_WAIT\"");
        assertThat(json).doesNotContain("{\"fd\":4,");
    }

    @Test
    void withoutJsonItPrintsATable() throws IOException {
        int status = run("run", lesson(PROGRAM).toString());

        assertThat(status).isZero();
        assertThat(out).contains("LINE", "CALL", "ERRNO", "NEW FDS")
                .containsPattern("16  4242 +socket +-1 +EINVAL")
                .contains("process 4242, exited with 0: 0 std", "3 socket AF_INET SOCK_STREAM TCP_LISTEN")
                .contains("9 calls, ");
    }

    @Test
    void aBuiltInLessonRunsByItsName() {
        int status = run("run", "three-stages", "--json");

        assertThat(status).isZero();
        assertThat(out).contains("\"call\":\"socket\",\"result\":3,", "\"call\":\"socket\",\"result\":4,");
    }

    @Test
    void aMistakeIsExitStatusTwoWithFileLineAndColumn() throws IOException {
        Path file = lesson("int main(void) {\n    int fd = socket(AF_INTE, SOCK_STREAM, 0);\n}\n");

        int status = run("run", file.toString(), "--json");

        assertThat(status).isEqualTo(2);
        assertThat(out).isEmpty();
        assertThat(err).startsWith(file + ":2:21: unknown constant 'AF_INTE'")
                .contains("                    ^", "hint: did you mean 'AF_INET'?");
    }

    @Test
    void aMissingFileIsExitStatusTwo() {
        int status = run("run", dir.resolve("nothing.c").toString());

        assertThat(status).isEqualTo(2);
        assertThat(err).contains("nothing.c:1:1: no such file");
    }
}
