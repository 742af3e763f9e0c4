// SPDX-License-Identifier: Apache-2.0
package org.socketlab.player;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketlab.kernel.AddressFamily;
import org.socketlab.kernel.ControlBlock;
import org.socketlab.kernel.FileKind;
import org.socketlab.kernel.MachineSetup;
import org.socketlab.kernel.SocketState;
import org.socketlab.kernel.SocketType;
import org.socketlab.kernel.Stage;
import org.socketlab.kernel.Syscall;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.LessonScript;
import org.socketlab.lesson.LocalizedText;
import org.socketlab.lesson.loading.BuiltInLessons;

class PictureTest {
    private final Lesson lesson = BuiltInLessons.threeStages();

    @Test
    void theStartShowsStdStreamsInTheFirstThreeDrawersAndNothingOnTheWorkbench() {
        Picture start = Picture.of(lesson, 0);

        assertThat(start.drawers()).hasSize(Picture.MIN_DRAWERS);
        assertThat(start.drawers().subList(0, 3)).extracting(Drawer::kind).containsOnly(FileKind.TERMINAL);
        assertThat(start.drawers().get(3).isEmpty()).isTrue();
        assertThat(start.workbench()).isNull();
        assertThat(start.memoryUsed()).isZero();
        assertThat(start.stages()).containsValue(StageProgress.WAITING).doesNotContainValue(StageProgress.CURRENT);
    }

    @Test
    void stageOneShowsAnEmptyBoxOnTheWorkbench() {
        Picture allocate = Picture.of(lesson, 1);

        assertThat(allocate.workbench()).isNotNull();
        assertThat(allocate.workbench().isBlank()).isTrue();
        assertThat(allocate.memoryChanged()).isTrue();
        assertThat(allocate.stages().get(Stage.ALLOCATE_MEMORY)).isEqualTo(StageProgress.CURRENT);
    }

    @Test
    void stageTwoHighlightsTheFieldsItWrote() {
        Picture init = Picture.of(lesson, 2);

        assertThat(init.inspected().socketState()).isEqualTo(SocketState.SS_UNCONNECTED);
        assertThat(init.changedFields()).contains(ControlBlock.Field.SOCKET_STATE, ControlBlock.Field.TCP_STATE,
                ControlBlock.Field.LOCAL, ControlBlock.Field.SEND_BUFFER);
        assertThat(init.stages().get(Stage.ALLOCATE_MEMORY)).isEqualTo(StageProgress.DONE);
        assertThat(init.stages().get(Stage.INIT_CONTROL_BLOCK)).isEqualTo(StageProgress.CURRENT);
    }

    @Test
    void stageThreePutsTheBoxInDrawerThreeAndTheTicketWithTheApplication() {
        Picture issue = Picture.of(lesson, 3);

        assertThat(issue.workbench()).isNull();
        assertThat(issue.drawers().get(3).kind()).isEqualTo(FileKind.SOCKET);
        assertThat(issue.drawers().get(3).changed()).isTrue();
        assertThat(issue.tickets()).containsExactly(3);
        assertThat(issue.codeLine()).isEqualTo(2); // after #include and main's line
    }

    @Test
    void theSecondSocketStartsItsStagesAfreshAndEndsInDrawerFour() {
        Picture secondAllocate = Picture.of(lesson, 4);
        Picture end = Picture.of(lesson, 6);

        assertThat(secondAllocate.stages().get(Stage.ISSUE_DESCRIPTOR)).isEqualTo(StageProgress.WAITING);
        assertThat(secondAllocate.stages().get(Stage.ALLOCATE_MEMORY)).isEqualTo(StageProgress.CURRENT);
        assertThat(secondAllocate.tickets()).containsExactly(3);
        assertThat(end.tickets()).containsExactly(3, 4);
        assertThat(end.codeLine()).isEqualTo(3);
        assertThat(end.memoryUsed()).isEqualTo(2 * (832 + 2368 + 384));
    }

    @Test
    void anExitedProcessShowsItsNameAndAnEmptiedCabinet() {
        MachineSetup setup = MachineSetup.DEFAULT;
        int pid = setup.pid();
        Lesson exits = LessonScript.on(setup)
                .call(0, pid, new Syscall.Socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM, 0), LocalizedText.EMPTY)
                .call(1, pid, new Syscall.Fork(pid + 1, "child", false), LocalizedText.EMPTY)
                .call(2, pid + 1, new Syscall.Exit(0), LocalizedText.EMPTY)
                .call(3, pid, new Syscall.Exit(0), LocalizedText.EMPTY)
                .build("exits", LocalizedText.EMPTY, LocalizedText.EMPTY, List.of("a", "b", "c", "d"));

        Picture child = Picture.of(exits, 5);
        Picture parent = Picture.of(exits, 6);

        assertThat(child.processName()).isEqualTo("child");
        assertThat(child.drawers()).allMatch(Drawer::isEmpty);
        assertThat(child.drawers().subList(0, 4)).allMatch(Drawer::changed);
        assertThat(child.memoryUsed()).as("the parent still holds the socket").isEqualTo(832 + 2368 + 384);
        assertThat(parent.processName()).isEqualTo("app");
        assertThat(parent.tickets()).isEmpty();
        assertThat(parent.memoryUsed()).isZero();
    }
    @Test
    void aThreadThatExitsLeavesTheSharedCabinetAsItWasAndIsNamedAThreadOfItsProcess() {
        MachineSetup setup = MachineSetup.DEFAULT;
        int pid = setup.pid();
        Lesson thread = LessonScript.on(setup)
                .call(0, pid, new Syscall.Socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM, 0), LocalizedText.EMPTY)
                .call(1, pid, new Syscall.Fork(pid + 1, "app", true), LocalizedText.EMPTY)
                .call(2, pid + 1, new Syscall.Socket(AddressFamily.AF_INET, SocketType.SOCK_DGRAM, 0), LocalizedText.EMPTY)
                .call(3, pid + 1, new Syscall.Exit(0), LocalizedText.EMPTY)
                .build("thread", LocalizedText.EMPTY, LocalizedText.EMPTY, List.of("a", "b", "c", "d"));

        Picture created = Picture.of(thread, 4);
        Picture issued = Picture.of(thread, 7);
        Picture exited = Picture.of(thread, 8);

        assertThat(created.stageKey()).isEqualTo("FORK.thread");
        assertThat(created.leader()).as("main is no thread of another").isEqualTo(-1);
        assertThat(created.cabinets()).hasSize(1);
        assertThat(created.cabinets().get(0).pids()).containsExactly(pid, pid + 1);
        assertThat(created.cabinets().get(0).shared()).isTrue();
        assertThat(issued.leader()).isEqualTo(pid);
        assertThat(issued.step().narration().key()).isEqualTo("socket.issue.shared");
        assertThat(issued.tickets()).containsExactly(3, 4);
        assertThat(exited.stageKey()).isEqualTo("EXIT.thread");
        assertThat(exited.leader()).as("named from the state it left").isEqualTo(pid);
        assertThat(exited.cabinets()).as("no emptied cabinet of its own: the table stays with main").hasSize(1);
        assertThat(exited.cabinets().get(0).current()).isTrue();
        assertThat(exited.cabinets().get(0).pids()).containsExactly(pid);
        assertThat(exited.tickets()).containsExactly(3, 4);
        assertThat(exited.drawers()).noneMatch(Drawer::changed);
    }

    @Test
    void everyReceiveOfTheUdpDatagramsLessonShowsTheReceivingSocketThePeekToo() {
        Lesson udp = BuiltInLessons.find("udp-datagrams").orElseThrow().lesson();
        int receives = 0;
        for (int i = 1; i < udp.size(); i++) {
            Picture picture = Picture.of(udp, i);
            if (picture.step().call() instanceof Syscall.Receive receive && picture.step().outcome().isReturned()) {
                receives++;
                assertThat(picture.inspected().local().port()).as("%s(%d, flags %d) at frame %d", receive.name(),
                        receive.fd(), receive.flags(), i).isEqualTo(8080);
            }
        }
        assertThat(receives).as("recv, the MSG_PEEK, recv, the short recv").isEqualTo(4);
    }
}
