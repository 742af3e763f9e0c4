// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketlab.lesson.loading.BuiltInLesson;
import org.socketlab.lesson.loading.BuiltInLessons;
import org.socketlab.player.Player;
import org.socketlab.ui.language.Messages;
import org.socketlab.ui.theme.Css;
import org.socketlab.ui.theme.Fonts;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every frame of every built-in lesson, in English and in Chinese, fits the compact 1280x800
 * window: the lesson's narration never pushes the step controls out of sight.
 */
@ExtendWith(ApplicationExtension.class)
class BuiltInLessonsLayoutTest {
    private static final double HEIGHT = 800;
    private Player player;
    private Messages messages;

    @Start
    void start(Stage stage) {
        Fonts.load();
        player = new Player(BuiltInLessons.threeStages());
        player.setSpeed(Player.INSTANT);
        messages = new Messages(Locale.ENGLISH);
        MainWindow window = new MainWindow(player, messages, new MainWindow.Actions(w -> { }, () -> { }));
        Scene scene = new Scene(window.root(), 1280, HEIGHT);
        scene.getStylesheets().add(Css.STYLESHEET);
        window.attach(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void everyFrameKeepsTheControlsInTheWindow(FxRobot robot) {
        Node step = robot.lookup("#step").query();
        List<String> overflowing = new ArrayList<>();
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            robot.interact(() -> messages.localeProperty().set(locale));
            for (BuiltInLesson lesson : BuiltInLessons.all()) {
                robot.interact(() -> player.load(lesson.lesson(), 0));
                for (int i = 0; i < player.getCount(); i++) {
                    int index = i;
                    robot.interact(() -> player.jumpTo(index));
                    Bounds bounds = step.localToScene(step.getLayoutBounds());
                    if (bounds.getMaxY() > HEIGHT) {
                        overflowing.add(locale + " " + lesson.id() + " frame " + i + " by "
                                + Math.round(bounds.getMaxY() - HEIGHT) + " px");
                    }
                }
            }
        }
        assertThat(overflowing).isEmpty();
    }
}
