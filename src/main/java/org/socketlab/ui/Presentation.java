// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.event.EventHandler;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.socketlab.ui.common.ViewSubscriptions;
import org.socketlab.ui.language.Messages;

/**
 * Presentation mode for the projector: full screen, menus hidden, the player controls fade
 * away after a few seconds without the mouse and come back when it moves, and B blanks the
 * screen. Esc (or leaving full screen any other way) ends it.
 *
 * <p>With two screens or more the picture goes full screen on the projector (the largest screen
 * the window is not on, see {@link ScreenRoles}) and a presenter window on the laptop shows the
 * current and the next step, their narration, the step counter and the time ({@link
 * PresenterView}); it takes the same keys. Ending the presentation closes it and puts the window
 * back where it was.
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
    private final EventHandler<MouseEvent> mouseMoved = e -> showControls();
    private Supplier<List<Rectangle2D>> screens = Presentation::systemScreens;
    private Supplier<PresenterView> presenterViews;
    private EventHandler<KeyEvent> presenterKeys;
    private Map<KeyCombination, Runnable> presenterAccelerators = Map.of();
    private Stage presenterWindow;
    private PresenterView presenterView;
    private Rectangle2D placeBefore;

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

    /**
     * What a presenter window shows and the keys it takes: the window's own keys, and the menus'
     * accelerators (the presenter window has no menus); without this, presenting is full screen
     * where the window is, whatever the screens.
     */
    void presenter(Supplier<PresenterView> views, EventHandler<KeyEvent> keys,
                   Map<KeyCombination, Runnable> accelerators) {
        presenterViews = views;
        presenterKeys = keys;
        presenterAccelerators = Map.copyOf(accelerators);
    }

    /** The screens JavaFX knows, unless the system property {@code socketlab.screens} pretends others. */
    private static List<Rectangle2D> systemScreens() {
        List<Rectangle2D> pretended = ScreenRoles.parse(System.getProperty("socketlab.screens"));
        return pretended.isEmpty() ? Screen.getScreens().stream().map(Screen::getBounds).toList() : pretended;
    }

    /** The screens' bounds (tests give fake ones; the app asks JavaFX). */
    void screens(Supplier<List<Rectangle2D>> bounds) {
        screens = bounds;
    }

    /** The presenter window while one is open, else null. */
    Stage presenterWindow() {
        return presenterWindow;
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
        if (scene != null && scene.getWindow() instanceof Stage stage) {
            if (on) {
                openPresenter(stage);
            }
            if (stage.isFullScreen() != on) {
                stage.setFullScreenExitHint(on ? messages.get("presentation.exitHint") : null);
                stage.setFullScreen(on);
            }
            if (!on) {
                closePresenter(stage);
            }
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

    /** With a projector, moves the picture there and opens the presenter window on the laptop. */
    private void openPresenter(Stage stage) {
        if (presenterViews == null || presenterWindow != null) {
            return;
        }
        Rectangle2D window = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        ScreenRoles roles = ScreenRoles.of(screens.get(), window);
        if (roles.projector().isEmpty()) {
            return;
        }
        Rectangle2D projector = roles.projector().get();
        placeBefore = window;
        stage.setX(projector.getMinX());
        stage.setY(projector.getMinY());
        stage.setWidth(projector.getWidth());
        stage.setHeight(projector.getHeight());
        presenterView = presenterViews.get();
        Scene presenterScene = new Scene(presenterView);
        presenterScene.getStylesheets().setAll(scene.getStylesheets());
        presenterScene.addEventFilter(KeyEvent.KEY_PRESSED, presenterKeys);
        presenterScene.getAccelerators().putAll(presenterAccelerators);
        presenterWindow = new Stage();
        presenterWindow.setTitle(messages.get("presenter.title"));
        presenterWindow.setScene(presenterScene);
        Rectangle2D laptop = roles.laptop();
        presenterWindow.setX(laptop.getMinX());
        presenterWindow.setY(laptop.getMinY());
        presenterWindow.setWidth(laptop.getWidth());
        presenterWindow.setHeight(laptop.getHeight());
        presenterWindow.setOnCloseRequest(e -> presenting.set(false));
        presenterWindow.show();
        stage.toFront();
    }

    private void closePresenter(Stage stage) {
        if (presenterWindow == null) {
            return;
        }
        presenterWindow.getScene().removeEventFilter(KeyEvent.KEY_PRESSED, presenterKeys);
        presenterWindow.setOnCloseRequest(null);
        presenterWindow.hide();
        presenterView.dispose();
        presenterWindow = null;
        presenterView = null;
        stage.setX(placeBefore.getMinX());
        stage.setY(placeBefore.getMinY());
        stage.setWidth(placeBefore.getWidth());
        stage.setHeight(placeBefore.getHeight());
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
        if (presenterWindow != null && scene != null && scene.getWindow() instanceof Stage stage) {
            closePresenter(stage);
        }
        detach();
        linger.stop();
        fade.stop();
        subscriptions.release();
    }
}
