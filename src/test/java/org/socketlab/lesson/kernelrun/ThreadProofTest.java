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
 * A proof of a lesson with threads: pthread_create() is the kernel's clone3() with CLONE_THREAD, strace -f
 * shows the thread's calls under its own id, and they are compared with the model's thread's, in order, as
 * a process's are; the order between threads is not compared, and the C library's own signal handler for
 * its threads is left aside.
 */
class ThreadProofTest {
    private static final Path LESSON = Path.of("assets/lessons/threads.c");
    private static final String CLONE3 = "clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|"
            + "CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID, child_tid=0x7f21d7289990, "
            + "parent_tid=0x7f21d7289990, exit_signal=0, stack=0x7f21d6a89000, stack_size=0x7fff80, "
            + "tls=0x7f21d72896c0} => {parent_tid=[%d]}, 88) = %d";

    @TempDir
    Path dir;

    @Test
    void theThreadsLessonAgreesWithTheKernelThreadByThread() throws Exception {
        KernelProof.Proof proof = KernelProof.prove(LESSON);

        assertThat(proof.describeDisagreements()).isEmpty();
        assertThat(proof.calls()).extracting(c -> c.line() + " " + c.pid() + " " + c.call() + " "
                + c.model().describe()).containsExactly("23 4242 socket 3", "26 4242 pthread_create 0",
                "12 4243 socket 4", "28 4242 close 0", "30 4242 socket 4", "31 4242 pthread_create 0",
                "18 4244 close 0", "34 4242 socket 3", "35 4242 close 0", "36 4242 close 0");
        // the kernel's answer to pthread_create() is clone3()'s: the thread's id
        assertThat(proof.calls().get(1).kernel().result()).isPositive();
    }

    @Test
    void aModelThatGaveTheThreadAnotherNumberIsCaught() throws Exception {
        String text = Files.readString(LESSON, StandardCharsets.UTF_8);
        RealKernel.Run run = RealKernel.run(LESSON, KernelProof::withMarker, RealKernel.Options.standard()
                .withTimeLimit(KernelProof.TIME_LIMIT).withAsNobody(true));
        // the same program, but a lesson whose model has main open 4 before the thread: the thread would get 5
        String other = text.replace("    pthread_t t;\n", "    pthread_t t;\n    int extra = dup(mine);\n");
        assertThat(other).isNotEqualTo(text);

        KernelProof.Proof proof = KernelProof.against(LESSON, LessonParser.parse("threads.c", other), run.log(),
                run.ending(), run.asUser());

        assertThat(proof.agrees()).isFalse();
        assertThat(proof.describeDisagreements()).contains("threads.c:25 dup (pid 4242): the kernel made no such call")
                .contains("threads.c:12 socket (pid 4243): model 5, kernel 4");
    }

    @Test
    void callsOfTwoThreadsAreComparedThreadByThreadWhateverTheirOrderInTheLog() throws Exception {
        String text = """
                #include <pthread.h>
                #include <sys/socket.h>
                #include <unistd.h>
                static void *w(void *arg) {
                    int fd = socket(AF_INET, SOCK_STREAM, 0);
                    close(fd);
                    return NULL;
                }
                int main(void) {
                    pthread_t t;
                    pthread_create(&t, NULL, w, NULL);
                    pthread_join(t, NULL);
                    return 0;
                }
                """;
        // glibc installs its handler for SIGRT_1 before the first thread; strace shows main's futex wait
        // unfinished and the thread's calls between, then main's exit after the thread's
        String log = String.join("\n",
                "100   execve(\"./prog\", [\"./prog\"], 0x7ffc /* 1 var */) = 0",
                "100   getppid()                         = 41",
                "100   rt_sigaction(SIGRT_1, {sa_handler=0x7f21d7313720, sa_mask=[], "
                        + "sa_flags=SA_RESTORER|SA_ONSTACK|SA_RESTART|SA_SIGINFO, sa_restorer=0x7f21d72c9050}, "
                        + "NULL, 8) = 0",
                "100   rt_sigprocmask(SIG_BLOCK, ~[], [], 8) = 0",
                "100   " + String.format(CLONE3, 101, 101),
                "100   futex(0x7f21d7289990, FUTEX_WAIT_BITSET|FUTEX_CLOCK_REALTIME, 101, NULL, "
                        + "FUTEX_BITSET_MATCH_ANY <unfinished ...>",
                "101   rseq(0x7f21d7289fe0, 0x20, 0, 0x53053053) = 0",
                "101   socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3",
                "101   close(3)                          = 0",
                "101   exit(0)                           = ?",
                "101   +++ exited with 0 +++",
                "100   <... futex resumed>)              = 0",
                "100   exit_group(0)                     = ?",
                "100   +++ exited with 0 +++", "");

        KernelProof.Proof proof = KernelProof.against(dir.resolve("w.c"), LessonParser.parse("w.c", text), log,
                new RealKernel.Ending.Exited(0), "nobody");

        assertThat(proof.describeDisagreements()).isEmpty();
        assertThat(proof.calls()).extracting(c -> c.pid() + " " + c.call() + " " + c.model().describe() + " / "
                + c.kernel().describe()).containsExactly("4242 pthread_create 0 / 101", "4243 socket 3 / 3",
                "4243 close 0 / 0");
    }

    @Test
    void aForkIsNotTakenForAThread() throws Exception {
        String text = """
                #include <pthread.h>
                #include <sys/socket.h>
                static void *w(void *arg) {
                    socket(AF_INET, SOCK_STREAM, 0);
                    return NULL;
                }
                int main(void) {
                    pthread_t t;
                    pthread_create(&t, NULL, w, NULL);
                    pthread_join(t, NULL);
                    return 0;
                }
                """;
        // a program that forked instead: its child is no thread of the lesson's
        String log = String.join("\n",
                "100   getppid()                         = 41",
                "100   clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, "
                        + "child_tidptr=0x7f0) = 101",
                "101   socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3",
                "101   exit_group(0)                     = ?",
                "101   +++ exited with 0 +++",
                "100   exit_group(0)                     = ?",
                "100   +++ exited with 0 +++", "");

        KernelProof.Proof proof = KernelProof.against(dir.resolve("w.c"), LessonParser.parse("w.c", text), log,
                new RealKernel.Ending.Exited(0), "nobody");

        assertThat(proof.agrees()).isFalse();
        assertThat(proof.describeDisagreements()).contains("w.c:9 pthread_create (pid 4242): the kernel made no "
                + "such call").contains("w.c:0 clone (pid 4242): the model made no such call");
    }
}
