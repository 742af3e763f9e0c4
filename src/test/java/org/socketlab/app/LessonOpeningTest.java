// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.prefs.BackingStoreException;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.loading.BuiltInLessons;
import org.socketlab.ui.language.Messages;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import picocli.CommandLine;

/** Opening lesson files in the window and from the command line; bad files disturb nothing. */
@ExtendWith(ApplicationExtension.class)
class LessonOpeningTest {
    private static final String TABS = """
            // title: 三个标签页 | Three browser tabs
            // limit: 8
            int a = socket(AF_INET, SOCK_STREAM, 0);   // say: 第一个 | the first tab
            int b = socket(AF_INET, SOCK_STREAM, 0);
            close(a);
            int c = socket(AF_INET, SOCK_DGRAM, 0);
            """;

    @TempDir
    Path folder;
    private OpeningWindow app;

    @Start
    void start(Stage stage) {
        app = OpeningWindow.show(stage, "test-open");
    }

    @AfterEach
    void removeNode() throws BackingStoreException {
        app.forget();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void aLessonFileOpensAtItsStartAndJoinsTheRecentFiles(FxRobot robot) throws IOException {
        Path file = write("three-tabs.c", TABS);

        robot.interact(() -> app.opening().open(app.window(), file));

        assertThat(app.player().getLesson().id()).isEqualTo("three-tabs");
        assertThat(app.player().getIndex()).isZero();
        assertThat(app.player().getLesson().code()).anyMatch(line -> line.contains("close(a);"));
        assertThat(app.recent().files()).containsExactly(file.toAbsolutePath().normalize());
    }

    @Test
    void aMalformedFileIsExplainedWithItsPositionAndTheOpenLessonStaysAtItsStep(FxRobot robot) throws IOException {
        Lesson before = app.player().getLesson();
        robot.interact(() -> app.player().jumpTo(3));
        Path bad = write("typo.c", "int a = sockt(AF_INET, SOCK_STREAM, 0);\n");

        robot.interact(() -> app.opening().open(app.window(), bad));

        assertThat(app.player().getLesson()).isSameAs(before);
        assertThat(app.player().getIndex()).isEqualTo(3);
        assertThat(app.recent().files()).isEmpty();
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("Could not open typo.c");
        String details = robot.lookup(".problem-details").queryAs(TextArea.class).getText();
        assertThat(details).contains("typo.c:1:9:").contains("sockt").contains("did you mean 'socket'?");
        robot.interact(() -> dialog.getScene().getWindow().hide());
    }

    @Test
    void aShortLessonOpenedFarIntoALongOneStartsAtItsFirstStep(FxRobot robot) throws Exception {
        Path log = Path.of(LessonOpeningTest.class.getResource("/traces/curl.strace").toURI());
        robot.interact(() -> app.opening().open(app.window(), log));
        robot.interact(() -> app.player().jumpTo(app.player().getCount() - 1));
        Path file = write("three-tabs.c", TABS);

        robot.interact(() -> app.opening().open(app.window(), file));

        assertThat(app.player().getLesson().id()).isEqualTo("three-tabs");
        assertThat(app.player().getIndex()).as("the new lesson starts at its start").isZero();
        assertThat(robot.lookup(".position").queryAs(Label.class).getText())
                .startsWith("Step 0 of ");
        Slider slider = robot.lookup("#step-slider").queryAs(Slider.class);
        robot.interact(() -> slider.setValue(3));
        assertThat(app.player().getIndex()).as("dragging the slider still moves the lesson").isEqualTo(3);
    }

    @Test
    void f5ReloadsAnEditedFileAtTheSameStep(FxRobot robot) throws IOException {
        Path file = write("three-tabs.c", TABS);
        robot.interact(() -> app.opening().open(app.window(), file));
        robot.interact(() -> app.player().jumpTo(4));
        write("three-tabs.c", TABS.replace("// say: 第一个 | the first tab", "// say: 第一 | tab one"));

        robot.type(KeyCode.F5);

        assertThat(app.player().getIndex()).isEqualTo(4);
        assertThat(app.player().getLesson().frame(1).say().en()).isEqualTo("tab one");
        assertThat(app.window().presentingProperty().get()).as("F5 reloaded, it did not start presenting").isFalse();
    }

    @Test
    void aStraceLogReplaysWithTheModelBesideTheKernel(FxRobot robot) throws Exception {
        Path log = Path.of(LessonOpeningTest.class.getResource("/traces/lifecycle.strace").toURI());

        robot.interact(() -> app.opening().open(app.window(), log));

        assertThat(app.player().getLesson().code()).contains("accept(3, NULL, NULL) = 5");
        assertThat(robot.lookup(".replay-badge").queryButton().getText())
                .isEqualTo("Model vs kernel: no mismatches, 2 warnings");
        int accepted = -1;
        for (int i = 0; i < app.player().getCount(); i++) {
            var frame = app.player().getLesson().frame(i);
            if (frame.check() != null && frame.step().outcome().isReturned()
                    && "accept".equals(frame.step().call().name())) {
                accepted = i;
            }
        }
        int frame = accepted;
        robot.interact(() -> app.player().jumpTo(frame));
        assertThat(robot.lookup(".kernel-check").queryAs(Label.class).getText())
                .isEqualTo("The model predicted 5; the kernel returned 5. They agree.");
        robot.interact(() -> app.player().load(BuiltInLessons.threeStages(), 0));
        assertThat(robot.lookup(".replay-badge").queryButton().isVisible()).as("another lesson hides it").isFalse();
    }

    @Test
    void aBigLogLoadsBehindAProgressBarAndOpensWhenItIsDone(FxRobot robot) throws Exception {
        Path log = Path.of(LessonOpeningTest.class.getResource("/traces/curl.strace").toURI());
        List<Runnable> loads = new ArrayList<>();
        LessonOpening opening = new LessonOpening(app.player(), new Messages(Locale.ENGLISH), app.recent(), 0,
                loads::add);
        Lesson before = app.player().getLesson();

        robot.interact(() -> opening.open(app.window(), log));

        DialogPane loading = robot.lookup(".loading-dialog").queryAs(DialogPane.class);
        assertThat(loading.getHeaderText()).isEqualTo("Opening curl.strace");
        assertThat(robot.lookup(".loading-progress").tryQuery()).isPresent();
        assertThat(app.player().getLesson()).as("the open lesson stays while the log loads").isSameAs(before);

        loads.forEach(Runnable::run);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup(".loading-dialog").tryQuery()).isEmpty();
        assertThat(app.player().getLesson().code()).anyMatch(line -> line.contains("connect("));
        assertThat(robot.lookup(".replay-badge").queryButton().isVisible()).isTrue();
        assertThat(app.recent().files()).containsExactly(log.toAbsolutePath().normalize());
    }

    @Test
    void cancellingABigLogKeepsTheOpenLessonAtItsStep(FxRobot robot) throws Exception {
        Path log = Path.of(LessonOpeningTest.class.getResource("/traces/curl.strace").toURI());
        List<Runnable> loads = new ArrayList<>();
        LessonOpening opening = new LessonOpening(app.player(), new Messages(Locale.ENGLISH), app.recent(), 0,
                loads::add);
        Lesson before = app.player().getLesson();
        robot.interact(() -> app.player().jumpTo(3));
        robot.interact(() -> opening.open(app.window(), log));

        robot.clickOn(robot.lookup(".loading-dialog .button").queryButton());
        loads.forEach(Runnable::run);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup(".loading-dialog").tryQuery()).isEmpty();
        assertThat(robot.lookup(".dialog-pane").tryQuery()).as("no problem to explain").isEmpty();
        assertThat(app.player().getLesson()).isSameAs(before);
        assertThat(app.player().getIndex()).isEqualTo(3);
        assertThat(app.recent().files()).isEmpty();
    }

    @Test
    void aBinaryFileIsNotAStraceLogAndChangesNothing(FxRobot robot) throws IOException {
        Lesson before = app.player().getLesson();
        Path binary = Files.write(folder.resolve("a.out"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1, 2});

        robot.interact(() -> app.opening().open(app.window(), binary));

        assertThat(app.player().getLesson()).isSameAs(before);
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("Could not open a.out");
        assertThat(dialog.getContentText()).contains("a.out").contains("not a strace log");
        robot.interact(() -> dialog.getScene().getWindow().hide());
    }

    @Test
    void theCommandLineRefusesAMalformedFileWithItsPositionAndExitCodeTwo() throws IOException {
        Path bad = write("typo.c", "int a = sockt(AF_INET, SOCK_STREAM, 0);\n");
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new SocketLabCommand()).setErr(new PrintWriter(err));

        int exit = command.execute(bad.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("typo.c:1:9:").contains("did you mean 'socket'?");
    }

    @Test
    void theCommandLineRefusesALogThatIsNotAStraceLogBeforeAnyWindowOpens() throws IOException {
        Path notes = write("notes.strace", "Dear diary,\ntoday I opened a socket.\n");

        CommandRun run = CommandRun.of(notes.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("notes.strace is not a strace log");
    }

    @Test
    void theCommandLineSaysSoWhenTheFileIsMissing() {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new SocketLabCommand()).setErr(new PrintWriter(err))
                .execute(folder.resolve("nothing.c").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("nothing.c: no such file");
    }
}
