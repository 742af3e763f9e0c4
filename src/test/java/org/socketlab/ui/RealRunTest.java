// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketlab.lesson.kernelrun.KernelProof;
import org.socketlab.testing.KnownDisagreement;
import org.socketlab.ui.editor.RealRun;
import org.socketlab.ui.editor.RealRunView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Run › Run it for real (F9): the lesson in the editor runs on the real kernel (gcc and strace,
 * as CI installs them) off the JavaFX thread, and the window shows every call's answer from the
 * model beside the kernel's, a disagreement marked.
 */
@ExtendWith(ApplicationExtension.class)
class RealRunTest {
    /** A server that waits in accept() for a client that never comes: only the time limit or Stop ends it. */
    static final String WAITS = """
            // title: a server nobody calls
            #include <netinet/in.h>
            #include <sys/socket.h>
            #include <unistd.h>

            int main(void) {
                struct sockaddr_in addr = {0};
                addr.sin_family = AF_INET;
                addr.sin_port = htons(9000);
                int s = socket(AF_INET, SOCK_STREAM, 0);
                bind(s, (struct sockaddr *)&addr, sizeof addr);
                listen(s, 1);
                int c = accept(s, NULL, NULL);
                close(c);
            }
            """;

    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = TestWindow.show(stage, TestWindow.threeStages(), Locale.ENGLISH);
    }

    private void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Node shown(FxRobot robot, String text) {
        return robot.lookup((Node n) -> n instanceof Labeled l && text.equals(l.getText()) && n.getScene() != null
                && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing() && n.isVisible())
                .query();
    }

    private void newLesson(FxRobot robot, String template) {
        robot.interact(() -> window.newLesson(template));
    }

    private void typeLesson(FxRobot robot, String text) {
        robot.interact(() -> window.editor().area().replaceText(text));
    }

    private boolean proved() {
        return window.realRun().stateProperty().get() instanceof RealRun.State.Proved;
    }

    private KernelProof.Proof proof() {
        return ((RealRun.State.Proved) window.realRun().stateProperty().get()).proof();
    }

    private List<TableRow<?>> rows(FxRobot robot) {
        List<TableRow<?>> rows = new ArrayList<>();
        for (TableRow<?> r : robot.lookup(".real-run-table .table-row-cell").queryAllAs(TableRow.class)) {
            if (r.getItem() != null) {
                rows.add(r);
            }
        }
        return rows;
    }

    @Test
    void f9RunsTheTcpServerTemplateOnTheRealKernelAfterTheNoticeAndTheTableShowsItAgrees(FxRobot robot)
            throws Exception {
        newLesson(robot, "tcp-server");
        robot.type(KeyCode.F9);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.realRun().stateProperty().get()).as("nothing runs before the notice is answered")
                .isInstanceOf(RealRun.State.Idle.class);
        assertThat(robot.lookup(".confirm-details").queryLabeled().getText()).contains("your rights")
                .contains("temporary folder").contains("20 s");
        robot.clickOn(shown(robot, "OK"));
        assertThat(window.realRunNoticeSeenProperty().get()).as("the notice is shown once").isTrue();

        waitUntil(this::proved);
        assertThat(proof().agrees()).as(proof().describeDisagreements()).isTrue();
        RealRunView view = window.realRunView();
        assertThat(view.isVisible()).isTrue();
        assertThat(view.summaryText()).startsWith("All " + proof().calls().size() + " calls agree with the kernel.")
                .contains("exited with 0");
        List<TableRow<?>> rows = rows(robot);
        assertThat(rows).isNotEmpty().noneMatch(r -> r.getStyleClass().contains(RealRunView.DISAGREES));
        assertThat(view.table().getItems()).extracting(KernelProof.CallComparison::call)
                .contains("socket", "bind", "listen", "accept");
        assertThat(robot.lookup(".real-run-table .table-cell").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText)).contains("agrees", "socket").doesNotContain("differs");

        // the second run asks nothing
        robot.type(KeyCode.F9);
        waitUntil(this::proved);
        assertThat(robot.lookup(".confirm-details").tryQuery()).isEmpty();
    }

    @Test
    void aLessonTheModelGetsWrongShowsTheMarkedRow(FxRobot robot) throws Exception {
        window.realRunNoticeSeenProperty().set(true);
        newLesson(robot, "udp");
        typeLesson(robot, KnownDisagreement.FIONREAD_UNKNOWN);
        robot.type(KeyCode.F9);
        waitUntil(this::proved);
        assertThat(window.realRunView().summaryText()).startsWith("1 of 10 calls differ from the kernel");
        // the table shows five rows at this size; the row that differs (the 8th) comes into sight by itself
        List<TableRow<?>> marked = rows(robot).stream()
                .filter(r -> r.getStyleClass().contains(RealRunView.DISAGREES)).toList();
        assertThat(marked).hasSize(1);
        KernelProof.CallComparison row = (KernelProof.CallComparison) marked.get(0).getItem();
        assertThat(row.line()).isEqualTo(KnownDisagreement.LINE);
        assertThat(row.call()).isEqualTo("ioctl");
        assertThat(row.model().describe()).isEqualTo("-1 ENOTTY");
        assertThat(row.kernel().describe()).isEqualTo("0");
        assertThat(marked.get(0).lookupAll(".table-cell").stream().map(n -> ((Labeled) n).getText()))
                .as("marked in words and with an icon, not by colour alone").contains("differs", "ioctl");
        assertThat(marked.get(0).lookupAll(".icon")).isNotEmpty();
    }

    @Test
    void stopKillsAProgramThatWaitsAndTheWindowStaysUsable(FxRobot robot) throws Exception {
        window.realRunNoticeSeenProperty().set(true);
        newLesson(robot, "tcp-server");
        typeLesson(robot, WAITS);
        robot.type(KeyCode.F9);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.realRun().isRunning()).isTrue();
        assertThat(window.realRunView().summaryText()).startsWith("Compiling tcp-server.c with gcc");
        robot.clickOn(".real-run-stop");
        assertThat(window.realRun().stateProperty().get()).isInstanceOf(RealRun.State.Stopped.class);
        assertThat(window.realRunView().summaryText()).startsWith("Stopped: tcp-server.c");
        robot.clickOn(".real-run-close");
        assertThat(window.realRunView().getScene()).as("Close puts the table away").isNull();
    }

    @Test
    void withoutStraceTheMenuItemIsDisabledAndSaysWhatIsMissing(FxRobot robot) {
        robot.interact(() -> window.missingToolsProperty().set(List.of("strace")));
        MenuItem item = ((MenuBar) robot.lookup(".menu-bar").query()).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(i -> "F9".equals(
                        i.getAccelerator() == null ? null : i.getAccelerator().getName()))
                .findFirst().orElseThrow();
        assertThat(item.isDisable()).isTrue();
        assertThat(item.getText()).isEqualTo("Run it for real (needs strace: not installed)");
        robot.interact(() -> window.messages().localeProperty().set(Locale.CHINESE));
        assertThat(item.getText()).isEqualTo("在真实内核上运行（需要 strace：未安装）");
    }

    @Test
    void theTableSpeaksChinese(FxRobot robot) throws Exception {
        window.realRunNoticeSeenProperty().set(true);
        robot.interact(() -> window.messages().localeProperty().set(Locale.CHINESE));
        newLesson(robot, "udp");
        typeLesson(robot, KnownDisagreement.FIONREAD_UNKNOWN);
        robot.type(KeyCode.F9);
        waitUntil(this::proved);
        assertThat(window.realRunView().summaryText()).startsWith("10 个调用中有 1 个与内核不同")
                .as("the ending is said in Chinese too").contains("程序以状态 0 退出（模型：以状态 0 退出）")
                .doesNotContain("exited");
        robot.interact(() -> window.realRunView().table().scrollTo(7));
        assertThat(window.realRunView().table().getColumns()).extracting(c -> c.getText())
                .containsExactly("行", "调用", "模型", "真实内核", "是否一致");
        assertThat(robot.lookup(".real-run-table .table-cell").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText)).contains("不同", "一致");
    }
}
