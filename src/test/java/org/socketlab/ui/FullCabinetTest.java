// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketlab.kernel.AddressFamily;
import org.socketlab.kernel.MachineSetup;
import org.socketlab.kernel.SocketType;
import org.socketlab.kernel.Syscall;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.LessonScript;
import org.socketlab.lesson.LocalizedText;
import org.socketlab.player.Picture;
import org.socketlab.player.Player;
import org.socketlab.ui.language.Messages;
import org.socketlab.ui.theme.Css;
import org.socketlab.ui.theme.Fonts;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A full cabinet (1,024 open descriptors) under headless Monocle: the window draws it with a
 * bounded number of nodes, and the drawer a step changed is in sight.
 */
@ExtendWith(ApplicationExtension.class)
class FullCabinetTest {
    /** Sockets 3 to 1023: every drawer of the default limit holds something. */
    private static final int SOCKETS = 1021;
    private static final Lesson FULL = fullCabinet();

    private Player player;

    private static Lesson fullCabinet() {
        LessonScript script = LessonScript.on(MachineSetup.DEFAULT);
        for (int i = 0; i < SOCKETS; i++) {
            script.call(i + 1, MachineSetup.DEFAULT.pid(),
                    new Syscall.Socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM, 0), LocalizedText.EMPTY);
        }
        return script.build("full", LocalizedText.of("full"), LocalizedText.EMPTY, List.of("socket()"));
    }

    @Start
    void start(Stage stage) {
        Fonts.load();
        player = new Player(FULL);
        player.setSpeed(Player.INSTANT);
        MainWindow window = new MainWindow(player, new Messages(Locale.ENGLISH),
                new MainWindow.Actions(w -> { }, () -> { }));
        Scene scene = new Scene(window.root(), 1280, 800);
        scene.getStylesheets().add(Css.STYLESHEET);
        window.attach(scene);
        stage.setScene(scene);
        stage.show();
    }

    private static int nodesUnder(Node node) {
        int count = 1;
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                count += nodesUnder(child);
            }
        }
        return count;
    }

    /** The drawers drawn wholly in sight, inside the cabinet's visible area, by number. */
    private static Set<Integer> drawersInSight(FxRobot robot) {
        Node cabinet = robot.lookup(".cabinet-grid").tryQuery().orElseGet(() -> robot.lookup(".cabinet").query());
        Bounds sight = cabinet.localToScene(cabinet.getLayoutBounds());
        return robot.lookup(".drawer").queryAll().stream()
                .filter(FullCabinetTest::shown)
                .filter(d -> sight.contains(d.localToScene(d.getLayoutBounds())))
                .map(d -> Integer.parseInt(((Label) ((Parent) d).getChildrenUnmodifiable().get(0)).getText()))
                .collect(Collectors.toSet());
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void moveTo(FxRobot robot, int index) {
        robot.interact(() -> player.jumpTo(index));
        WaitForAsyncUtils.waitForFxEvents(10);
    }

    @Test
    void theLastSocketLandsInDrawer1023WhichIsInSightAmongFewNodes(FxRobot robot) {
        moveTo(robot, FULL.size() - 1);

        Picture picture = Picture.of(FULL, player.getIndex());
        assertThat(picture.drawers()).hasSize(1024);
        assertThat(picture.drawers().get(1023).changed()).isTrue();
        assertThat(nodesUnder(robot.lookup(".cabinet").query())).isLessThan(500);
        assertThat(nodesUnder(robot.lookup(".window-root").query())).isLessThan(1500);
        assertThat(drawersInSight(robot)).contains(1023);
        Node drawer = robot.lookup(".drawer").queryAll().stream().filter(FullCabinetTest::shown)
                .filter(d -> d.getPseudoClassStates().contains(Css.CHANGED)).findFirst().orElseThrow();
        assertThat(((Label) ((Parent) drawer).getChildrenUnmodifiable().get(0)).getText()).isEqualTo("1023");
    }

    @Test
    void aStepThatChangesNoDrawerKeepsTheNextFreeOneInSight(FxRobot robot) {
        moveTo(robot, 1);
        assertThat(drawersInSight(robot)).contains(3);

        // Half-way, at the start of a socket() call: the lowest free drawer is where it will go.
        int index = FULL.size() / 2;
        while (Picture.of(FULL, index).drawers().stream().anyMatch(d -> d.changed())) {
            index++;
        }
        moveTo(robot, index);
        Picture picture = Picture.of(FULL, index);
        int free = picture.drawers().stream().filter(d -> d.isEmpty()).findFirst().orElseThrow().fd();
        assertThat(drawersInSight(robot)).contains(free);
    }

    @Test
    void theApplicationShowsAFewTicketsAndCountsTheRest(FxRobot robot) {
        moveTo(robot, FULL.size() - 1);

        assertThat(robot.lookup(".ticket").queryAll()).hasSize(Picture.MAX_TICKETS);
        assertThat(robot.lookup(".more-tickets").queryAs(Label.class).getText())
                .isEqualTo("+" + String.format(Locale.ENGLISH, "%,d", SOCKETS - Picture.MAX_TICKETS) + " lower numbers");
    }
}
