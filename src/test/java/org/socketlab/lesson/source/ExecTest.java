// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socketlab.lesson.Compiled.compile;
import static org.socketlab.lesson.Compiled.results;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketlab.kernel.Descriptor;
import org.socketlab.kernel.Stage;
import org.socketlab.kernel.Step;
import org.socketlab.lesson.Lesson;

/**
 * execl(), execv() and execve() in a lesson, as Linux runs them (fs/exec.c, fs/file.c): a success empties
 * the close-on-exec drawers and keeps the others, the process takes the program's name and runs none of the
 * lesson's later lines; a path with no program fails with ENOENT and changes nothing.
 */
class ExecTest {
    private static final String[] CHILD_EXECS = {
        "pid_t child = fork();",
        "if (child == 0) {",
        "    int kept = socket(AF_INET, SOCK_STREAM, 0);",
        "    int marked = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);",
        "    execl(\"/no/such/program\", \"nothing\", (char *)NULL);",
        "    execl(\"/bin/ls\", \"ls\", \"-l\", \"/proc/self/fd\", (char *)NULL);",
        "    exit(1);",
        "}",
        "close(STDIN_FILENO);",
    };

    private static List<Integer> open(Step step, int pid) {
        return step.state().tableOf(pid).descriptors().stream().map(Descriptor::number).toList();
    }

    private static Step execStep(Lesson lesson, boolean failed) {
        return lesson.frames().stream().map(f -> f.step())
                .filter(s -> s.stage() == Stage.EXEC && s.failed() == failed).findFirst().orElseThrow();
    }

    @Test
    void aSuccessfulExecClosesTheMarkedDrawersKeepsTheOthersAndRunsNoLaterLine() throws Exception {
        Lesson lesson = compile(CHILD_EXECS);

        assertThat(results(lesson)).containsExactly("4242 fork → 4243", "4243 socket → 3", "4243 socket → 4",
                "4243 execve → ENOENT", "4243 execve → 0", "4242 close → 0");
        Step exec = execStep(lesson, false);
        assertThat(open(exec, 4243)).containsExactly(0, 1, 2, 3);
        assertThat(exec.state().process(4243).name()).isEqualTo("ls");
        assertThat(exec.narration().key()).isEqualTo("exec.ok");
        assertThat(exec.narration().args()).containsExactly("/bin/ls", "ls", 4243, 1, "4", 4, "0, 1, 2, 3");
        // the marked socket had no other descriptor: it is released as close() releases it
        Step last = lesson.frames().stream().map(f -> f.step()).filter(s -> s.pid() == 4243).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(last.stage()).isEqualTo(Stage.RELEASE_SOCKET);
        assertThat(last.state().sockets().size()).isEqualTo(1);
        // the child's exit(1) never ran: the child is still there, running ls with 3 open
        assertThat(lesson.frame(lesson.size() - 1).step().state().hasProcess(4243)).isTrue();
        assertThat(open(lesson.frame(lesson.size() - 1).step(), 4243)).containsExactly(0, 1, 2, 3);
    }

    @Test
    void anExecThatFindsNoProgramFailsWithEnoentAndChangesNothing() throws Exception {
        Lesson lesson = compile(CHILD_EXECS);

        Step failed = execStep(lesson, true);
        assertThat(failed.narration().key()).isEqualTo("exec.ENOENT");
        assertThat(open(failed, 4243)).containsExactly(0, 1, 2, 3, 4);
        assertThat(failed.state().process(4243).name()).isEqualTo("child");
    }

    @Test
    void execvAndExecveTakeTheArgumentsFromAnArrayEndingWithNull() throws Exception {
        Lesson lesson = compile(
                "int fd = socket(AF_INET, SOCK_STREAM, 0);",
                "fcntl(fd, F_SETFD, FD_CLOEXEC);",
                "char *args[] = {\"cat\", NULL};",
                "char *env[] = {\"LANG=C\", NULL};",
                "execve(\"/nowhere/cat\", args, env);",
                "execv(\"/usr/bin/cat\", args);");

        assertThat(results(lesson)).containsExactly("4242 socket → 3", "4242 fcntl → 0", "4242 execve → ENOENT",
                "4242 execve → 0");
        Step exec = execStep(lesson, false);
        assertThat(open(exec, 4242)).containsExactly(0, 1, 2);
        assertThat(exec.state().process(4242).name()).isEqualTo("cat");
    }

    @Test
    void anExecWithNothingMarkedKeepsEveryDrawer() throws Exception {
        Lesson lesson = compile(
                "int fd = socket(AF_INET, SOCK_DGRAM, 0);",
                "char *args[] = {\"true\", NULL};",
                "execve(\"/bin/true\", args, NULL);");

        Step exec = execStep(lesson, false);
        assertThat(exec.narration().key()).isEqualTo("exec.none");
        assertThat(open(exec, 4242)).containsExactly(0, 1, 2, 3);
        assertThat(exec.outcome().isReturned()).isTrue();
    }

    @Test
    void mistakesInAnExecSayWhatToWrite() {
        assertThat(Lessons.errorOf("execl(\"/bin/ls\", \"ls\");")).contains("lesson.c:1:1: execl() takes the path, "
                + "at least argv[0] and (char *)NULL, got 2");
        assertThat(Lessons.errorOf("execl(\"/bin/ls\", \"ls\", \"-l\");"))
                .contains("lesson.c:1:24: execl()'s arguments end with (char *)NULL");
        assertThat(Lessons.errorOf("execl(ls, \"ls\", NULL);")).contains("lesson.c:1:7: execl() needs the program's path in quotes here");
        assertThat(Lessons.errorOf("execv(\"/bin/ls\", args);"))
                .contains("lesson.c:1:18: execv() needs an array of strings ending with NULL here")
                .contains("char *args[] = {\"ls\", NULL};");
        assertThat(Lessons.errorOf("char *args[] = {\"ls\"};"))
                .contains("expected a string or the NULL that ends the list");
        assertThat(Lessons.errorOf("execlp(\"ls\", \"ls\", NULL);")).contains("unknown call 'execlp'")
                .contains("Socket Lab does not search PATH");
    }
}
