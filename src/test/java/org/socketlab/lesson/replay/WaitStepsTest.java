// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketlab.kernel.Change;
import org.socketlab.kernel.Narration;
import org.socketlab.kernel.Stage;
import org.socketlab.kernel.Step;
import org.socketlab.lesson.Lesson;
import org.socketlab.player.Drawer;
import org.socketlab.player.Picture;

/**
 * epoll_ctl and the waits as steps of a replay, on logs the kernel wrote: the epoll instance's interest
 * list as epoll_ctl and close() change it (an entry stays while a dup() keeps its file, goes with the
 * file's last reference, so a later EPOLL_CTL_MOD is ENOENT, as the kernel said), and each wait's step
 * naming what the kernel found ready, the finished non-blocking connect, and what the model could not
 * know.
 */
class WaitStepsTest {
    private static final Path EVENTS = Path.of("src/test/resources/kernel-truth/event-descriptors/prog.strace");

    /** The frames of a stage, in order. */
    private static List<Integer> framesOf(Lesson lesson, Stage stage) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < lesson.size(); i++) {
            if (lesson.frame(i).step().stage() == stage) {
                out.add(i);
            }
        }
        return out;
    }

    private static String watching(Lesson lesson, int frame, int fd) {
        return Picture.of(lesson, frame).drawers().stream().filter(d -> d.fd() == fd).findFirst()
                .map(Drawer::watching).orElseThrow();
    }

    @Test
    void theInterestListFollowsEpollCtlAndTheLastCloseAsTheKernelDid() throws IOException {
        Replay replay = TraceReplay.importTrace(EVENTS);
        Lesson lesson = replay.lesson();
        List<Integer> controls = framesOf(lesson, Stage.WATCH);
        List<Integer> waits = framesOf(lesson, Stage.WAIT_READY);

        assertThat(replay.mismatches()).as("%s", Replays.warnings(replay)).isZero();
        assertThat(replay.disagreements()).as("%s", Replays.warnings(replay)).isZero();
        assertThat(controls).hasSize(4);
        assertThat(watching(lesson, controls.get(0), 3)).isEqualTo("4 (EPOLLIN)");
        assertThat(watching(lesson, controls.get(1), 3)).isEqualTo("4 (EPOLLIN), 5 (EPOLLOUT)");
        // close(4) while its dup 8 keeps the file: the kernel still reports "4" (the third wait).
        assertThat(watching(lesson, waits.get(2), 3)).isEqualTo("4 (EPOLLIN), 5 (EPOLLOUT)");
        // close(8), the last reference: the entry is gone before the fourth wait.
        assertThat(watching(lesson, waits.get(3), 3)).isEqualTo("5 (EPOLLOUT)");
        Step modify = lesson.frame(controls.get(2)).step();
        assertThat(modify.narration().key()).isEqualTo("epoll.ctl.ENOENT");
        assertThat(Replays.at(replay, lineOf(replay, "epoll_ctl", 3)).check().known()).as("the model said ENOENT too")
                .isTrue();
        Step delete = lesson.frame(controls.get(3)).step();
        assertThat(delete.narration().key()).isEqualTo("epoll.ctl.del.last");
        assertThat(watching(lesson, controls.get(3), 3)).isEmpty();
    }

    /** The line of the n-th (1-based) call of that name. */
    private static int lineOf(Replay replay, String call, int nth) {
        return replay.calls().stream().filter(c -> c.call().equals(call)).skip(nth - 1).findFirst().orElseThrow()
                .line();
    }

    @Test
    void eachWaitSaysWhatItFoundAndMarksThoseDrawers() throws IOException {
        Lesson lesson = TraceReplay.importTrace(EVENTS).lesson();
        List<Integer> waits = framesOf(lesson, Stage.WAIT_READY);

        assertThat(waits).hasSize(5);
        Narration first = lesson.frame(waits.get(0)).step().narration();
        // The model does not hold a pipe's bytes: what its ends are ready for is the kernel's to say.
        assertThat(first.key()).isEqualTo("wait.found.unsure");
        assertThat(first.args()).containsExactly("epoll_wait", "3", "5 EPOLLOUT", 1, "5", 1, 0);
        assertThat(lesson.frame(waits.get(1)).step().narration().args()).contains("4 EPOLLIN, 5 EPOLLOUT");
        assertThat(lesson.frame(waits.get(3)).step().narration().args()).contains("5 EPOLLOUT|EPOLLERR");
        assertThat(lesson.frame(waits.get(3)).step().changes()).containsExactly(new Change.DescriptorChanged(
                lesson.frame(waits.get(3)).step().pid(), 5));
        assertThat(lesson.frame(waits.get(4)).step().narration().key()).isEqualTo("wait.none");
    }

    @Test
    void theNonBlockingConnectsWaitSaysTheHandshakeEndedAndSoErrorTellsHow() throws IOException {
        Lesson lesson = TraceReplay.importTrace(Path.of("assets/traces/epoll-kinds-f-tt-yy.strace")).lesson();
        Step wait = lesson.frame(framesOf(lesson, Stage.WAIT_READY).get(0)).step();

        assertThat(wait.narration().key()).isEqualTo("wait.connected");
        assertThat(wait.narration().args()).contains("4 EPOLLIN, 5 EPOLLOUT");
    }

    @Test
    void aWritableAcceptedSocketIsNotCalledAFinishedConnectEvenWhenNonBlocking() {
        Replay replay = Replays.lines(
                "socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3",
                "bind(3, {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 0",
                "listen(3, 5) = 0",
                "accept4(3, NULL, NULL, SOCK_NONBLOCK) = 4",
                "poll([{fd=4, events=POLLOUT}], 1, 0) = 1 ([{fd=4, revents=POLLOUT}])");
        Lesson lesson = replay.lesson();
        Narration poll = lesson.frame(framesOf(lesson, Stage.WAIT_READY).get(0)).step().narration();

        assertThat(poll.key()).startsWith("wait.found");
        assertThat(poll.args()).contains("4 POLLOUT").endsWith(0);
    }

    @Test
    void anAnswerFromOutsideTheTraceIsSaidToBeUnknownNotDrawnAsSure() {
        Replay replay = Replays.lines(
                "socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3",
                "bind(3, {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 0",
                "listen(3, 5) = 0",
                "epoll_create1(EPOLL_CLOEXEC) = 4",
                "epoll_ctl(4, EPOLL_CTL_ADD, 3, {events=EPOLLIN, data={u32=3, u64=3}}) = 0",
                "epoll_wait(4, [{events=EPOLLIN, data={u32=3, u64=3}}], 8, -1) = 1",
                "poll([{fd=3, events=POLLIN}], 1, 0) = 1 ([{fd=3, revents=POLLIN}])");
        Lesson lesson = replay.lesson();
        List<Integer> waits = framesOf(lesson, Stage.WAIT_READY);

        Narration epoll = lesson.frame(waits.get(0)).step().narration();
        assertThat(epoll.key()).isEqualTo("wait.found.unsure");
        assertThat(epoll.args()).containsSubsequence("3 EPOLLIN", 1, "3");
        Narration poll = lesson.frame(waits.get(1)).step().narration();
        assertThat(poll.key()).isEqualTo("wait.found.unsure");
        assertThat(poll.args()).containsExactly("poll", "", "3 POLLIN", 1, "3", 1, 0);
    }
}
