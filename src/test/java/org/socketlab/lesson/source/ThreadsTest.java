// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socketlab.lesson.Compiled.compile;
import static org.socketlab.lesson.Compiled.results;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.socketlab.kernel.Outcome;
import org.socketlab.kernel.Stage;
import org.socketlab.kernel.Step;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.LessonOrigin;
import org.socketlab.lesson.loading.BuiltInLessons;

/**
 * pthread_create() in a lesson: a thread function before main() runs, whole, in a thread that shares the
 * process's cabinet (clone with CLONE_FILES, kernel/fork.c copy_files()); globals are shared with it, and
 * {@code int fd = *(int *)arg;} reads the int pthread_create() pointed at. A line that would race a thread
 * not yet joined is refused.
 */
class ThreadsTest {
    private static final String[] HEAD = {
        "#include <pthread.h>",
        "#include <sys/socket.h>",
        "#include <unistd.h>",
    };

    private static Lesson program(String... lines) throws LessonParseException {
        String[] all = new String[HEAD.length + lines.length];
        System.arraycopy(HEAD, 0, all, 0, HEAD.length);
        System.arraycopy(lines, 0, all, HEAD.length, lines.length);
        return compile(all);
    }

    private static String problems(String... lines) {
        try {
            program(lines);
        } catch (LessonParseException e) {
            return e.getMessage();
        }
        throw new AssertionError("the lesson parsed");
    }

    @Test
    void theThreadTakesTheLowestFreeNumberOfTheSameCabinetAndMainClosesIt() throws Exception {
        Lesson lesson = program(
                "static int shared = -1;",
                "static void *worker(void *arg) {",
                "    shared = socket(AF_INET, SOCK_DGRAM, 0);",
                "    return NULL;",
                "}",
                "int main(void) {",
                "    int mine = socket(AF_INET, SOCK_STREAM, 0);",
                "    pthread_t t;",
                "    int r = pthread_create(&t, NULL, worker, NULL);",
                "    pthread_join(t, NULL);",
                "    close(shared);",
                "    int again = socket(AF_INET, SOCK_STREAM, 0);",
                "    close(r);",
                "    return 0;",
                "}");

        // clone() returns the thread's id to the kernel's caller; the lesson's r holds pthread_create()'s 0
        assertThat(results(lesson)).containsExactly("4242 socket → 3", "4242 clone → 4243", "4243 socket → 4",
                "4243 exit → 0", "4242 close → 0", "4242 socket → 4", "4242 close → 0", "4242 exit → 0");
        Step threadSocket = lesson.frames().stream().map(f -> f.step())
                .filter(s -> s.pid() == 4243 && s.stage() == Stage.ISSUE_DESCRIPTOR).findFirst().orElseThrow();
        assertThat(threadSocket.narration().key()).isEqualTo("socket.issue.shared");
        assertThat(threadSocket.narration().args()).containsExactly(4, 4243, "4242");
        assertThat(threadSocket.state().process(4243).tableId()).isEqualTo(threadSocket.state().process(4242).tableId());
        assertThat(threadSocket.state().process(4243).name()).as("a thread keeps its process's name").isEqualTo("app");
        Step threadExit = lesson.frames().stream().map(f -> f.step())
                .filter(s -> s.pid() == 4243 && s.stage() == Stage.EXIT).findFirst().orElseThrow();
        assertThat(threadExit.narration().key()).isEqualTo("exit.thread");
        assertThat(threadExit.state().tableOf(4242).isOpen(4)).as("the thread's exit closes nothing").isTrue();
    }

    @Test
    void theCodeLinesOfTheThreadAreTheFunctionsAndTheLessonSaysWhatPthreadCreateReturns() throws Exception {
        LessonSource source = LessonParser.parse("t.c", String.join("\n",
                "#include <pthread.h>",
                "static void *worker(void *arg) {",
                "    int fd = socket(AF_INET, SOCK_STREAM, 0); // say: 线程 | the thread",
                "    close(fd);",
                "}",
                "int main(void) {",
                "    pthread_t t;",
                "    pthread_create(&t, NULL, worker, NULL); // say: 创建 | create",
                "    pthread_join(t, NULL);",
                "    return 0;",
                "}", ""));

        assertThat(source.statements()).extracting(Lessons::describe).containsExactly(
                "app: pthread_create(t, worker, 0)", "thread: fd = socket(2, 1, 0)", "thread: close(fd)",
                "thread: exit(0)", "app: exit(0)");
        assertThat(source.statements()).extracting(Statement::line).containsExactly(8, 3, 4, 5, 10);
        assertThat(source.statements().get(1).narration().orElseThrow().en()).isEqualTo("the thread");
        assertThat(source.processes()).containsExactly("app", "thread");
        assertThat(source.threads()).containsExactly("thread");

        LessonCompiler.Run run = LessonCompiler.run(source, "t", LessonOrigin.NONE);
        assertThat(run.calls().get(0).outcome()).as("pthread_create() returns 0, as C does")
                .isEqualTo(new Outcome.Success(0));
        assertThat(run.calls().get(0).pid()).isEqualTo(4242);
        assertThat(run.calls().get(1).pid()).isEqualTo(4243);
    }

    @Test
    void aThreadReadsTheIntItsArgumentPointsAtAndEveryThreadRunsTheFunctionAgain() throws Exception {
        Lesson lesson = program(
                "static void *closer(void *arg) {",
                "    int fd = *(int *)arg;",
                "    close(fd);",
                "    return NULL;",
                "}",
                "int main(void) {",
                "    int a = socket(AF_INET, SOCK_STREAM, 0);",
                "    int b = socket(AF_INET, SOCK_STREAM, 0);",
                "    pthread_t t;",
                "    pthread_create(&t, NULL, closer, &b);",
                "    pthread_join(t, NULL);",
                "    pthread_create(&t, NULL, &closer, (void *)&a);",
                "    pthread_join(t, NULL);",
                "    int c = socket(AF_INET, SOCK_STREAM, 0);",
                "    return 0;",
                "}");

        assertThat(results(lesson)).containsExactly("4242 socket → 3", "4242 socket → 4", "4242 clone → 4243",
                "4243 close → 0", "4243 exit → 0", "4242 clone → 4244", "4244 close → 0", "4244 exit → 0",
                "4242 socket → 3", "4242 exit → 0");
    }

    @Test
    void aForkedChildCopiesTheGlobalsItsThreadsShareTheChildsCopy() throws Exception {
        Lesson lesson = program(
                "int g;",
                "void *opener(void *arg) { g = socket(AF_INET, SOCK_STREAM, 0); return NULL; }",
                "int main(void) {",
                "    pthread_t t;",
                "    pid_t child = fork();",
                "    if (child == 0) {",
                "        pthread_create(&t, NULL, opener, NULL);",
                "        pthread_join(t, NULL);",
                "        close(g);",
                "        exit(0);",
                "    }",
                "    close(g);",
                "    return 0;",
                "}");

        // the child's thread set the child's g to 3; the parent's g is still 0 (a global starts at 0): stdin
        assertThat(results(lesson)).containsExactly("4242 fork → 4243", "4243 clone → 4244", "4244 socket → 3",
                "4244 exit → 0", "4243 close → 0", "4243 exit → 0", "4242 close → 0", "4242 exit → 0");
        Step childThread = lesson.frames().stream().map(f -> f.step()).filter(s -> s.pid() == 4244).findFirst()
                .orElseThrow();
        assertThat(childThread.state().process(4244).tableId()).isEqualTo(childThread.state().process(4243).tableId())
                .isNotEqualTo(childThread.state().process(4242).tableId());
        assertThat(childThread.state().process(4244).name()).isEqualTo("child");
    }

    @Test
    void theGlobalsAndThreadsOfALessonAreKnownToItsSource() throws Exception {
        LessonSource source = LessonParser.parse("g.c", String.join("\n",
                "static int a = -1;", "int b;", "static void *w(void *arg) { a = socket(AF_INET, SOCK_STREAM, 0); }",
                "int main(void) { pthread_t t; pthread_create(&t, NULL, w, NULL); pthread_join(t, NULL); close(a); }",
                ""));

        assertThat(source.globals()).isEqualTo(Map.of("a", -1, "b", 0));
        // falling off the end of the function ends the thread there, as C does
        assertThat(source.statements()).extracting(Lessons::describe).containsExactly(
                "app: pthread_create(t, w, 0)", "thread: a = socket(2, 1, 0)", "thread: exit(0)", "app: close(a)");
    }

    @Test
    void aLineThatWouldRaceAThreadNotYetJoinedIsRefused() {
        assertThat(problems(
                "static void *w(void *arg) { int fd = socket(AF_INET, SOCK_STREAM, 0); return NULL; }",
                "int main(void) {",
                "    pthread_t t;",
                "    pthread_create(&t, NULL, w, NULL);",
                "    int s = socket(AF_INET, SOCK_STREAM, 0);",
                "    pthread_join(t, NULL);",
                "    return 0;",
                "}")).isEqualTo("""
                lesson.c:8:5: thread 't' (started on line 7) may still be running here: on a real machine which of \
                the two goes first is up to the scheduler
                    int s = socket(AF_INET, SOCK_STREAM, 0);
                    ^
                hint: wait for it first: pthread_join(t, NULL); a lesson runs the thread's function whole, where \
                pthread_create() starts it""");
        assertThat(problems(
                "static void *w(void *arg) { return NULL; }",
                "int main(void) {",
                "    pthread_t t;",
                "    pthread_create(&t, NULL, w, NULL);",
                "}")).contains("lesson.c:8:1: main() ends while thread 't' (started on line 7) may still run")
                .contains("hint: wait for it before main() returns: pthread_join(t, NULL);");
    }

    @Test
    void whatAThreadFunctionCannotDoIsExplained() {
        assertThat(problems(
                "static void *w(void *arg) {",
                "    exit(0);",
                "}",
                "int main(void) { pthread_t t; pthread_create(&t, NULL, w, NULL); pthread_join(t, NULL); }"))
                .contains("lesson.c:5:5: exit() in a thread ends the whole process, every thread with it")
                .contains("hint: end the thread with return NULL;");
        assertThat(problems(
                "static void *w(void *arg) {",
                "    close(arg);",
                "    return NULL;",
                "}",
                "int main(void) { pthread_t t; pthread_create(&t, NULL, w, NULL); pthread_join(t, NULL); }"))
                .contains("'arg' is the thread's argument, a pointer, not a number")
                .contains("hint: read the int it points at first: int fd = *(int *)arg;");
        assertThat(problems(
                "static void *w(void *arg) {",
                "    int fd = *(int *)arg;",
                "    close(fd);",
                "    return NULL;",
                "}",
                "int main(void) { pthread_t t; pthread_create(&t, NULL, w, NULL); pthread_join(t, NULL); }"))
                .contains("w() reads *(int *)arg, but pthread_create() passes it NULL");
        assertThat(problems(
                "int main(void) {",
                "    pthread_t t;",
                "    pthread_create(&t, NULL, nobody, NULL);",
                "    pthread_join(u, NULL);",
                "}"))
                .contains("'nobody' is not a thread function of this lesson")
                .contains("hint: define it before main(): static void *nobody(void *arg) { ... return NULL; }")
                .contains("'u' is not a declared pthread_t");
        assertThat(problems(
                "char *name;",
                "int main(void) { return 0; }"))
                .contains("lesson.c:4:1: unexpected 'char' before main()")
                .contains("hint: before main() a lesson may declare global ints");
        assertThat(problems(
                "static void *w(void *arg) { return NULL; }",
                "int main(void) { pthread_t t; pthread_create(&t, NULL, w, NULL); pthread_join(t, NULL);",
                "    pthread_join(t, NULL); }"))
                .contains("no thread to join: 't' holds no running thread here");
    }

    @Test
    void theBuiltInLessonGivesTheThreadFourThenFourAgainThenTheThreeAThreadFreed() {
        Lesson lesson = BuiltInLessons.find("threads").orElseThrow().lesson();

        assertThat(results(lesson)).containsExactly("4242 socket → 3", "4242 clone → 4243", "4243 socket → 4",
                "4243 exit → 0", "4242 close → 0", "4242 socket → 4", "4242 clone → 4244", "4244 close → 0",
                "4244 exit → 0", "4242 socket → 3", "4242 close → 0", "4242 close → 0", "4242 exit → 0");
        List<Step> forks = lesson.frames().stream().map(f -> f.step()).filter(s -> s.stage() == Stage.FORK).toList();
        assertThat(forks).extracting(s -> s.narration().key()).containsOnly("fork.thread");
    }
}
