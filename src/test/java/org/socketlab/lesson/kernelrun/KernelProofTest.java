// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.kernelrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketlab.lesson.source.LessonParser;

/** What a proof tells a lesson's author: where the model and the kernel part, and why it cannot run. */
class KernelProofTest {
    @TempDir
    Path dir;

    private Path lesson(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void aLessonTheModelGetsRightAgreesCallByCall() throws Exception {
        Path file = lesson("two.c", """
                #include <sys/socket.h>
                #include <unistd.h>
                int main(void) {
                    int fd = socket(AF_INET, SOCK_STREAM, 0);
                    close(fd);
                    close(fd);
                    return 0;
                }
                """);

        KernelProof.Proof proof = KernelProof.prove(file);

        assertThat(proof.agrees()).as(proof.describeDisagreements()).isTrue();
        assertThat(proof.calls()).extracting(c -> c.line() + " " + c.call() + " " + c.kernel().describe())
                .containsExactly("4 socket 3", "5 close 0", "6 close -1 EBADF");
        assertThat(proof.ending().describe()).isEqualTo("exited with 0");
    }

    @Test
    void whereTheKernelAnsweredOtherwiseTheProofSaysWhichLineAndBothAnswers() throws Exception {
        String text = """
                #include <sys/socket.h>
                int main(void) {
                    socket(AF_INET, SOCK_STREAM, 0);
                    socket(AF_INET, SOCK_DGRAM, 0);
                }
                """;
        Path file = lesson("two.c", text);
        // a log as strace writes it: start-up, the marker, then a kernel that answered EMFILE and made a dup
        String log = String.join("\n",
                "execve(\"./prog\", [\"./prog\"], 0x7ffc /* 1 var */) = 0",
                "socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3",
                "getppid()                               = 41",
                "socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = -1 EMFILE (Too many open files)",
                "dup(1)                                  = 3",
                "write(1, \"hi\\n\", 3)                    = 3",
                "exit_group(0)                           = ?",
                "+++ exited with 0 +++", "");

        KernelProof.Proof proof = KernelProof.against(file, LessonParser.parse("two.c", text), log,
                new RealKernel.Ending.Killed("SIGPIPE"), "nobody");

        assertThat(proof.agrees()).isFalse();
        assertThat(proof.describeDisagreements()).isEqualTo("""
                two.c: the model's program exited with 0, the kernel's killed by SIGPIPE
                two.c:3 socket (pid 4242): model 3, kernel -1 EMFILE
                two.c:4 socket (pid 4242): the kernel made no such call (model 4)
                two.c:0 dup (pid 4242): the model made no such call (kernel 3, log line 5)
                """);
    }

    @Test
    void theToolsAProofNeedsAreLookedForOnThePath() {
        assertThat(KernelProof.missingTools()).isEmpty();
        assertThat(KernelProof.missingTools(dir.toString())).containsExactly("gcc", "strace", "setsid");
        assertThat(KernelProof.missingTools(null)).containsExactly("gcc", "strace", "setsid");
    }

    @Test
    void sigpipeEndsTheProgramOnBothAndItsLaterLinesRunNowhere() throws Exception {
        Path file = lesson("sigpipe.c", """
                #include <arpa/inet.h>
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
                    close(conn);
                    send(cli, "a", 1, 0);
                    send(cli, "b", 1, 0);
                    close(cli);
                    return 0;
                }
                """);

        KernelProof.Proof proof = KernelProof.prove(file);

        assertThat(proof.describeDisagreements()).isEmpty();
        assertThat(proof.ending().describe()).isEqualTo("killed by SIGPIPE");
        assertThat(proof.modelEnding()).isEqualTo(new RealKernel.Ending.Killed("SIGPIPE"));
        assertThat(proof.calls()).extracting(c -> c.line() + " " + c.call() + " " + c.kernel().describe())
                .endsWith("16 close 0", "17 send 1", "18 send -1 EPIPE");
    }

    @Test
    void aShortFormLessonIsNotAProgramAndSaysSo() throws Exception {
        Path file = lesson("short.c", "int fd = socket(AF_INET, SOCK_STREAM, 0);\n");

        assertThatThrownBy(() -> KernelProof.prove(file)).isInstanceOf(KernelProof.CannotProve.class)
                .hasMessageContaining("not a complete C program");
    }

    @Test
    void aModelOnlyLessonIsNotRunAndTheReasonIsGiven() throws Exception {
        Path file = lesson("oom.c", """
                // title: 内存 | memory
                // memory: 7000
                // model-only: memory: is a model setting
                #include <sys/socket.h>
                int main(void) {
                    socket(AF_INET, SOCK_STREAM, 0);
                }
                """);

        assertThatThrownBy(() -> KernelProof.prove(file)).isInstanceOf(KernelProof.CannotProve.class)
                .hasMessageContaining("model-only (memory: is a model setting)");
    }

    @Test
    void aProgramGccRefusesNamesTheLessonsLine() throws Exception {
        // the lesson language ignores #include lines; gcc needs them
        Path file = lesson("broken.c", """
                #include <unistd.h>
                int main(void) {
                    int fd = socket(AF_INET, SOCK_STREAM, 0);
                    close(fd);
                    return 0;
                }
                """);

        assertThatThrownBy(() -> KernelProof.prove(file)).isInstanceOf(KernelProof.CannotProve.class)
                .hasMessageContaining(file + ":3:").hasMessageContaining("'AF_INET' undeclared");
    }
}
