// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketlab.kernel.Syscall;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.loading.BuiltInLessons;
import org.socketlab.player.Player;
import org.socketlab.ui.narration.SummaryTableView;
import org.socketlab.ui.theme.Css;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * socket() refused by its family, as Linux does it (__sock_create: sock_alloc, then the family's
 * create() fails, then sock_release): the window shows the box built in stage 1 being taken apart,
 * not a close() and not "nothing was allocated".
 */
@ExtendWith(ApplicationExtension.class)
class SocketTakenApartTest {
    private static final Lesson WRONG = BuiltInLessons.find("wrong-arguments").orElseThrow().lesson();

    private Player player;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        player = new Player(WRONG);
        window = TestWindow.show(stage, player, Locale.ENGLISH);
    }

    /** The first frame where a socket() is taken apart: the protocol 4242 line, EINVAL. */
    private static int firstTakenApart() {
        for (int i = 0; i < WRONG.size(); i++) {
            var step = WRONG.frame(i).step();
            if (step.call() instanceof Syscall.Socket && step.stage() == org.socketlab.kernel.Stage.RELEASE_SOCKET) {
                return i;
            }
        }
        throw new AssertionError("wrong-arguments has no socket() taken apart");
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryLabeled().getText();
    }

    @Test
    void stepToTheRefusedProtocolShowsTheBoxTakenApartInBothLanguages(FxRobot robot) {
        int target = firstTakenApart();
        robot.type(KeyCode.RIGHT, target);

        assertThat(player.getIndex()).isEqualTo(target);
        assertThat(text(robot, ".stage-chip")).isEqualTo("socket() refused: the box is taken apart");
        assertThat(text(robot, ".narration-text")).contains("protocol 4242").contains("EINVAL")
                .contains("sock_release() takes the box apart again");
        SummaryTableView summary = robot.lookup(".summary-table").queryAs(SummaryTableView.class);
        assertThat(summary.row(org.socketlab.kernel.Stage.ALLOCATE_MEMORY).get(0).getPseudoClassStates())
                .as("stage 1 was begun and failed").contains(Css.ERROR);

        robot.type(KeyCode.LEFT);
        assertThat(text(robot, ".stage-chip")).as("the step before: the box is built")
                .isEqualTo("Stage 1 of 3: an empty box");

        robot.type(KeyCode.RIGHT);
        robot.interact(() -> window.messages().localeProperty().set(Locale.CHINESE));
        assertThat(text(robot, ".stage-chip")).isEqualTo("socket() 被拒绝：盒子被拆掉");
    }
}
