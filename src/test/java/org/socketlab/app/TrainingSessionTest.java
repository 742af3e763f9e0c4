// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.javafx.application.ParametersImpl;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The session the app image's ahead-of-time cache is trained with (docs/decisions/0007) does what a
 * student's first minute does, through the window's own keys: the cache then holds the classes of the
 * first steps and of the editor, which open sooner for it. If a key it presses stopped doing that, the
 * cache would quietly lose them; this test sees it.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingSessionTest {
    private final SocketLabApp app = new SocketLabApp();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ParametersImpl.registerParameters(app, new ParametersImpl(SocketLabApp.argumentsFor(Locale.ENGLISH)));
        app.start(stage);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(app::stop);
    }

    @Test
    void theSessionStepsThroughTheLessonBackToItsStartAndOpensAndClosesTheEditor(FxRobot robot)
            throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> stage.getScene().getRoot().lookup(".menu-bar") != null);
        WaitForAsyncUtils.waitForFxEvents();
        Set<String> positions = new LinkedHashSet<>();
        boolean[] editorSeen = new boolean[1];
        AnimationTimer watch = new AnimationTimer() {
            @Override
            public void handle(long now) {
                Label position = (Label) stage.getScene().lookup("#position");
                positions.add(position.getText());
                editorSeen[0] |= stage.getScene().lookup(".lesson-editor") != null;
            }
        };
        CompletableFuture<Void> done = new CompletableFuture<>();
        robot.interact(() -> {
            watch.start();
            TrainingSession.run(stage.getScene(), () -> done.complete(null));
        });
        done.get(60, TimeUnit.SECONDS);
        robot.interact(watch::stop);

        // "Step 0 of 8", "Step 1 of 8" …: the lesson was stepped through one frame at a time, and the
        // session left it at its start.
        assertThat(positions.stream().map(p -> p.split(" ")[1]).toList())
                .startsWith("0", "1", "2", "3", "4", "5");
        assertThat(((Label) stage.getScene().lookup("#position")).getText()).startsWith("Step 0 ");
        assertThat(editorSeen[0]).as("the editor was opened").isTrue();
        assertThat(stage.getScene().lookup(".lesson-editor")).as("and closed again").isNull();
    }
}
