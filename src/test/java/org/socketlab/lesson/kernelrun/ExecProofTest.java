// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.kernelrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketlab.lesson.source.LessonParser;

/**
 * A proof after execve(): the lesson's calls are compared up to the exec, then the descriptors the new
 * program started with (as it lists /proc/self/fd), not the new program's own calls.
 */
class ExecProofTest {
    private static final Path LESSON = Path.of("assets/lessons/exec-cloexec.c");

    @TempDir
    Path dir;

    @Test
    void theExecLessonAgreesUpToTheExecAndOnTheDescriptorsLsWasGiven() throws Exception {
        KernelProof.Proof proof = KernelProof.prove(LESSON);

        assertThat(proof.describeDisagreements()).isEmpty();
        assertThat(proof.calls()).extracting(c -> c.call() + " " + c.model().describe() + " / " + c.kernel().describe())
                .containsExactly("fork 4243 / " + proof.calls().get(0).kernel().describe(),
                        "socket 3 / 3", "socket 4 / 4",
                        "execl -1 ENOENT / -1 ENOENT",
                        "execl 0 [0, 1, 2, 3] / 0 [0, 1, 2, 3]");
        // ls's own calls (the loader's opens, its nscd sockets, the listed folder) are not the lesson's
        assertThat(proof.calls()).allSatisfy(c -> assertThat(c.line()).isPositive());
    }

    @Test
    void aModelThatKeptTheCloseOnExecSocketIsCaught() throws Exception {
        String text = Files.readString(LESSON, StandardCharsets.UTF_8);
        RealKernel.Run run = RealKernel.run(LESSON, KernelProof::withMarker, RealKernel.Options.standard()
                .withTimeLimit(KernelProof.TIME_LIMIT).withAsNobody(true));
        // the same lesson, but a model that does not see the mark: it keeps 4 across the exec
        String unmarked = text.replace("SOCK_STREAM | SOCK_CLOEXEC", "SOCK_STREAM");
        assertThat(unmarked).isNotEqualTo(text);

        KernelProof.Proof proof = KernelProof.against(LESSON, LessonParser.parse("exec-cloexec.c", unmarked),
                run.log(), run.ending(), run.asUser());

        assertThat(proof.agrees()).isFalse();
        assertThat(proof.describeDisagreements()).isEqualTo(
                "exec-cloexec.c:19 execl (pid 4243): model 0 [0, 1, 2, 3, 4], kernel 0 [0, 1, 2, 3]\n");
    }

    @Test
    void theNewProgramsOwnDescriptorsAndCallsAreLeftAside() throws Exception {
        String text = """
                #include <sys/socket.h>
                #include <unistd.h>
                int main(void) {
                    int a = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
                    int b = socket(AF_INET, SOCK_STREAM, 0);
                    execl("/bin/ls", "ls", "-l", "/proc/self/fd", (char *)NULL);
                }
                """;
        String log = String.join("\n",
                "execve(\"./prog\", [\"./prog\"], 0x7ffc /* 1 var */) = 0",
                "getppid()                               = 41",
                "socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP) = 3",
                "socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 4",
                "execve(\"/bin/ls\", [\"ls\", \"-l\", \"/proc/self/fd\"], 0x7ffc /* 1 var */) = 0",
                "openat(AT_FDCWD, \"/etc/ld.so.cache\", O_RDONLY|O_CLOEXEC) = 3",
                "close(3)                                = 0",
                "socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK, 0) = 3",
                "close(3)                                = 0",
                "openat(AT_FDCWD, \"/proc/self/fd\", O_RDONLY|O_NONBLOCK|O_CLOEXEC|O_DIRECTORY) = 3",
                "readlink(\"/proc/self/fd/0\", \"/dev/null\", 65) = 9",
                "readlink(\"/proc/self/fd/1\", \"pipe:[5]\", 65) = 8",
                "readlink(\"/proc/self/fd/2\", \"pipe:[5]\", 65) = 8",
                "readlink(\"/proc/self/fd/3\", \"/proc/77/fd\", 65) = 11",
                "readlink(\"/proc/self/fd/4\", \"socket:[2]\", 65) = 10",
                "close(3)                                = 0",
                "exit_group(0)                           = ?",
                "+++ exited with 0 +++", "");

        KernelProof.Proof proof = KernelProof.against(dir.resolve("ls.c"), LessonParser.parse("ls.c", text), log,
                new RealKernel.Ending.Exited(0), "nobody");

        assertThat(proof.describeDisagreements()).isEmpty();
        assertThat(proof.calls()).extracting(c -> c.line() + " " + c.call() + " " + c.kernel().describe())
                .containsExactly("4 socket 3", "5 socket 4", "6 execl 0 [0, 1, 2, 4]");
    }

    @Test
    void aProgramThatListsNothingIsComparedOnTheExecsResultAlone() throws Exception {
        String text = """
                #include <unistd.h>
                int main(void) {
                    execl("/bin/true", "true", (char *)NULL);
                }
                """;
        String log = String.join("\n",
                "execve(\"./prog\", [\"./prog\"], 0x7ffc /* 1 var */) = 0",
                "getppid()                               = 41",
                "execve(\"/bin/true\", [\"true\"], 0x7ffc /* 1 var */) = 0",
                "openat(AT_FDCWD, \"/etc/ld.so.cache\", O_RDONLY|O_CLOEXEC) = 3",
                "close(3)                                = 0",
                "exit_group(0)                           = ?",
                "+++ exited with 0 +++", "");

        KernelProof.Proof proof = KernelProof.against(dir.resolve("true.c"), LessonParser.parse("true.c", text), log,
                new RealKernel.Ending.Exited(0), "nobody");

        assertThat(proof.describeDisagreements()).isEmpty();
        assertThat(proof.calls()).extracting(c -> c.call() + " " + c.model().describe() + " / " + c.kernel().describe())
                .containsExactly("execl 0 [0, 1, 2] / 0");
    }
}
