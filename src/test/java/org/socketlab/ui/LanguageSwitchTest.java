// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socketlab.kernel.Stage.ALLOCATE_MEMORY;
import static org.socketlab.kernel.Stage.INIT_CONTROL_BLOCK;

import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketlab.kernel.ControlBlock;
import org.socketlab.lesson.loading.BuiltInLessons;
import org.socketlab.player.Player;
import org.socketlab.ui.cabinet.ControlBlockView;
import org.socketlab.ui.language.Messages;
import org.socketlab.ui.narration.SummaryTableView;
import org.socketlab.ui.theme.Css;
import org.socketlab.ui.theme.Fonts;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * {@link Messages#localeProperty()} is the one switch for the window's language: changing it in
 * the middle of the lesson relabels everything and keeps the step.
 */
@ExtendWith(ApplicationExtension.class)
class LanguageSwitchTest {
    private final Messages chinese = new Messages(Locale.CHINESE);
    private Player player;
    private Messages messages;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        Fonts.load();
        player = new Player(BuiltInLessons.threeStages());
        player.setSpeed(Player.INSTANT);
        messages = new Messages(Locale.ENGLISH);
        window = new MainWindow(player, messages, new MainWindow.Actions(w -> { }, () -> { }));
        Scene scene = new Scene(window.root(), 1280, 800);
        scene.getStylesheets().add(Css.STYLESHEET);
        window.attach(scene);
        stage.setScene(scene);
        stage.show();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryLabeled().getText();
    }

    private static List<String> summaryHeaders(FxRobot robot) {
        return robot.lookup(".summary-header").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    private void switchTo(FxRobot robot, Locale language) {
        robot.interact(() -> messages.localeProperty().set(language));
    }

    @Test
    void switchingToChineseMidLessonRelabelsTheWindowAndKeepsTheStep(FxRobot robot) {
        robot.type(KeyCode.RIGHT, 2);
        assertThat(text(robot, "#step")).isEqualTo("Step");
        assertThat(text(robot, ".narration-text")).startsWith("Stage 2: fill in the form.");

        switchTo(robot, Locale.CHINESE);

        assertThat(player.getIndex()).as("the lesson stays on its step").isEqualTo(2);
        assertThat(text(robot, "#step")).isEqualTo("下一步");
        assertThat(text(robot, "#back")).isEqualTo("上一步");
        assertThat(text(robot, "#reset")).isEqualTo("重置");
        assertThat(text(robot, "#position")).isEqualTo("第 2 步，共 6 步");
        assertThat(text(robot, ".stage-chip")).isEqualTo("阶段 2/3：填写表格");
        assertThat(text(robot, ".narration-text"))
                .isEqualTo(chinese.narration(player.getCurrent().step().narration()))
                .startsWith("阶段 2：填写表格。");
        assertThat(text(robot, ".lesson-title")).isEqualTo("socket()：三个阶段");
        assertThat(text(robot, ".stack-card .actor-title")).isEqualTo("协议栈");

        assertThat(summaryHeaders(robot)).containsExactly("阶段", "谁来做", "做什么", "结果", "比喻");
        SummaryTableView summary = robot.lookup(".summary-table").queryAs(SummaryTableView.class);
        assertThat(summary.row(INIT_CONTROL_BLOCK).get(4).getText()).isEqualTo("填写表格");
        assertThat(summary.row(INIT_CONTROL_BLOCK).get(0).getPseudoClassStates()).contains(Css.CURRENT);
        assertThat(summary.row(ALLOCATE_MEMORY).get(0).getPseudoClassStates()).contains(Css.DONE);

        // The form is still the filled-in one of step 2, now in Chinese.
        ControlBlockView form = robot.lookup(".control-block").queryAs(ControlBlockView.class);
        assertThat(form.value(ControlBlock.Field.SOCKET_STATE).getText()).isEqualTo("SS_UNCONNECTED");
        assertThat(form.value(ControlBlock.Field.LOCAL).getText()).isEqualTo("0.0.0.0:0（未绑定）");
        assertThat(form.value(ControlBlock.Field.TCP_STATE).getPseudoClassStates()).contains(Css.CHANGED);
        assertThat(robot.lookup(".workbench .socket-box .form-value").queryAllAs(Label.class))
                .extracting(Label::getText).containsExactly("未连接", "无", "空");
        assertThat(window.root().getPseudoClassStates()).contains(Css.CJK);
    }

    @Test
    void theLessonGoesOnInChineseAndSwitchesBackToEnglish(FxRobot robot) {
        robot.type(KeyCode.RIGHT, 2);
        switchTo(robot, Locale.CHINESE);

        robot.type(KeyCode.RIGHT);

        assertThat(player.getIndex()).isEqualTo(3);
        assertThat(text(robot, ".call-result")).isEqualTo("socket() 返回 3");
        assertThat(text(robot, ".ticket")).isEqualTo("3");
        assertThat(text(robot, ".stage-chip")).isEqualTo("阶段 3/3：一张存衣牌");

        switchTo(robot, Locale.ENGLISH);

        assertThat(player.getIndex()).isEqualTo(3);
        assertThat(text(robot, "#step")).isEqualTo("Step");
        assertThat(text(robot, "#position")).isEqualTo("Step 3 of 6");
        assertThat(text(robot, ".call-result")).isEqualTo("socket() returned 3");
        assertThat(summaryHeaders(robot)).containsExactly("Step", "Who", "Action", "Result", "Metaphor");
        assertThat(window.root().getPseudoClassStates()).doesNotContain(Css.CJK);
    }
}
