// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socketlab.lesson.Compiled.calls;
import static org.socketlab.lesson.Compiled.results;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketlab.kernel.ControlBlock;
import org.socketlab.kernel.Errno;
import org.socketlab.kernel.KernelState;
import org.socketlab.kernel.Network;
import org.socketlab.kernel.Outcome;
import org.socketlab.kernel.SocketFlag;
import org.socketlab.kernel.SocketState;
import org.socketlab.kernel.Stage;
import org.socketlab.kernel.Step;
import org.socketlab.kernel.TcpState;
import org.socketlab.lesson.Lesson;

/**
 * Each built-in lesson replayed step by step against the facts in DOMAIN.md: descriptor
 * numbers, errnos at the right stage, socket states, addresses, packets and memory.
 */
class BuiltInLessonFactsTest {
    private static final int APP = 4242;
    private static final int CHILD = 4243;
    private static final long TCP = 832 + 2368 + 384;
    private static final long UDP = 832 + 1344 + 384;

    private static Lesson lesson(String id) {
        return BuiltInLessons.find(id).orElseThrow().lesson();
    }

    private static Step last(List<Step> call) {
        return call.get(call.size() - 1);
    }

    private static KernelState after(List<Step> call) {
        return last(call).state();
    }

    private static List<Stage> stages(List<Step> call) {
        return call.stream().map(Step::stage).toList();
    }

    private static void assertFresh(ControlBlock socket, int protocol) {
        assertThat(socket.socketState()).isEqualTo(SocketState.SS_UNCONNECTED);
        assertThat(socket.tcpState()).isEqualTo(TcpState.TCP_CLOSE);
        assertThat(socket.protocol()).as("0 was resolved").isEqualTo(protocol);
        assertThat(socket.local().isUnset()).as("unbound").isTrue();
        assertThat(socket.remote().isUnset()).as("no peer").isTrue();
        assertThat(socket.packetsSent()).as("socket() sends nothing").isZero();
        assertThat(socket.sendQueued() + socket.receiveQueued()).isZero();
    }

    @Test
    void threeStagesFillsDrawersThreeAndFourWithFreshTcpSockets() {
        List<List<Step>> calls = calls(lesson("three-stages"));

        assertThat(stages(calls.get(0))).containsExactly(Stage.ALLOCATE_MEMORY, Stage.INIT_CONTROL_BLOCK,
                Stage.ISSUE_DESCRIPTOR);
        assertThat(calls.get(0).get(0).state().memory().used()).as("stage 1: the empty box").isEqualTo(832 + 2368);
        assertThat(calls.get(0).get(0).state().sockets().values().get(0).isBlank()).isTrue();
        ControlBlock first = after(calls.get(0)).socketOf(APP, 3);
        assertFresh(first, 6);
        assertThat(first.sendBufferLimit()).isEqualTo(16384);
        assertThat(first.receiveBufferLimit()).isEqualTo(131072);
        assertThat(after(calls.get(1)).tableOf(APP).isOpen(4)).isTrue();
        assertThat(after(calls.get(1)).memory().used()).isEqualTo(2 * TCP);
    }

    @Test
    void udpSendsAtOnceFromAnEphemeralPortWhileUnconnectedTcpGetsEpipe() {
        Lesson lesson = lesson("tcp-vs-udp");
        List<List<Step>> calls = calls(lesson);

        assertThat(results(lesson)).containsExactly("4242 socket → 3", "4242 socket → 4", "4242 sendto → 5",
                "4242 send → EPIPE", "4242 socket → 5", "4242 bind → 0", "4242 listen → 0", "4242 connect → 0",
                "4242 send → 5", "4242 close → 0", "4242 close → 0", "4242 close → 0");
        assertFresh(after(calls.get(1)).socketOf(APP, 3), 6);
        ControlBlock udp = after(calls.get(1)).socketOf(APP, 4);
        assertFresh(udp, 17);
        assertThat(udp.sendBufferLimit()).isEqualTo(212992);

        assertThat(stages(calls.get(2))).containsExactly(Stage.AUTOBIND, Stage.SEND_DATA);
        ControlBlock sent = after(calls.get(2)).socketOf(APP, 4);
        assertThat(sent.local().port()).isBetween(Network.FIRST_EPHEMERAL_PORT, Network.LAST_EPHEMERAL_PORT);
        assertThat(sent.packetsSent()).isOne();
        assertThat(sent.socketState()).as("still no connection").isEqualTo(SocketState.SS_UNCONNECTED);

        assertThat(after(calls.get(3))).as("a failed send changes nothing").isEqualTo(after(calls.get(2)));
        assertThat(stages(calls.get(7))).containsExactly(Stage.AUTOBIND, Stage.SEND_SYN, Stage.ESTABLISH);
        assertThat(calls.get(7).get(1).state().socketOf(APP, 3).tcpState()).isEqualTo(TcpState.TCP_SYN_SENT);
        assertThat(calls.get(7).get(1).state().socketOf(APP, 3).packetsSent()).as("the SYN comes first").isOne();
        assertThat(after(calls.get(7)).socketOf(APP, 3).tcpState()).isEqualTo(TcpState.TCP_ESTABLISHED);
        assertThat(after(calls.get(11)).memory().used())
                .as("the listener's close resets the queued connection, and the client's orphan with it").isZero();
    }

    @Test
    void threeTabsGiveTheClosedMiddleNumberBack() {
        Lesson lesson = lesson("three-tabs");
        List<List<Step>> calls = calls(lesson);

        assertThat(results(lesson)).containsExactly("4242 socket → 3", "4242 socket → 4", "4242 socket → 5",
                "4242 close → 0", "4242 socket → 4");
        assertThat(stages(calls.get(3))).containsExactly(Stage.CLOSE_DESCRIPTOR, Stage.RELEASE_SOCKET);
        assertThat(calls.get(3).get(0).state().tableOf(APP).isOpen(4)).as("the drawer empties first").isFalse();
        assertThat(after(calls.get(3)).memory().used()).isEqualTo(2 * TCP);
        assertThat(after(calls.get(4)).tableOf(APP).descriptors()).hasSize(6);
    }

    @Test
    void theLeakEndsInEmfileAtStageThreeAndAClosedNumberIsReused() {
        Lesson lesson = lesson("leak");
        List<List<Step>> calls = calls(lesson);

        assertThat(results(lesson)).containsExactly("4242 setrlimit → 0", "4242 socket → 3", "4242 socket → 4",
                "4242 socket → 5", "4242 socket → 6", "4242 socket → 7", "4242 socket → EMFILE", "4242 close → 0",
                "4242 socket → 5");
        assertThat(after(calls.get(5)).tableOf(APP).limit()).isEqualTo(8);
        List<Step> emfile = calls.get(6);
        assertThat(stages(emfile)).containsExactly(Stage.ALLOCATE_MEMORY, Stage.INIT_CONTROL_BLOCK,
                Stage.ISSUE_DESCRIPTOR);
        assertThat(emfile.get(1).state().memory().used()).as("built before the number is looked for")
                .isEqualTo(5 * TCP + 832 + 2368);
        assertThat(after(emfile)).as("rolled back completely").isEqualTo(after(calls.get(5)));
    }

    @Test
    void wrongArgumentsFailWithTheirErrnoTheFamilysRefusalsAfterSockAllocAndLeaveNothing() {
        Lesson lesson = lesson("wrong-arguments");
        List<List<Step>> calls = calls(lesson);
        List<Errno> checked = List.of(Errno.EAFNOSUPPORT, Errno.EINVAL, Errno.EINVAL, Errno.EINVAL,
                Errno.ESOCKTNOSUPPORT, Errno.EPROTONOSUPPORT, Errno.EPERM);

        for (int i = 0; i < checked.size(); i++) {
            if (i < 3) {
                assertThat(stages(calls.get(i))).as("call %d: a range or flag check", i)
                        .containsExactly(Stage.CHECK_ARGUMENTS);
            } else {
                assertThat(stages(calls.get(i))).as("call %d: the family refuses after sock_alloc", i)
                        .containsExactly(Stage.ALLOCATE_MEMORY, Stage.RELEASE_SOCKET);
                assertThat(calls.get(i).get(0).state().memory().used()).isEqualTo(832);
            }
            assertThat(last(calls.get(i)).outcome()).isEqualTo(new Outcome.Failure(checked.get(i)));
            assertThat(after(calls.get(i)).memory().used()).as("nothing left").isZero();
            assertThat(after(calls.get(i))).isEqualTo(lesson.frame(0).step().state());
        }
        List<Step> ping = calls.get(7);
        assertThat(stages(ping)).containsExactly(Stage.ALLOCATE_MEMORY, Stage.INIT_CONTROL_BLOCK);
        assertThat(ping.get(0).state().memory().used()).as("ping_init_sock runs after sk_alloc").isEqualTo(832 + 1024);
        assertThat(last(ping).outcome()).isEqualTo(new Outcome.Failure(Errno.EACCES));
        assertThat(after(ping).memory().used()).isZero();
        assertThat(last(calls.get(8)).outcome()).as("no number was used up").isEqualTo(new Outcome.Success(3));
    }

    @Test
    void outOfMemoryFailsAtTheAllocationStagesAndGivesEveryByteBack() {
        Lesson lesson = lesson("out-of-memory");
        List<List<Step>> calls = calls(lesson);

        assertThat(results(lesson)).containsExactly("4242 socket → 3", "4242 socket → ENOMEM", "4242 socket → 4",
                "4242 socket → ENOMEM", "4242 close → 0", "4242 socket → 3", "4242 close → 0", "4242 close → 0");
        assertThat(after(calls.get(0)).memory().capacity()).isEqualTo(7000);
        assertThat(stages(calls.get(1))).containsExactly(Stage.ALLOCATE_MEMORY, Stage.INIT_CONTROL_BLOCK,
                Stage.ISSUE_DESCRIPTOR);
        assertThat(after(calls.get(1))).as("the built box is taken apart").isEqualTo(after(calls.get(0)));
        assertThat(after(calls.get(2)).memory().used()).isEqualTo(TCP + UDP);
        assertThat(stages(calls.get(3))).as("no empty box at all").containsExactly(Stage.ALLOCATE_MEMORY);
        assertThat(after(calls.get(3))).isEqualTo(after(calls.get(2)));
        assertThat(after(calls.get(7)).memory().used()).isZero();
        assertThat(after(calls.get(7)).sockets().isEmpty()).isTrue();
    }

    @Test
    void forkGivesEachProcessItsOwnTableAndStdinIsOnlyAConvention() {
        Lesson lesson = lesson("fork");
        List<List<Step>> calls = calls(lesson);

        assertThat(results(lesson)).containsExactly("4242 socket → 3", "4242 fork → 4243", "4243 socket → 4",
                "4242 socket → 4", "4243 exit → 0", "4242 close → 0", "4242 socket → 0", "4242 exit → 0");
        KernelState forked = after(calls.get(1));
        assertThat(forked.fileOf(CHILD, 3)).as("the copy leads to the same socket").isEqualTo(forked.fileOf(APP, 3));
        assertThat(forked.fileOf(APP, 3).references()).isEqualTo(2);

        KernelState both = after(calls.get(3));
        assertThat(both.socketOf(APP, 4)).isNotNull();
        assertThat(both.socketOf(CHILD, 4)).isNotNull();
        assertThat(both.socketOf(APP, 4).id()).as("same number, different sockets")
                .isNotEqualTo(both.socketOf(CHILD, 4).id());

        KernelState childGone = after(calls.get(4));
        assertThat(childGone.hasProcess(CHILD)).isFalse();
        assertThat(childGone.socketOf(APP, 3)).as("the parent still holds the TCP socket").isNotNull();
        assertThat(childGone.fileOf(APP, 3).references()).isOne();
        assertThat(childGone.memory().used()).isEqualTo(TCP + UDP);

        assertThat(after(calls.get(5)).tableOf(APP).isOpen(0)).isFalse();
        assertThat(after(calls.get(6)).socketOf(APP, 0)).as("socket() returned 0").isNotNull();
        assertThat(after(calls.get(7)).processes()).isEmpty();
        assertThat(after(calls.get(7)).memory().used()).isZero();
    }

    @Test
    void afterSocketBindsListensConnectsWithTheSynFirstAndAcceptsANewSocket() {
        Lesson lesson = lesson("after-socket");
        List<List<Step>> calls = calls(lesson);

        assertThat(results(lesson)).containsExactly("4242 socket → 3", "4242 bind → 0", "4242 listen → 0",
                "4242 socket → 4", "4242 connect → 0", "4242 accept4 → 5", "4242 send → 5", "4242 close → 0",
                "4242 close → 0", "4242 close → 0");
        KernelState created = after(calls.get(0));
        assertThat(created.fileOf(APP, 3).nonBlocking()).as("SOCK_NONBLOCK on the file").isTrue();
        assertThat(after(calls.get(1)).socketOf(APP, 3).local()).hasToString("127.0.0.1:8080");
        assertThat(after(calls.get(2)).socketOf(APP, 3).tcpState()).isEqualTo(TcpState.TCP_LISTEN);

        List<Step> connect = calls.get(4);
        assertThat(stages(connect)).containsExactly(Stage.AUTOBIND, Stage.SEND_SYN, Stage.ESTABLISH);
        int port = connect.get(0).state().socketOf(APP, 4).local().port();
        assertThat(port).isBetween(Network.FIRST_EPHEMERAL_PORT, Network.LAST_EPHEMERAL_PORT);
        ControlBlock syn = connect.get(1).state().socketOf(APP, 4);
        assertThat(syn.tcpState()).isEqualTo(TcpState.TCP_SYN_SENT);
        assertThat(syn.socketState()).isEqualTo(SocketState.SS_CONNECTING);
        assertThat(syn.packetsSent()).as("the SYN is packet 1").isOne();
        assertThat(connect.get(0).state().socketOf(APP, 4).packetsSent()).isZero();
        ControlBlock client = after(calls.get(4)).socketOf(APP, 4);
        assertThat(client.tcpState()).isEqualTo(TcpState.TCP_ESTABLISHED);
        assertThat(client.socketState()).isEqualTo(SocketState.SS_CONNECTED);

        KernelState accepted = after(calls.get(5));
        ControlBlock connection = accepted.socketOf(APP, 5);
        assertThat(connection.id()).as("a new socket").isNotEqualTo(accepted.socketOf(APP, 3).id());
        assertThat(connection.remote()).isEqualTo(client.local());
        assertThat(accepted.tableOf(APP).get(5).closeOnExec()).as("SOCK_CLOEXEC on the ticket").isTrue();
        assertThat(connection.flags()).containsExactly(SocketFlag.SOCK_CLOEXEC);
        assertThat(accepted.fileOf(APP, 5).nonBlocking()).as("not inherited from the listener").isFalse();
        assertThat(accepted.tableOf(APP).get(3).closeOnExec()).isFalse();
        assertThat(accepted.socketOf(APP, 3).tcpState()).as("still listening").isEqualTo(TcpState.TCP_LISTEN);
        assertThat(after(calls.get(6)).socketOf(APP, 5).receiveQueued()).isEqualTo(5);

        KernelState end = after(calls.get(9));
        assertThat(end.memory().used()).isZero();
        assertThat(end.sockets().isEmpty()).isTrue();
        assertThat(end.tableOf(APP).descriptors()).hasSize(3);
    }
}
