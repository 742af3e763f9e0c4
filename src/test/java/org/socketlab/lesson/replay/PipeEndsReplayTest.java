// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.socketlab.kernel.FileKind;
import org.socketlab.kernel.KernelState;
import org.socketlab.lesson.Frame;
import org.socketlab.lesson.Lesson;

/**
 * Pipe ends inherited from the shell (traces/pipe-ends, recorded here): strace -yy names both ends
 * of a pipe {@code pipe:[inode]}, so the name does not say which end a descriptor is. The replay
 * takes the end from what the log shows — a read the kernel answered is on a read end, a write on a
 * write end, fcntl(F_GETFL) gives the access mode — and otherwise draws "a pipe end", not a guess.
 */
class PipeEndsReplayTest {
    private static final Path LOG = Path.of("src/test/resources/traces/pipe-ends/prog.strace");

    /** The model's state once the call on {@code line} (1-based) of the log has been replayed. */
    private static KernelState after(Lesson lesson, int line) {
        KernelState state = null;
        for (int i = 0; i < lesson.size(); i++) {
            Frame f = lesson.frame(i);
            if (f.codeLine() == line - 1) {
                state = f.step().state();
            }
        }
        assertThat(state).as("a frame for line %d", line).isNotNull();
        return state;
    }

    private static FileKind kind(KernelState state, int pid, int fd) {
        return state.files().get(state.tableOf(pid).get(fd).fileId()).kind();
    }

    @Test
    void eachEndIsWhatTheLogShowsItToBeAndNoGuessWhereItShowsNothing() throws Exception {
        Replay replay = TraceReplay.importTrace(LOG);
        KernelState end = after(replay.lesson(), 33);
        int pid = replay.processes().get(0).pid();

        assertThat(replay.mismatches()).isZero();
        assertThat(kind(end, pid, 5)).as("read() = 6").isEqualTo(FileKind.PIPE_READ);
        assertThat(kind(end, pid, 6)).as("write() = 6").isEqualTo(FileKind.PIPE_WRITE);
        assertThat(kind(end, pid, 7)).as("only fstat()ed").isEqualTo(FileKind.PIPE);
        assertThat(kind(end, pid, 8)).as("F_GETFL = O_RDONLY").isEqualTo(FileKind.PIPE_READ);
    }

    @Test
    void aReadRefusedWithEbadfSaysNothingAndOneThatWouldBlockIsOnTheReadEnd() {
        Replay replay = Replays.lines(
                "read(10<pipe:[77]>, \"\", 16) = -1 EAGAIN (Resource temporarily unavailable)",
                "write(11<pipe:[77]>, \"x\", 1) = -1 EAGAIN (Resource temporarily unavailable)",
                "fcntl(12<pipe:[78]>, F_GETFL) = 0x1 (flags O_WRONLY)");

        assertThat(replay.processes().get(0).open()).extracting(d -> d.fd() + " " + d.kind())
                .contains("10 pipe-read", "11 pipe-write", "12 pipe-write");
    }
}
