// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socketlab.kernel.Stage.ALLOCATE_MEMORY;
import static org.socketlab.kernel.Stage.INIT_CONTROL_BLOCK;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketlab.kernel.ControlBlock;
import org.socketlab.player.Player;
import org.socketlab.ui.cabinet.ControlBlockView;
import org.socketlab.ui.narration.SummaryTableView;
import org.socketlab.ui.theme.Css;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window under headless Monocle: keys, buttons and what it shows. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private Player player;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        player = TestWindow.threeStages();
        window = TestWindow.show(stage, player, Locale.ENGLISH);
    }

    private static Button button(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryButton();
    }

    private static Set<String> ticketsInHand(FxRobot robot) {
        return robot.lookup(".ticket").queryAllAs(Label.class).stream().map(Label::getText)
                .collect(Collectors.toSet());
    }

    private static Node drawer(FxRobot robot, int fd) {
        return robot.lookup(".drawer").queryAll().stream()
                .filter(d -> ((Label) ((Pane) d).getChildren().get(0)).getText().equals(Integer.toString(fd)))
                .findFirst().orElseThrow();
    }

    @Test
    void atTheStartBackAndResetAreDisabledAndNoTicketIsHeld(FxRobot robot) {
        assertThat(button(robot, "back").isDisabled()).isTrue();
        assertThat(button(robot, "reset").isDisabled()).isTrue();
        assertThat(button(robot, "step").isDisabled()).isFalse();
        assertThat(robot.lookup("#position").queryAs(Label.class).getText()).isEqualTo("Step 0 of 6");
        assertThat(ticketsInHand(robot)).isEmpty();
        assertThat(drawer(robot, 3).getStyleClass()).doesNotContain("drawer-socket");
    }

    @Test
    void threeRightPressesIssueTicketThree(FxRobot robot) {
        robot.type(KeyCode.RIGHT, 3);

        assertThat(player.getIndex()).isEqualTo(3);
        assertThat(ticketsInHand(robot)).containsExactly("3");
        assertThat(drawer(robot, 3).getStyleClass()).contains("drawer-socket");
        assertThat(robot.lookup(".call-result").queryAs(Label.class).getText()).isEqualTo("socket() returned 3");
        assertThat(button(robot, "back").isDisabled()).isFalse();
    }

    @Test
    void clickingStepFillsInTheFormAndLightsTheSecondSummaryRow(FxRobot robot) {
        robot.clickOn("#step");
        robot.clickOn("#step");

        ControlBlockView form = robot.lookup(".control-block").queryAs(ControlBlockView.class);
        assertThat(form.value(ControlBlock.Field.SOCKET_STATE).getText()).isEqualTo("SS_UNCONNECTED");
        assertThat(form.value(ControlBlock.Field.TCP_STATE).getText()).isEqualTo("TCP_CLOSE");
        assertThat(form.value(ControlBlock.Field.SEND_BUFFER).getText()).isEqualTo("16,384 B");
        assertThat(form.value(ControlBlock.Field.TCP_STATE).getPseudoClassStates()).contains(Css.CHANGED);
        SummaryTableView summary = robot.lookup(".summary-table").queryAs(SummaryTableView.class);
        assertThat(summary.row(INIT_CONTROL_BLOCK).get(0).getPseudoClassStates()).contains(Css.CURRENT);
        assertThat(summary.row(ALLOCATE_MEMORY).get(0).getPseudoClassStates()).contains(Css.DONE);
    }

    @Test
    void spaceStepsEvenWhenAButtonHasFocus(FxRobot robot) {
        robot.type(KeyCode.RIGHT, 2);
        robot.interact(() -> button(robot, "back").requestFocus());

        robot.type(KeyCode.SPACE);

        assertThat(player.getIndex()).as("Space stepped forward instead of pressing Back").isEqualTo(3);
    }

    @Test
    void pageKeysAndHomeDriveThePlayerLikeAClicker(FxRobot robot) {
        robot.type(KeyCode.PAGE_DOWN, 5);
        assertThat(player.getIndex()).isEqualTo(5);
        robot.type(KeyCode.PAGE_UP);
        robot.type(KeyCode.LEFT);
        assertThat(player.getIndex()).isEqualTo(3);
        robot.type(KeyCode.HOME);
        assertThat(player.getIndex()).isZero();
        assertThat(ticketsInHand(robot)).isEmpty();
        robot.type(KeyCode.END);
        assertThat(ticketsInHand(robot)).containsExactlyInAnyOrder("3", "4");
    }

    @Test
    void backDrawsTheEarlierPictureDirectly(FxRobot robot) {
        robot.type(KeyCode.RIGHT, 4);
        robot.interact(() -> player.setSpeed(1));

        robot.type(KeyCode.LEFT);

        assertThat(player.isAnimating()).isFalse();
        assertThat(robot.lookup(".diagram-overlay").queryAs(Pane.class).getChildren()).isEmpty();
        assertThat(ticketsInHand(robot)).containsExactly("3");
        assertThat(robot.lookup(".workbench .socket-box").tryQuery()).isEmpty();
    }

    @Test
    void aStepDuringARunningAnimationFinishesItFirst(FxRobot robot) {
        robot.type(KeyCode.RIGHT, 2);
        // A million times slower than normal: the animation cannot end before the next key, however
        // slow the machine (a real speed, such as the slowest choice, only makes that likely).
        robot.interact(() -> player.setSpeed(1e-6));

        robot.type(KeyCode.RIGHT);
        Pane overlay = robot.lookup(".diagram-overlay").queryAs(Pane.class);
        assertThat(player.isAnimating()).isTrue();
        assertThat(overlay.getChildren()).as("the box is on its way to drawer 3").isNotEmpty();
        Node boxInDrawer = ((Pane) drawer(robot, 3)).getChildren().get(1);
        assertThat(boxInDrawer.getOpacity()).as("the box has not arrived yet").isZero();

        robot.type(KeyCode.RIGHT);

        assertThat(player.getIndex()).isEqualTo(4);
        assertThat(overlay.getChildren()).as("no ghost of the finished animation is left").isEmpty();
        assertThat(((Pane) drawer(robot, 3)).getChildren().get(1).getOpacity()).isEqualTo(1.0);
        assertThat(ticketsInHand(robot)).containsExactly("3");
        robot.interact(() -> window.director().finishRunning());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(player.isAnimating()).isFalse();
    }
}
