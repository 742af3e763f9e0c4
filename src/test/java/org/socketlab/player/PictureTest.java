// SPDX-License-Identifier: Apache-2.0
package org.socketlab.player;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.socketlab.kernel.ControlBlock;
import org.socketlab.kernel.FileKind;
import org.socketlab.kernel.SocketState;
import org.socketlab.kernel.Stage;
import org.socketlab.lesson.BuiltInLessons;
import org.socketlab.lesson.Lesson;

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
        assertThat(issue.codeLine()).isZero();
    }

    @Test
    void theSecondSocketStartsItsStagesAfreshAndEndsInDrawerFour() {
        Picture secondAllocate = Picture.of(lesson, 4);
        Picture end = Picture.of(lesson, 6);

        assertThat(secondAllocate.stages().get(Stage.ISSUE_DESCRIPTOR)).isEqualTo(StageProgress.WAITING);
        assertThat(secondAllocate.stages().get(Stage.ALLOCATE_MEMORY)).isEqualTo(StageProgress.CURRENT);
        assertThat(secondAllocate.tickets()).containsExactly(3);
        assertThat(end.tickets()).containsExactly(3, 4);
        assertThat(end.codeLine()).isEqualTo(1);
        assertThat(end.memoryUsed()).isEqualTo(2 * (832 + 2368 + 384));
    }

    @Test
    void afterExitTheProcessShowsAnEmptyCabinetUnderItsName() {
        org.socketlab.kernel.MachineSetup setup = org.socketlab.kernel.MachineSetup.DEFAULT;
        Lesson exiting = org.socketlab.lesson.LessonScript.on(setup)
                .call(0, setup.pid(), new org.socketlab.kernel.Syscall.Socket(2, 1, 0), org.socketlab.lesson.LocalizedText.EMPTY)
                .call(1, setup.pid(), new org.socketlab.kernel.Syscall.Exit(0), org.socketlab.lesson.LocalizedText.EMPTY)
                .build("exit", org.socketlab.lesson.LocalizedText.EMPTY, org.socketlab.lesson.LocalizedText.EMPTY,
                        java.util.List.of("socket", "exit"));

        Picture end = Picture.of(exiting, exiting.size() - 1);

        assertThat(end.stage()).isEqualTo(Stage.EXIT);
        assertThat(end.processName()).isEqualTo(setup.processName());
        assertThat(end.drawers()).allMatch(Drawer::isEmpty);
        assertThat(end.tickets()).isEmpty();
    }
}
