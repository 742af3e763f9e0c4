// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socketlab.lesson.replay.Replays.open;
import static org.socketlab.lesson.replay.Replays.warnings;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.socketlab.kernel.FileKind;
import org.socketlab.lesson.Lesson;
import org.socketlab.player.Drawer;
import org.socketlab.player.Picture;

/**
 * AF_NETLINK sockets as ip, ss and getaddrinfo open them (kernel-truth/netlink-autobind): the
 * replay builds each as a netlink socket in its drawer, labelled as strace -yy shows it, takes
 * the port id netlink_autobind gave from the log, and shows the messages to and from the kernel.
 */
class NetlinkReplayTest {
    private static final String[] LOG = {
        "31744 execve(\"./prog\", [\"./prog\"], 0x7ffd /* 35 vars */) = 0",
        "31744 socket(AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, NETLINK_ROUTE) = 3<NETLINK:[1712943]>",
        "31744 bind(3<NETLINK:[1712943]>, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, 12) = 0",
        "31744 getsockname(3<NETLINK:[ROUTE:31744]>, {sa_family=AF_NETLINK, nl_pid=31744, nl_groups=00000000},"
                + " [12]) = 0",
        "31744 sendto(3<NETLINK:[ROUTE:31744]>, [{nlmsg_len=32, nlmsg_type=RTM_GETLINK,"
                + " nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=1, nlmsg_pid=0}], 32, 0,"
                + " {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, 12) = 32",
        "31744 recvfrom(3<NETLINK:[ROUTE:31744]>, [{nlmsg_len=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI,"
                + " nlmsg_seq=1, nlmsg_pid=31744}, 0], 32768, 0, NULL, NULL) = 20",
        "31744 socket(AF_NETLINK, SOCK_DGRAM, NETLINK_ROUTE) = 4<NETLINK:[1712950]>",
        "31744 bind(4<NETLINK:[1712950]>, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, 12) = 0",
        "31744 getsockname(4<NETLINK:[ROUTE:3558966655]>, {sa_family=AF_NETLINK, nl_pid=-736000641,"
                + " nl_groups=00000000}, [12]) = 0",
        "31744 close(3<NETLINK:[ROUTE:31744]>) = 0",
        "31744 exit_group(0) = ?",
        "31744 +++ exited with 0 +++",
    };

    @Test
    void aNetlinkSocketIsBuiltAndFollowedWithoutWarnings() {
        Replay replay = Replays.lines(LOG);

        assertThat(warnings(replay)).isEmpty();
        assertThat(replay.mismatches()).isZero();
        assertThat(replay.disagreements()).isZero();
        assertThat(Replays.at(replay, 2).fds()).containsExactly(3);
        assertThat(Replays.at(replay, 5).check().mismatch()).isFalse();
    }

    @Test
    void theDrawerShowsTheProtocolAndThenThePortIdTheKernelChose() {
        Lesson lesson = Replays.lines(LOG).lesson();

        assertThat(drawerAfterLine(lesson, 2, 3)).satisfies(d -> {
            assertThat(d.kind()).isEqualTo(FileKind.NETLINK);
            assertThat(d.label()).isEqualTo("NETLINK:[ROUTE]");
        });
        assertThat(drawerAfterLine(lesson, 3, 3).label()).isEqualTo("NETLINK:[ROUTE:31744]");
        // The process id is taken in NETLINK_ROUTE: the second socket got a negative one, shown unsigned.
        assertThat(drawerAfterLine(lesson, 8, 4).label()).isEqualTo("NETLINK:[ROUTE:3558966655]");
    }

    @Test
    void whatIsOpenAtTheEndIsANetlinkSocket() {
        Replay replay = Replays.lines(LOG);

        assertThat(open(replay, 31744)).contains("4 socket AF_NETLINK SOCK_DGRAM").noneMatch(s -> s.startsWith("3 "));
    }

    /** AF_PACKET is not built, but an ordinary user's EPERM is what the model predicts (packet_create). */
    @Test
    void aPacketSocketAsAnOrdinaryUserIsEpermAsTheModelSays() {
        Replay replay = Replays.lines("socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL)) = -1 EPERM (Operation not permitted)",
                "socket(AF_INET, SOCK_PACKET, 0x300 /* IPPROTO_??? */) = -1 EPERM (Operation not permitted)",
                "socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE) = 3<NETLINK:[44309]>");

        for (int line : new int[] {1, 2}) {
            assertThat(Replays.at(replay, line).check().predictedErrno()).as("line %d", line).isEqualTo("EPERM");
            assertThat(Replays.at(replay, line).check().mismatch()).as("line %d", line).isFalse();
        }
        assertThat(replay.mismatches()).isZero();
        assertThat(warnings(replay)).isEmpty();
    }

    private static Drawer drawerAfterLine(Lesson lesson, int line, int fd) {
        int last = IntStream.range(0, lesson.size()).filter(i -> lesson.frame(i).codeLine() == line - 1).max()
                .orElseThrow(() -> new AssertionError("no frame for line " + line));
        return Picture.of(lesson, last).drawers().get(fd);
    }
}
