// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.loading.BuiltInLessons;
import org.socketlab.player.Player;
import org.socketlab.ui.cabinet.CabinetView;
import org.socketlab.ui.theme.Css;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The threads lesson in the window, stepped with →: pthread_create()'s thread is a thread of the same
 * process (the application card says so), there is one cabinet for both, the thread's socket goes into
 * its lowest free drawer (4, since main holds 3), and when the thread ends the cabinet stays, with 3 and 4
 * still in it.
 */
@ExtendWith(ApplicationExtension.class)
class ThreadsWindowTest {
    private static final Lesson THREADS = BuiltInLessons.find("threads").orElseThrow().lesson();

    private Player player;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        player = new Player(THREADS);
        window = TestWindow.show(stage, player, Locale.ENGLISH);
    }

    private static int frameOf(String narrationKey, int pid) {
        for (int i = 0; i < THREADS.size(); i++) {
            if (THREADS.frame(i).step().narration().key().equals(narrationKey) && THREADS.frame(i).step().pid() == pid) {
                return i;
            }
        }
        throw new AssertionError("threads has no step " + narrationKey + " by " + pid);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryLabeled().getText();
    }

    private void stepTo(FxRobot robot, int frame) {
        robot.type(KeyCode.RIGHT, frame - player.getIndex());
        assertThat(player.getIndex()).isEqualTo(frame);
    }

    private static CabinetView.RowView onlyRow(FxRobot robot) {
        var rows = robot.lookup(".cabinet-row").queryAllAs(CabinetView.RowView.class).stream()
                .filter(Node::isVisible).toList();
        assertThat(rows).as("one cabinet: threads share it").hasSize(1);
        return rows.get(0);
    }

    private static boolean holdsASocket(CabinetView.RowView row, int fd) {
        return row.drawer(fd).getStyleClass().contains("drawer-socket");
    }

    @Test
    void theThreadSharesTheCabinetTakesFourAndLeavesItThereInBothLanguages(FxRobot robot) {
        stepTo(robot, frameOf("fork.thread", 4242));
        assertThat(text(robot, ".stage-chip")).isEqualTo("clone(): a new thread");
        assertThat(text(robot, ".narration-text")).contains("A new thread, 4243 (app)").contains("CLONE_FILES")
                .contains("pthread_create()");
        assertThat(text(robot, ".cabinet-card .actor-detail"))
                .isEqualTo("one fd table for the threads of app (4242, 4243): numbered drawers, limit 1024");

        stepTo(robot, frameOf("socket.issue.shared", 4243));
        assertThat(text(robot, ".application-card .actor-detail")).isEqualTo("thread 4243 of app");
        assertThat(text(robot, ".narration-text")).contains("Thread 4243 shares one cabinet with 4242")
                .contains("lowest free drawer, 4");
        assertThat(text(robot, ".narration-say")).contains("The thread gets 4: 3 is main's, and it is the same cabinet");
        CabinetView.RowView row = onlyRow(robot);
        assertThat(holdsASocket(row, 3)).as("main's 3").isTrue();
        assertThat(holdsASocket(row, 4)).as("the thread's 4, in the same cabinet").isTrue();
        assertThat(row.drawer(4).getPseudoClassStates()).contains(Css.CHANGED);

        robot.type(KeyCode.RIGHT);
        assertThat(text(robot, ".stage-chip")).isEqualTo("exit(): the thread ends");
        assertThat(text(robot, ".call-result")).isEqualTo("exit(0): the thread has ended");
        row = onlyRow(robot);
        assertThat(holdsASocket(row, 3) && holdsASocket(row, 4)).as("the thread's exit leaves the cabinet as it was")
                .isTrue();
        assertThat(((Label) row.drawer(4).lookup(".drawer-label")).getText()).isNotEmpty();

        robot.interact(() -> window.messages().localeProperty().set(Locale.CHINESE));
        assertThat(text(robot, ".stage-chip")).isEqualTo("exit()：线程结束");
        assertThat(text(robot, ".application-card .actor-detail")).isEqualTo("app 的线程 4243");
        robot.type(KeyCode.LEFT);
        assertThat(text(robot, ".narration-text")).contains("线程 4243 和 4242 共用一个描述符柜")
                .contains("最小的空闲抽屉，即 4 号");
        assertThat(text(robot, ".narration-say")).contains("线程拿到 4 号");
        assertThat(text(robot, ".cabinet-card .actor-detail")).isEqualTo("app 的各线程（4242, 4243）共用一张文件描述符表：编号的抽屉，上限 1024");

        // after the join main closes the thread's 4, and its next socket() gets 4 again: the lowest free number
        stepTo(robot, nextIssue(4242, 4));
        assertThat(text(robot, ".application-card .actor-detail")).isEqualTo("进程 app，pid 4242");
        assertThat(holdsASocket(onlyRow(robot), 4)).isTrue();
    }

    /** The frame where {@code pid}'s socket() hands out {@code fd}. */
    private static int nextIssue(int pid, int fd) {
        for (int i = 0; i < THREADS.size(); i++) {
            var step = THREADS.frame(i).step();
            if (step.pid() == pid && step.narration().key().equals("socket.issue")
                    && step.narration().args().get(0).equals(fd)) {
                return i;
            }
        }
        throw new AssertionError("no socket() by " + pid + " gets " + fd);
    }
}
