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
import org.socketlab.lesson.loading.BuiltInLessons;
import org.socketlab.player.Player;
import org.socketlab.testing.Garbage;
import org.socketlab.ui.language.Messages;
import org.socketlab.ui.theme.Fonts;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A window that is replaced and disposed leaves nothing on the player or the messages. */
@ExtendWith(ApplicationExtension.class)
class ViewLeakTest {
    private final Player player = new Player(BuiltInLessons.threeStages());
    private final Messages messages = new Messages(Locale.ENGLISH);
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Fonts.load();
        stage.setScene(new Scene(new Pane(), 800, 600));
        stage.show();
    }

    @Test
    void aDisposedWindowCanBeCollectedWhileThePlayerLivesOn(FxRobot robot) throws InterruptedException {
        WeakReference<MainWindow>[] ref = newRef();
        robot.interact(() -> {
            MainWindow window = new MainWindow(player, messages, new MainWindow.Actions(w -> { }, () -> { }));
            Scene scene = new Scene(window.root(), 1280, 800);
            window.attach(scene);
            stage.setScene(scene);
            player.step();
            ref[0] = new WeakReference<>(window);
            window.dispose();
            stage.setScene(new Scene(new Pane(), 800, 600));
        });
        // The player and the messages outlive the window; they must not hold it.
        robot.interact(player::step);

        boolean collected = Garbage.allCollected(List.of(ref[0]), () -> robot.interact(() -> { }));


        assertThat(collected).as("the disposed window is still reachable").isTrue();
        assertThat(player.getIndex()).isEqualTo(2);
    }

    @SuppressWarnings("unchecked")
    private static WeakReference<MainWindow>[] newRef() {
        return new WeakReference[1];
    }
}
