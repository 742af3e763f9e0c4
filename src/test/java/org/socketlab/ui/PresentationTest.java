// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketlab.testing.Garbage;
import org.socketlab.ui.language.Messages;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Presentation mode follows the window it is attached to, and lets go of a window it left. */
@ExtendWith(ApplicationExtension.class)
class PresentationTest {
    private Stage first;
    private Stage second;

    @Start
    void start(Stage stage) {
        first = stage;
        stage.setScene(new Scene(new Pane(), 400, 300));
        stage.show();
        second = new Stage();
        second.setScene(new Scene(new Pane(), 400, 300));
        second.show();
    }

    @Test
    void aWindowItWasMovedAwayFromDoesNotKeepItAlive(FxRobot robot) {
        @SuppressWarnings("unchecked")
        WeakReference<Presentation>[] ref = new WeakReference[1];
        robot.interact(() -> {
            Presentation presentation = new Presentation(new Pane(), new Pane(), new Messages(Locale.ENGLISH));
            presentation.attach(second.getScene());
            presentation.attach(first.getScene());
            presentation.detach();
            ref[0] = new WeakReference<>(presentation);
        });

        boolean collected = Garbage.allCollected(List.of(ref[0]), () -> robot.interact(() -> { }));

        assertThat(collected).as("the windows it left still hold it").isTrue();
        robot.interact(second::close);
    }

    @Test
    void leavingFullScreenEndsPresentingInTheWindowItIsIn(FxRobot robot) {
        Presentation presentation = new Presentation(new Pane(), new Pane(), new Messages(Locale.ENGLISH));
        robot.interact(() -> {
            presentation.attach(first.getScene());
            presentation.presentingProperty().set(true);
        });
        assertThat(first.isFullScreen()).isTrue();

        robot.interact(() -> first.setFullScreen(false));

        assertThat(presentation.presentingProperty().get()).isFalse();
        robot.interact(() -> {
            presentation.dispose();
            second.close();
        });
    }
}
