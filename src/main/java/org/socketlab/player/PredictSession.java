// SPDX-License-Identifier: Apache-2.0
package org.socketlab.player;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.util.Subscription;

/**
 * Predict mode: when it is on, stepping onto a frame worth predicting first asks the question
 * (the player does not move); answering reveals the frame and keeps score. Going back, resetting
 * or jumping never asks. The lesson itself is never changed.
 *
 * <p>The session owns its rules: whether it is on is read-only outside ({@link #setEnabled}
 * drops an open question when it turns off), and it follows the player itself, so an open
 * question never outlives a move away from it. {@link #dispose()} lets go of the player.
 */
public final class PredictSession {
    /** A question being asked: which frame it is for, and what was chosen (-1 while open). */
    public record Asking(int frame, PredictQuestion prediction, int chosen) {
        /** True once a choice was made. */
        public boolean answered() {
            return chosen >= 0;
        }

        /** True when the choice was right. */
        public boolean correct() {
            return chosen == prediction.answer();
        }
    }

    private final Player player;
    private final ReadOnlyBooleanWrapper enabled = new ReadOnlyBooleanWrapper(this, "enabled");
    private final ReadOnlyObjectWrapper<Asking> asking = new ReadOnlyObjectWrapper<>(this, "asking");
    private final ReadOnlyIntegerWrapper asked = new ReadOnlyIntegerWrapper(this, "asked");
    private final ReadOnlyIntegerWrapper correct = new ReadOnlyIntegerWrapper(this, "correct");
    private final Set<String> answered = new HashSet<>();

    private final Subscription followingPlayer;

    public PredictSession(Player player) {
        this.player = player;
        this.followingPlayer = player.positionProperty().subscribe(p -> playerMoved());
    }

    /** Drops an open question when the player moves anywhere but onto its frame (back, reset, a jump, another lesson). */
    private void playerMoved() {
        Asking open = asking.get();
        if (open != null && player.getIndex() != open.frame() - 1) {
            asking.set(null);
        }
    }

    /** Predict mode on or off. */
    public ReadOnlyBooleanProperty enabledProperty() {
        return enabled.getReadOnlyProperty();
    }

    public boolean isEnabled() {
        return enabled.get();
    }

    /** Turns predict mode on or off; turning it off drops an open question. */
    public void setEnabled(boolean on) {
        enabled.set(on);
        if (!on) {
            asking.set(null);
        }
    }

    /** The open or just-answered question, or null. */
    public ReadOnlyObjectProperty<Asking> askingProperty() {
        return asking.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty askedProperty() {
        return asked.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty correctProperty() {
        return correct.getReadOnlyProperty();
    }

    /**
     * Steps forward, unless the next frame asks a question first: then the question opens and
     * the player stays. With a question answered, this reveals the frame.
     */
    public void step() {
        Asking open = asking.get();
        if (open != null) {
            if (open.answered()) {
                asking.set(null);
                if (player.getIndex() == open.frame() - 1) {
                    player.step();
                }
            }
            return;
        }
        int next = player.getIndex() + 1;
        if (enabled.get() && player.canStepForward() && !answered.contains(key(next))) {
            Optional<PredictQuestion> question = PredictQuestions.before(player.getLesson(), next);
            if (question.isPresent()) {
                player.pause();
                asking.set(new Asking(next, question.get(), -1));
                return;
            }
        }
        player.step();
    }

    /** Answers the open question with a choice; the score counts the first answer only. */
    public void answer(int choice) {
        Asking open = asking.get();
        if (open == null || open.answered()) {
            return;
        }
        Asking done = new Asking(open.frame(), open.prediction(), choice);
        answered.add(key(open.frame()));
        asked.set(asked.get() + 1);
        if (done.correct()) {
            correct.set(correct.get() + 1);
        }
        asking.set(done);
    }

    /** Drops an open question without answering (Back, Home, or Esc). */
    public void dismiss() {
        asking.set(null);
    }

    /** Starts counting again from zero. */
    public void resetScore() {
        asked.set(0);
        correct.set(0);
        answered.clear();
        asking.set(null);
    }

    private String key(int frame) {
        return player.getLesson().id() + "#" + frame;
    }

    /** Stops following the player (the window that asked is gone). */
    public void dispose() {
        followingPlayer.unsubscribe();
    }
}
