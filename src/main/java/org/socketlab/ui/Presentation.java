// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Presentation mode for the projector: full screen, menus hidden, the player controls fade
 * away after a few seconds without the mouse and come back when it moves, and B blanks the
 * screen. Esc (or leaving full screen any other way) ends it.
 */
final class Presentation {
    /** How long the controls stay after the mouse stops. */
    static final Duration CONTROLS_LINGER = Duration.seconds(3);

    private final Node header;
    private final Node controls;
    private final Region blank = new Region();
    private final Messages messages;
    private final BooleanProperty presenting = new SimpleBooleanProperty(this, "presenting");
    private final BooleanProperty blanked = new SimpleBooleanProperty(this, "blanked");
    private final PauseTransition linger = new PauseTransition(CONTROLS_LINGER);
    private final FadeTransition fade;
    private final ViewSubscriptions subscriptions = new ViewSubscriptions();
    /** What follows the attached scene's window; released on detach. */
    private final ViewSubscriptions attached = new ViewSubscriptions();
    private Scene scene;
    private final javafx.event.EventHandler<MouseEvent> mouseMoved = e -> showControls();

    Presentation(Node header, Node controls, Messages messages) {
        this.header = header;
        this.controls = controls;
        this.messages = messages;
        blank.getStyleClass().add("blank-screen");
        blank.setVisible(false);
        fade = new FadeTransition(Duration.millis(400), controls);
        fade.setToValue(0);
        fade.setOnFinished(e -> controls.setMouseTransparent(presenting.get()));
        linger.setOnFinished(e -> fade.playFromStart());
        subscriptions.onChange(this::apply, presenting);
        subscriptions.onChange(() -> blank.setVisible(blanked.get()), blanked);
    }

    /** The black curtain B draws; the window puts it above everything. */
    Region blankScreen() {
        return blank;
    }

    BooleanProperty presentingProperty() {
        return presenting;
    }

    void toggle() {
        presenting.set(!presenting.get());
    }

    void toggleBlank() {
        blanked.set(!blanked.get());
    }

    /** Follows the scene: its window goes full screen, and mouse moves bring the controls back. */
    void attach(Scene target) {
        detach();
        scene = target;
        scene.addEventFilter(MouseEvent.MOUSE_MOVED, mouseMoved);
        attached.add(scene.windowProperty().subscribe(window -> {
            if (window instanceof Stage stage) {
                stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
                attached.add(stage.fullScreenProperty().subscribe((was, full) -> {
                    if (!full && presenting.get()) {
                        presenting.set(false);
                    }
                }));
            }
        }));
    }

    void detach() {
        if (scene != null) {
            scene.removeEventFilter(MouseEvent.MOUSE_MOVED, mouseMoved);
            attached.release();
            scene = null;
        }
    }

    private void apply() {
        boolean on = presenting.get();
        header.setVisible(!on);
        header.setManaged(!on);
        if (scene != null && scene.getWindow() instanceof Stage stage && stage.isFullScreen() != on) {
            stage.setFullScreenExitHint(on ? messages.get("presentation.exitHint") : null);
            stage.setFullScreen(on);
        }
        if (on) {
            showControls();
        } else {
            linger.stop();
            fade.stop();
            controls.setOpacity(1);
            controls.setMouseTransparent(false);
            blanked.set(false);
        }
    }

    private void showControls() {
        fade.stop();
        controls.setOpacity(1);
        controls.setMouseTransparent(false);
        if (presenting.get()) {
            linger.playFromStart();
        } else {
            linger.stop();
        }
    }

    void dispose() {
        detach();
        linger.stop();
        fade.stop();
        subscriptions.release();
    }
}
