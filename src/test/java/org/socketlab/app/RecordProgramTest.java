// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File › Record a program…: a command line runs under strace and opens as a replay; a program that
 * cannot start is refused with a message, and Stop kills one that runs on.
 */
@ExtendWith(ApplicationExtension.class)
class RecordProgramTest {
    private static final String TWO_SOCKETS = """
            #include <sys/socket.h>
            #include <unistd.h>
            int main(void) {
                int a = socket(AF_INET, SOCK_STREAM, 0);
                int b = socket(AF_INET, SOCK_DGRAM, 0);
                close(a);
                close(b);
                return 0;
            }
            """;

    @TempDir
    Path folder;
    private OpeningWindow app;

    @Start
    void start(Stage stage) {
        app = OpeningWindow.show(stage, "test-record");
    }

    @AfterEach
    void removeNode() throws BackingStoreException {
        app.forget();
    }

    private static Node shown(FxRobot robot, String text) {
        return robot.lookup((Node n) -> n instanceof Labeled l && text.equals(l.getText()) && n.getScene() != null
                && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing() && n.isVisible())
                .query();
    }

    private Path compiled(String name, String source) throws Exception {
        Path c = Files.writeString(folder.resolve(name + ".c"), source);
        Process gcc = new ProcessBuilder("gcc", "-o", folder.resolve(name).toString(), c.toString())
                .redirectErrorStream(true).start();
        assertThat(gcc.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(gcc.exitValue()).as(new String(gcc.getInputStream().readAllBytes())).isZero();
        return folder.resolve(name);
    }

    private void record(FxRobot robot, String commandLine) {
        app.window().keepRecordingsIn(folder.resolve("recordings"));
        Platform.runLater(app.window()::recordProgram);
        WaitForAsyncUtils.waitForFxEvents();
        TextField command = robot.lookup(".record-command").queryAs(TextField.class);
        TextField where = robot.lookup(".record-folder").queryAs(TextField.class);
        robot.interact(() -> {
            command.setText(commandLine);
            where.setText(folder.toString());
        });
        robot.clickOn(shown(robot, "Record"));
    }

    @Test
    void aProgramIsRecordedAndOpensAsAReplay(FxRobot robot) throws Exception {
        compiled("two", TWO_SOCKETS);
        record(robot, "./two");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !app.window().isRecording()
                && app.player().getLesson().code().stream().anyMatch(l -> l.contains("SOCK_DGRAM")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".replay-badge").queryButton().isVisible()).isTrue();
        try (var logs = Files.list(folder.resolve("recordings"))) {
            List<Path> all = logs.toList();
            assertThat(all).hasSize(1);
            assertThat(all.get(0).getFileName().toString()).startsWith("two-").endsWith(".strace");
            assertThat(Files.readString(all.get(0))).contains("execve(\"./two\"").contains("socket(AF_INET, SOCK_DGRAM");
        }
    }

    @Test
    void aProgramThatDoesNotExistIsRefusedAndTheLessonStays(FxRobot robot) {
        var before = app.player().getLesson();
        record(robot, "./no-such-program --flag");
        assertThat(robot.lookup(".dialog-pane .content").queryAs(Labeled.class).getText())
                .isEqualTo("./no-such-program: no such program (or it is not executable)");
        robot.clickOn(shown(robot, "OK"));
        assertThat(app.player().getLesson()).isSameAs(before);
        assertThat(app.window().isRecording()).isFalse();
    }

    @Test
    void stopKillsAProgramThatRunsOn(FxRobot robot) throws Exception {
        record(robot, "sleep 600");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.window().isRecording()).isTrue();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ProcessHandle.current().descendants()
                .anyMatch(p -> p.info().commandLine().orElse("").contains("sleep 600")));
        robot.clickOn(shown(robot, "Stop"));
        assertThat(app.window().isRecording()).isFalse();
        // the program and strace die with their process group
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ProcessHandle.current().descendants()
                .noneMatch(p -> p.info().commandLine().orElse("").contains("sleep 600")));
        assertThat(robot.lookup(".working-dialog").tryQuery()).isEmpty();
    }
}
