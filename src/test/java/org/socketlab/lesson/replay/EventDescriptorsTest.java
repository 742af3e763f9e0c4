// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.socketlab.kernel.FileKind;
import org.socketlab.testing.ShippedLogs;

/**
 * The event descriptors a replay puts in the cabinet are what the kernel made: the kind comes from
 * the call (epoll_create1, a pipe's first and second end...) and agrees with the inode strace's -yy
 * names in every shipped log the kernel wrote (kernel-truth/event-descriptors re-proves the names
 * on this machine in every build).
 */
class EventDescriptorsTest {
    private static final Path EVENTS = Path.of("src/test/resources/kernel-truth/event-descriptors/prog.strace");

    private static Map<Integer, String> kindsAtEnd(Replay replay) {
        return replay.processes().get(0).open().stream()
                .collect(Collectors.toMap(ProcessAtEnd.OpenDescriptor::fd, ProcessAtEnd.OpenDescriptor::kind));
    }

    @Test
    void eachCallMakesADrawerOfItsOwnKind() throws IOException {
        Replay replay = TraceReplay.importTrace(EVENTS);

        assertThat(replay.mismatches()).as("%s", Replays.warnings(replay)).isZero();
        assertThat(kindsAtEnd(replay)).containsEntry(3, "epoll").containsEntry(5, "pipe-write")
                .containsEntry(4, "pipe-read").containsEntry(8, "pipe-write").containsEntry(6, "pidfd")
                .containsEntry(7, "fanotify").containsEntry(9, "eventfd").containsEntry(10, "timerfd")
                .containsEntry(11, "signalfd").containsEntry(12, "inotify").containsEntry(13, "memfd");
    }

    @Test
    void theEpollKindsProgramsDrawersAreTheKindsItsCommentsName() throws IOException {
        Replay replay = TraceReplay.importTrace(Path.of("assets/traces/epoll-kinds-f-tt-yy.strace"));

        assertThat(kindsAtEnd(replay)).containsEntry(3, "epoll").containsEntry(4, "socket")
                .containsEntry(7, "eventfd").containsEntry(8, "timerfd").containsEntry(9, "signalfd")
                .containsEntry(10, "pipe-read").containsEntry(11, "pipe-write").containsEntry(12, "inotify")
                .containsEntry(13, "memfd");
    }

    @Test
    void aDescriptorOpenedOutOfSightIsTheKindItsDecorationNames() {
        Replay replay = Replays.lines(
                "epoll_ctl(7<anon_inode:[eventpoll]>, EPOLL_CTL_ADD, 8<anon_inode:[eventfd]>, {events=EPOLLIN, data={u32=8, u64=8}}) = 0",
                "read(9<anon_inode:inotify>, \"\", 16) = -1 EAGAIN (Resource temporarily unavailable)",
                "read(10<pipe:[77]>, \"\", 16) = -1 EAGAIN (Resource temporarily unavailable)");

        assertThat(kindsAtEnd(replay)).containsEntry(7, "epoll").containsEntry(8, "eventfd")
                .containsEntry(9, "inotify").as("a pipe's path does not say which end; a read answered with "
                        + "anything but EBADF does (PipeEndsReplayTest)").containsEntry(10, "pipe-read");
    }

    /** What made each decorated descriptor in the logs the kernel wrote, and the name it printed. */
    private static final Pattern MADE = Pattern.compile(
            "\\b(epoll_create1?|eventfd2?|timerfd_create|signalfd4?|inotify_init1?|fanotify_init|pidfd_open|memfd_create)"
                    + "\\(.*\\)\\s+= \\d+<([^>]*)>");

    @Test
    void theKindACallGivesIsTheInodeTheKernelNamesInEveryShippedLog() throws IOException {
        int seen = 0;
        for (Path log : ShippedLogs.all()) {
            for (String line : Files.readAllLines(log)) {
                Matcher m = MADE.matcher(line);
                if (m.find()) {
                    seen++;
                    assertThat(FileKind.named(m.group(2))).as("%s: %s", log, line)
                            .contains(FileKind.madeBy(m.group(1), 0));
                }
            }
        }
        assertThat(seen).isGreaterThan(20);
        assertThat(FileKind.madeBy("pipe2", 0)).isEqualTo(FileKind.PIPE_READ);
        assertThat(FileKind.madeBy("pipe2", 1)).isEqualTo(FileKind.PIPE_WRITE);
        assertThat(FileKind.madeBy("openat", 0)).isEqualTo(FileKind.FILE);
        assertThat(List.of(FileKind.values())).filteredOn(FileKind::isEventDescriptor).hasSize(11);
        assertThat(FileKind.named("pipe:[46404]")).as("either end").contains(FileKind.PIPE);
    }
}
