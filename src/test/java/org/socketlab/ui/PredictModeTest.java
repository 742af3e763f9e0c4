// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.source.LessonCompiler;
import org.socketlab.lesson.source.LessonParser;
import org.socketlab.lesson.source.LessonSource;
import org.socketlab.player.Player;
import org.socketlab.player.PredictQuestion;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Predict mode in the window: Ctrl+P, the question before the ticket, answering with keys, the score. */
@ExtendWith(ApplicationExtension.class)
class PredictModeTest {
    private Player player;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        player = TestWindow.threeStages();
        window = TestWindow.show(stage, player, Locale.ENGLISH);
    }

    @Test
    void theClassPredictsTheTicketBeforeItIsShownAndTheScoreCounts(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        robot.type(KeyCode.RIGHT, 3);

        assertThat(player.getIndex()).as("stopped before the ticket").isEqualTo(2);
        assertThat(robot.lookup(".predict-card").query().isVisible()).isTrue();
        assertThat(robot.lookup(".predict-question").queryAs(Label.class).getText())
                .isEqualTo("Which descriptor will socket() return?");
        PredictQuestion question = window.predict().askingProperty().get().prediction();

        robot.type(KeyCode.getKeyCode(Integer.toString(question.answer() + 1)));

        assertThat(robot.lookup(".predict-verdict").queryAs(Label.class).getText()).isEqualTo("Right!");
        assertThat(robot.lookup(".score").queryAs(Label.class).getText()).isEqualTo("Score 1 of 1");
        robot.type(KeyCode.RIGHT);
        assertThat(player.getIndex()).isEqualTo(3);
        assertThat(robot.lookup(".predict-card").query().isVisible()).isFalse();
        assertThat(robot.lookup(".ticket").queryAs(Label.class).getText()).isEqualTo("3");
    }

    @Test
    void ctrlPWithAnOpenQuestionTurnsPredictModeOffAndRightStepsOnAtOnce(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        robot.type(KeyCode.RIGHT, 3);
        assertThat(robot.lookup(".predict-card").query().isVisible()).as("the question is open").isTrue();
        assertThat(robot.lookup(".score").query().isVisible()).isTrue();

        robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);

        assertThat(robot.lookup(".predict-card").query().isVisible()).as("predict mode off: no question").isFalse();
        assertThat(robot.lookup(".score").query().isVisible()).isFalse();
        assertThat(predictItem(robot).isSelected()).isFalse();
        robot.type(KeyCode.RIGHT);
        assertThat(player.getIndex()).as("Right steps on, no Esc needed").isEqualTo(3);
        assertThat(robot.lookup(".ticket").queryAs(Label.class).getText()).isEqualTo("3");

        robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        assertThat(predictItem(robot).isSelected()).isTrue();
        assertThat(robot.lookup(".score").query().isVisible()).isTrue();
    }

    private static CheckMenuItem predictItem(FxRobot robot) {
        return robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream())
                .filter(i -> i instanceof CheckMenuItem && "Predict mode".equals(i.getText()))
                .map(CheckMenuItem.class::cast).findFirst().orElseThrow();
    }

    @Test
    void aLessonFileWithPredictYesTurnsPredictModeOnWhenItOpens(FxRobot robot) throws Exception {
        String text = "// title: 猜一猜 | Guess\n// predict: yes\nint fd = socket(AF_INET, SOCK_STREAM, 0);\n";
        LessonSource source = LessonParser.parse("quiz.c",
                text.getBytes(StandardCharsets.UTF_8));
        Lesson quiz = LessonCompiler.compile(source);
        assertThat(window.predict().enabledProperty().get()).isFalse();

        robot.interact(() -> player.load(quiz, 0));

        assertThat(window.predict().enabledProperty().get()).isTrue();
        robot.type(KeyCode.RIGHT, 3);
        assertThat(robot.lookup(".predict-card").query().isVisible()).as("asked before the ticket").isTrue();
    }

    @Test
    void clickingAWrongChoiceShowsTheRightAnswerAndBackDropsAnOpenQuestion(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        robot.type(KeyCode.RIGHT, 3);
        PredictQuestion question = window.predict().askingProperty().get().prediction();
        int wrong = (question.answer() + 1) % question.choices().size();

        robot.clickOn(robot.lookup(".predict-choice").queryAllAs(Button.class).toArray(new Button[0])[wrong]);

        assertThat(robot.lookup(".predict-verdict").queryAs(Label.class).getText())
                .isEqualTo("Not quite: it is " + question.correctChoice() + ".");
        assertThat(robot.lookup(".score").queryAs(Label.class).getText()).isEqualTo("Score 0 of 1");

        robot.type(KeyCode.RIGHT, KeyCode.RIGHT);
        robot.type(KeyCode.RIGHT, 2);
        assertThat(window.predict().askingProperty().get()).as("the second ticket is asked about").isNotNull();
        robot.type(KeyCode.LEFT);
        assertThat(window.predict().askingProperty().get()).isNull();
        assertThat(robot.lookup(".predict-card").query().isVisible()).isFalse();
    }
}
