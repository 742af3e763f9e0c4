// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.diagram;

import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.util.Duration;
import org.socketlab.player.Picture;
import org.socketlab.player.Player;
import org.socketlab.ui.common.ViewSubscriptions;

/**
 * Plays the lesson's animations one at a time. On every move of the player it finishes the
 * running animation, publishes the new resting {@link Picture} (every view draws it), and —
 * for a single step forward at a finite speed — animates into it. While the player is playing
 * it steps after each animation and a pause to read.
 */
public final class Director {
    /** How long a picture stays before playing moves on, at speed 1. */
    static final Duration DWELL = Duration.millis(1400);
    /** The pause before the first step when play is pressed, at speed 1. */
    static final Duration FIRST_DWELL = Duration.millis(250);

    private final Player player;
    private final Runnable stepForward;
    private final ReadOnlyObjectWrapper<Picture> picture = new ReadOnlyObjectWrapper<>(this, "picture");
    private final ViewSubscriptions subscriptions = new ViewSubscriptions();
    private final PauseTransition dwell = new PauseTransition();
    private Choreographer choreographer;
    private Choreographer.Choreography running;

    /**
     * @param stepForward how playing moves on (the player's step, or predict mode's, which may
     *                    stop to ask first)
     */
    public Director(Player player, Runnable stepForward) {
        this.player = player;
        this.stepForward = stepForward;
        Player.Position start = player.getPosition();
        picture.set(Picture.of(start.lesson(), start.index()));
        dwell.setOnFinished(e -> {
            if (player.isPlaying()) {
                stepForward.run();
            }
        });
        subscriptions.add(player.positionProperty().subscribe(this::moved));
        subscriptions.add(player.playingProperty().subscribe(playing -> {
            dwell.stop();
            if (playing && running == null) {
                waitThenStep(FIRST_DWELL);
            }
        }));
    }

    /** Lets the director animate this diagram (before that, moves are drawn without animation). */
    public void animate(DiagramView diagram) {
        choreographer = new Choreographer(diagram);
    }

    /** The resting picture of the current frame. */
    public ReadOnlyObjectProperty<Picture> pictureProperty() {
        return picture.getReadOnlyProperty();
    }

    private void moved(Player.Position old, Player.Position now) {
        finishRunning();
        dwell.stop();
        Picture from = picture.get();
        Picture to = Picture.of(now.lesson(), now.index());
        picture.set(to);
        boolean oneStepForward = old != null && old.lesson() == now.lesson() && now.index() == old.index() + 1;
        if (oneStepForward && choreographer != null && Double.isFinite(player.getSpeed())) {
            running = choreographer.transition(from, to);
            running.animation().setRate(player.getSpeed());
            running.animation().setOnFinished(e -> {
                finishRunning();
                if (player.isPlaying()) {
                    waitThenStep(DWELL);
                }
            });
            player.setAnimating(true);
            running.animation().play();
        } else if (player.isPlaying()) {
            waitThenStep(DWELL);
        }
    }

    /** The animation playing into the current picture, or null when at rest (for export). */
    public Choreographer.Choreography running() {
        return running;
    }

    /** Ends the running animation at once, with every node at rest. */
    public void finishRunning() {
        if (running != null) {
            Choreographer.Choreography ending = running;
            running = null;
            ending.settle();
            player.setAnimating(false);
        }
    }

    private void waitThenStep(Duration atSpeedOne) {
        double speed = player.getSpeed();
        dwell.setDuration(Double.isFinite(speed) ? atSpeedOne.divide(speed) : Duration.ZERO);
        dwell.playFromStart();
    }

    /** Stops everything and releases the listeners on the player. */
    public void dispose() {
        finishRunning();
        dwell.stop();
        subscriptions.release();
    }
}
