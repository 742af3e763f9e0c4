// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A replayed program's AF_UNIX datagrams to paths the trace never binds (a syslog client's /dev/log,
 * the journal's socket) go where the model cannot see: the file may be missing (ENOENT), left behind
 * by a closed socket (ECONNREFUSED) or held by a process outside the trace (success). The replay says
 * it cannot know, follows the kernel's answer and counts no disagreement — it does not predict ENOENT
 * as a lesson, whose machine has only its own files, does.
 */
class UnixOutsidePathReplayTest {
    // Recorded on this machine (Linux 6.18, strace -f -yy): /dev/log does not exist here, left.sock is a
    // socket file whose socket was closed, srv.sock is held by a python3 process outside the trace.
    private static final String[] LOG = {
            "12362 socket(AF_UNIX, SOCK_DGRAM|SOCK_CLOEXEC, 0) = 3<UNIX:[1625260]>",
            "12362 sendto(3<UNIX:[1625260]>, \"<13>hello\", 9, MSG_NOSIGNAL, {sa_family=AF_UNIX, "
                    + "sun_path=\"/dev/log\"}, 110) = -1 ENOENT (No such file or directory)",
            "12362 connect(3<UNIX:[1625260]>, {sa_family=AF_UNIX, sun_path=\"/dev/log\"}, 110) = -1 ENOENT "
                    + "(No such file or directory)",
            "12362 sendto(3<UNIX:[1625260]>, \"<13>hello\", 9, MSG_NOSIGNAL, {sa_family=AF_UNIX, "
                    + "sun_path=\"left.sock\"}, 110) = -1 ECONNREFUSED (Connection refused)",
            "12362 connect(3<UNIX:[1625260]>, {sa_family=AF_UNIX, sun_path=\"left.sock\"}, 110) = -1 ECONNREFUSED "
                    + "(Connection refused)",
            "12362 sendto(3<UNIX:[1625260]>, \"<13>hello\", 9, MSG_NOSIGNAL, {sa_family=AF_UNIX, "
                    + "sun_path=\"srv.sock\"}, 110) = 9",
            "12362 connect(3<UNIX:[1625260]>, {sa_family=AF_UNIX, sun_path=\"srv.sock\"}, 110) = 0",
            "12362 sendto(3<UNIX:[1625260->1625250]>, \"<13>again\", 9, MSG_NOSIGNAL, NULL, 0) = 9",
            "12362 close(3<UNIX:[1625260->1625250]>) = 0",
            "12362 +++ exited with 0 +++"};

    @Test
    void datagramsToPathsTheTraceNeverBindsAreCannotKnowNotDisagreements() {
        Replay replay = Replays.lines(LOG);

        assertThat(replay.disagreements()).as("disagreements: %s", Replays.warnings(replay)).isZero();
        assertThat(replay.calls()).extracting(c -> c.line() + " " + c.call() + " " + (c.check().known()
                ? "model " + (c.check().predictedErrno() == null ? "success" : c.check().predictedErrno())
                : "cannot know") + ", kernel " + (c.errno() == null ? c.result() : c.errno()))
                .containsExactly("1 socket model success, kernel 3",
                        "2 sendto cannot know, kernel ENOENT",
                        "3 connect cannot know, kernel ENOENT",
                        "4 sendto cannot know, kernel ECONNREFUSED",
                        "5 connect cannot know, kernel ECONNREFUSED",
                        "6 sendto cannot know, kernel 9",
                        "7 connect cannot know, kernel 0",
                        "8 sendto model success, kernel 9",
                        "9 close model success, kernel 0");
    }
}
