// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketlab.lesson.loading.BuiltInLessons;
import org.socketlab.player.Player;
import org.socketlab.ui.language.Messages;
import org.socketlab.ui.theme.Css;
import org.socketlab.ui.theme.Fonts;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Tooltips are made when the mouse first comes by, and say what they said before: the player
 * buttons their keys, a drawer what it holds, in the window's language.
 */
@ExtendWith(ApplicationExtension.class)
class HoverTipsTest {
    /** Where Tooltip.install keeps a node's tooltip. */
    private static final String TOOLTIP = "javafx.scene.control.Tooltip";

    private final Messages messages = new Messages(Locale.ENGLISH);
    private Player player;

    @Start
    void start(Stage stage) {
        Fonts.load();
        player = new Player(BuiltInLessons.threeStages());
        player.setSpeed(Player.INSTANT);
        MainWindow window = new MainWindow(player, messages, new MainWindow.Actions(w -> { }, () -> { }));
        Scene scene = new Scene(window.root(), 1280, 800);
        scene.getStylesheets().add(Css.STYLESHEET);
        window.attach(scene);
        stage.setScene(scene);
        stage.show();
    }

    private static String tipOf(Node node) {
        Object tip = node.getProperties().get(TOOLTIP);
        return tip instanceof Tooltip t ? t.getText() : null;
    }

    private static Node drawer(FxRobot robot, int fd) {
        return robot.lookup(".drawer").queryAll().stream()
                .filter(d -> ((Label) ((Parent) d).getChildrenUnmodifiable().get(0)).getText().equals(Integer.toString(fd)))
                .findFirst().orElseThrow();
    }

    @Test
    void noTooltipIsMadeBeforeTheMouseComesBy(FxRobot robot) {
        assertThat(tipOf(robot.lookup("#step").query())).isNull();
        assertThat(tipOf(drawer(robot, 3))).isNull();
    }

    @Test
    void theStepButtonNamesItsKeys(FxRobot robot) {
        robot.moveTo("#step");

        assertThat(tipOf(robot.lookup("#step").query())).isEqualTo("Next step (Right, Space, Page Down)");
    }

    @Test
    void aDrawerSaysWhatItHoldsNowInTheWindowsLanguage(FxRobot robot) {
        robot.moveTo(drawer(robot, 3));
        assertThat(tipOf(drawer(robot, 3))).isEqualTo("Drawer 3 is free");

        robot.moveTo("#step");
        robot.interact(() -> {
            player.jumpTo(player.getCount() - 1);
            messages.localeProperty().set(Locale.CHINESE);
        });
        robot.moveTo(drawer(robot, 3));

        assertThat(tipOf(drawer(robot, 3))).startsWith("3 号抽屉：");
    }
}
