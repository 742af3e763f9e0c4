// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.socketlab.lesson.Lesson;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A strace log of a megabyte or more, opened from File › Open recent and reloaded with F5: the
 * window shows a progress bar at once and waits for nothing (the log loads on the loader's thread,
 * which the test runs when it chooses), the bar moves while the log is read and replayed, and the
 * replay opens when it is done — or, when the file has gone bad, the reason with its line and
 * column, the replay staying at its step.
 */
@ExtendWith(ApplicationExtension.class)
class BigLogWindowTest {
    /** A round: two sockets, both closed, and a long write to standard output (the log's bulk, cheap to replay). */
    private static final String ROUND = "socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 3\n"
            + "socket(AF_INET6, SOCK_DGRAM, IPPROTO_UDP) = 4\n"
            + "close(3) = 0\n"
            + "close(4) = 0\n"
            + "write(1, \"" + "x".repeat(1000) + "\", 1000) = 1000\n";

    @TempDir
    Path folder;
    private OpeningWindow app;
    /** What the window gave its loader's thread, not yet run. */
    private final List<Runnable> loads = new ArrayList<>();

    @Start
    void start(Stage stage) {
        app = OpeningWindow.show(stage, "test-big-log", loads::add);
    }

    @AfterEach
    void removeNode() throws BackingStoreException {
        app.forget();
    }

    /** A log just over the size the window loads behind a progress bar (about 4,500 lines), its first line {@code first}. */
    private Path bigLog(String first) throws IOException {
        StringBuilder log = new StringBuilder(first).append("\nclose(3) = 0\n");
        while (log.length() <= LessonOpening.BIG_LOG_BYTES) {
            log.append(ROUND);
        }
        log.append("exit_group(0) = ?\n+++ exited with 0 +++\n");
        return Files.writeString(folder.resolve("churn.strace"), log, StandardCharsets.UTF_8);
    }

    /** Runs what the loader was given, off the JavaFX thread, and lets the window take the outcome. */
    private void runTheLoads() {
        List<Runnable> now = List.copyOf(loads);
        loads.clear();
        now.forEach(Runnable::run);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<Double> progressSeen(FxRobot robot) {
        List<Double> seen = new ArrayList<>();
        ProgressBar bar = robot.lookup(".loading-progress").queryAs(ProgressBar.class);
        robot.interact(() -> bar.progressProperty().addListener((o, was, now) -> seen.add(now.doubleValue())));
        return seen;
    }

    private void openFromTheRecentFiles(FxRobot robot, Path log) {
        robot.interact(() -> app.recent().add(log));
        robot.clickOn("File").clickOn("Open recent").clickOn(log.getFileName().toString());
    }

    @Test
    void aBigLogOpenedFromTheRecentFilesLoadsBehindAMovingProgressBarAndOpensTheReplay(FxRobot robot)
            throws IOException {
        Path log = bigLog("socket(AF_UNIX, SOCK_STREAM, 0) = 3");
        robot.interact(() -> app.player().jumpTo(2));
        Lesson before = app.player().getLesson();

        openFromTheRecentFiles(robot, log);

        DialogPane loading = robot.lookup(".loading-dialog").queryAs(DialogPane.class);
        assertThat(loading.getHeaderText()).isEqualTo("Opening churn.strace");
        assertThat(app.player().getLesson()).as("the window did not wait for the log").isSameAs(before);
        assertThat(app.player().getIndex()).isEqualTo(2);
        List<Double> progress = progressSeen(robot);

        runTheLoads();

        assertThat(progress).as("the bar moved while the log was read and replayed").anyMatch(p -> p > 0 && p < 1);
        assertThat(robot.lookup(".loading-dialog").tryQuery()).isEmpty();
        assertThat(app.player().getLesson().code()).hasSizeGreaterThan(4_000)
                .startsWith("socket(AF_UNIX, SOCK_STREAM, 0) = 3");
        assertThat(app.player().getIndex()).isZero();
        assertThat(robot.lookup(".replay-badge").queryButton().getText())
                .isEqualTo("Model vs kernel: no mismatches, no warnings");
    }

    @Test
    void f5ReloadsABigLogBehindAProgressBarAtTheSameStep(FxRobot robot) throws IOException {
        Path log = bigLog("socket(AF_UNIX, SOCK_STREAM, 0) = 3");
        robot.interact(() -> app.opening().open(app.window(), log));
        runTheLoads();
        robot.interact(() -> app.player().jumpTo(7));
        Lesson opened = app.player().getLesson();
        bigLog("socket(AF_UNIX, SOCK_DGRAM, 0) = 3");

        robot.type(KeyCode.F5);

        DialogPane loading = robot.lookup(".loading-dialog").queryAs(DialogPane.class);
        assertThat(loading.getHeaderText()).isEqualTo("Reloading churn.strace");
        assertThat(app.player().getLesson()).as("the window did not wait for the log").isSameAs(opened);
        List<Double> progress = progressSeen(robot);

        runTheLoads();

        assertThat(progress).anyMatch(p -> p > 0 && p < 1);
        assertThat(robot.lookup(".loading-dialog").tryQuery()).isEmpty();
        assertThat(app.player().getLesson()).isNotSameAs(opened);
        assertThat(app.player().getLesson().code().get(0)).isEqualTo("socket(AF_UNIX, SOCK_DGRAM, 0) = 3");
        assertThat(app.player().getIndex()).as("the same step").isEqualTo(7);
    }

    @Test
    void aBigLogThatWentBadIsExplainedWithItsLineAndColumnAndTheReplayStaysAtItsStep(FxRobot robot)
            throws IOException {
        Path log = bigLog("socket(AF_UNIX, SOCK_STREAM, 0) = 3");
        robot.interact(() -> app.opening().open(app.window(), log));
        runTheLoads();
        robot.interact(() -> app.player().jumpTo(5));
        Lesson opened = app.player().getLesson();
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        lines.set(4_000, "close(3\0) = 0");
        Files.write(log, lines);

        robot.type(KeyCode.F5);
        runTheLoads();

        DialogPane problem = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(problem.getHeaderText()).isEqualTo("Could not reload churn.strace; the lesson stays as it was");
        assertThat(problem.getContentText()).contains("churn.strace").contains("line 4001, column 8");
        assertThat(app.player().getLesson()).isSameAs(opened);
        assertThat(app.player().getIndex()).isEqualTo(5);
        robot.interact(() -> problem.getScene().getWindow().hide());
    }
}
