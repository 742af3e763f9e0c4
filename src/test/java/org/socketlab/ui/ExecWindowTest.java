// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
import org.socketlab.ui.cabinet.DrawerView;
import org.socketlab.ui.fit.ShrinkToFit;
import org.socketlab.ui.theme.Css;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * execve() in the window: a stage of its own (not close()'s), the narration naming the drawers it emptied
 * and the ones the new program keeps, and the child's cabinet under the new program's name with drawer 3
 * still holding its socket and drawer 4 emptied.
 */
@ExtendWith(ApplicationExtension.class)
class ExecWindowTest {
    private static final Lesson EXEC = BuiltInLessons.find("exec-cloexec").orElseThrow().lesson();

    private Player player;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        player = new Player(EXEC);
        window = TestWindow.show(stage, player, Locale.ENGLISH);
    }

    private static int frameOf(String narrationKey) {
        for (int i = 0; i < EXEC.size(); i++) {
            if (EXEC.frame(i).step().narration().key().equals(narrationKey)) {
                return i;
            }
        }
        throw new AssertionError("exec-cloexec has no step " + narrationKey);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryLabeled().getText();
    }

    /** The current cabinet's row: its owners' label and its drawers. */
    private static CabinetView.RowView currentRow(FxRobot robot) {
        return robot.lookup(".cabinet-row").queryAllAs(CabinetView.RowView.class).stream()
                .filter(r -> r.getPseudoClassStates().contains(Css.CURRENT)).findFirst().orElseThrow();
    }

    private static String label(Node drawer) {
        return ((Label) drawer.lookup(".drawer-label")).getText();
    }

    @Test
    void theFailedExecThenTheExecThatEmptiesTheMarkedDrawerInBothLanguages(FxRobot robot) {
        robot.type(KeyCode.RIGHT, frameOf("exec.ENOENT"));
        assertThat(text(robot, ".stage-chip")).isEqualTo("execve(): another program");
        assertThat(text(robot, ".narration-text")).contains("/no/such/program").contains("ENOENT");

        robot.type(KeyCode.RIGHT, frameOf("exec.ok") - player.getIndex());

        assertThat(text(robot, ".stage-chip")).isEqualTo("execve(): another program").doesNotContain("close()");
        assertThat(text(robot, ".narration-text")).contains("process 4243 now runs ls")
                .contains("close-on-exec are emptied (4)").contains("4 stay open (0, 1, 2, 3)");
        CabinetView.RowView child = currentRow(robot);
        assertThat(((Label) child.lookup(".cabinet-owners")).getText()).startsWith("ls (4243)");
        List<DrawerView> drawers = List.of(child.drawer(3), child.drawer(4));
        assertThat(drawers.get(0).getStyleClass()).as("3 survives").contains("drawer-socket");
        assertThat(label(drawers.get(0))).isNotEmpty();
        assertThat(drawers.get(1).getPseudoClassStates()).as("4 was emptied by the exec")
                .contains(Css.EMPTY, Css.CHANGED);

        robot.type(KeyCode.RIGHT);
        assertThat(text(robot, ".stage-chip")).as("the marked socket's release is the exec's, not a close()")
                .isEqualTo("execve(): the memory goes back");

        robot.type(KeyCode.LEFT);
        robot.interact(() -> window.messages().localeProperty().set(Locale.CHINESE));
        assertThat(text(robot, ".stage-chip")).isEqualTo("execve()：换一个程序");
        assertThat(text(robot, ".narration-text")).contains("进程 4243 现在运行 ls").contains("（0, 1, 2, 3）");
        robot.type(KeyCode.RIGHT);
        assertThat(text(robot, ".stage-chip")).isEqualTo("execve()：归还内存");
    }

    /**
     * Two cabinets (the parent's and the child's) share the card at 1280x800 at a readable size: each is one
     * line, its owners beside drawers that show number, box and label side by side, drawn (nearly) full size,
     * with drawer n of one cabinet under drawer n of the other.
     */
    @Test
    void twoCabinetsFitTheCardAtAReadableSizeDrawerUnderDrawer(FxRobot robot) {
        robot.type(KeyCode.RIGHT, frameOf("exec.ok"));

        List<CabinetView.RowView> rows = robot.lookup(".cabinet-row").queryAllAs(CabinetView.RowView.class).stream()
                .filter(Node::isVisible).toList();
        assertThat(rows).hasSize(2);
        ShrinkToFit fit = (ShrinkToFit) robot.lookup(".cabinet-card .shrink-to-fit").query();
        assertThat(fit.factor()).as("the cabinet card's content is not drawn much smaller").isGreaterThan(0.9);
        for (int fd = 0; fd < 8; fd++) {
            double top = rows.get(0).drawer(fd).localToScene(0, 0).getX();
            double bottom = rows.get(1).drawer(fd).localToScene(0, 0).getX();
            assertThat(bottom).as("drawer %d of both cabinets", fd).isCloseTo(top, org.assertj.core.data.Offset.offset(1.0));
        }
        Label stdout = (Label) rows.get(1).drawer(1).lookup(".drawer-label");
        assertThat(stdout.getText()).isEqualTo("stdout");
        assertThat(stdout.getWidth()).as("'stdout' is not cut short").isGreaterThanOrEqualTo(stdout.prefWidth(-1) - 0.5);
    }
}
