// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketlab.codec.ArgbImage;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.loading.BuiltInLessons;
import org.socketlab.testing.Garbage;
import org.socketlab.ui.export.PictureArea;
import org.socketlab.ui.theme.Themes;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The never-shown copy of the window that exports draw. */
@ExtendWith(ApplicationExtension.class)
class OffscreenWindowTest {
    private final Lesson lesson = BuiltInLessons.threeStages();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Pane(), 200, 100));
        stage.show();
    }

    @Test
    void drawsTheWholeWindowAtItsSizeAndTheCanvasInsideIt(FxRobot robot) {
        robot.interact(() -> {
            try (OffscreenWindow window = OffscreenWindow.open(lesson, Locale.ENGLISH, Themes.LIGHT, 1280, 800)) {
                window.show(6);
                ArgbImage whole = window.snapshot(PictureArea.WINDOW, 1);
                ArgbImage canvas = window.snapshot(PictureArea.CANVAS, 1);
                assertThat(whole.width()).isEqualTo(1280);
                assertThat(whole.height()).isEqualTo(800);
                assertThat(canvas.width()).isBetween(600, 1279);
                assertThat(canvas.height()).isBetween(400, 799);
                assertThat(window.node(PictureArea.CANVAS).lookupAll(".ticket")).hasSize(2);
            }
        });
    }

    @Test
    void anAnimationIsSampledBetweenTheTwoRestingPictures(FxRobot robot) {
        robot.interact(() -> {
            try (OffscreenWindow window = OffscreenWindow.open(lesson, Locale.ENGLISH, Themes.LIGHT, 1280, 800)) {
                window.show(0);
                ArgbImage before = window.snapshot(PictureArea.CANVAS, 1);
                window.show(1);
                ArgbImage after = window.snapshot(PictureArea.CANVAS, 1);
                OffscreenWindow.Transition transition = window.animateInto(1);
                assertThat(transition.duration().toMillis()).isPositive();
                ArgbImage middle = transition.sample(transition.duration().divide(2), PictureArea.CANVAS, 1);
                transition.finish();
                ArgbImage settled = window.snapshot(PictureArea.CANVAS, 1);

                assertThat(middle).isNotEqualTo(before).isNotEqualTo(after);
                assertThat(settled).as("after the animation the picture is at rest").isEqualTo(after);
                assertThat(window.chip(1)).isEqualTo("Stage 1 of 3: an empty box");
                assertThat(window.narration(1)).contains("Stage 1: an empty box.");
            }
        });
    }

    @Test
    void aClosedCopyCanBeCollected(FxRobot robot) {
        @SuppressWarnings("unchecked")
        WeakReference<OffscreenWindow>[] ref = new WeakReference[1];
        robot.interact(() -> {
            OffscreenWindow window = OffscreenWindow.open(lesson, Locale.ENGLISH, Themes.LIGHT, 1280, 800);
            window.animateInto(3).sample(Duration.millis(300), PictureArea.CANVAS, 1);
            window.close();
            ref[0] = new WeakReference<>(window);
        });
        boolean collected = Garbage.allCollected(List.of(ref[0]), () -> robot.interact(() -> { }));

        assertThat(collected).as("the closed copy is still reachable").isTrue();
    }
}
