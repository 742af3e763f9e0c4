// SPDX-License-Identifier: Apache-2.0
package org.socketlab.player;

import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import org.socketlab.lesson.Frame;
import org.socketlab.lesson.Lesson;

/**
 * The view model of a lesson being played: a cursor over the lesson's immutable frames.
 * Everything is a read-only property outward; moving is O(1) — back, reset and jumps only
 * move the cursor. Needs javafx.base only, so it works without starting the toolkit.
 *
 * <p>Views that draw the lesson subscribe to {@link #positionProperty()}, which changes once
 * per move and only after index, count and current agree with it.
 */
public final class Player {
    /** Animations take no time at all: for tests and export. */
    public static final double INSTANT = Double.POSITIVE_INFINITY;

    /** Where the player is: a lesson and a frame index in it. */
    public record Position(Lesson lesson, int index) {
        public Position {
            Objects.requireNonNull(lesson, "lesson");
            Objects.checkIndex(index, lesson.size());
        }

        /** The frame at this position. */
        public Frame frame() {
            return lesson.frame(index);
        }
    }

    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>(this, "lesson");
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index");
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "count");
    private final ReadOnlyObjectWrapper<Frame> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyObjectWrapper<Position> position = new ReadOnlyObjectWrapper<>(this, "position");
    private final ReadOnlyBooleanWrapper canStepForward = new ReadOnlyBooleanWrapper(this, "canStepForward");
    private final ReadOnlyBooleanWrapper canStepBack = new ReadOnlyBooleanWrapper(this, "canStepBack");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyBooleanWrapper animating = new ReadOnlyBooleanWrapper(this, "animating");
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1) {
        @Override
        public void set(double value) {
            if (!(value > 0)) {
                throw new IllegalArgumentException("speed must be positive: " + value);
            }
            super.set(value);
        }
    };

    /** A player at the start of a lesson. */
    public Player(Lesson lesson) {
        canStepForward.bind(Bindings.createBooleanBinding(() -> index.get() < count.get() - 1, index, count));
        canStepBack.bind(index.greaterThan(0));
        moveTo(lesson, 0);
    }

    private void moveTo(Lesson newLesson, int newIndex) {
        Position target = new Position(newLesson, newIndex);
        lesson.set(newLesson);
        count.set(newLesson.size());
        current.set(target.frame());
        index.set(newIndex);
        position.set(target);
        if (playing.get() && !canStepForward.get()) {
            playing.set(false);
        }
    }

    /** Opens another lesson at a frame (clamped to its length): F5 reloads at the same step. */
    public void load(Lesson newLesson, int atIndex) {
        Objects.requireNonNull(newLesson, "lesson");
        playing.set(false);
        moveTo(newLesson, Math.max(0, Math.min(atIndex, newLesson.size() - 1)));
    }

    /** One frame forward; nothing at the end. While playing, reaching the end stops playing. */
    public void step() {
        if (canStepForward.get()) {
            moveTo(lesson.get(), index.get() + 1);
        } else {
            playing.set(false);
        }
    }

    /** One frame back; nothing at the start. Pauses. */
    public void back() {
        playing.set(false);
        if (canStepBack.get()) {
            moveTo(lesson.get(), index.get() - 1);
        }
    }

    /** Back to the starting picture. Pauses. */
    public void reset() {
        jumpTo(0);
    }

    /** Straight to a frame. Pauses. */
    public void jumpTo(int target) {
        Objects.checkIndex(target, count.get());
        playing.set(false);
        if (target != index.get()) {
            moveTo(lesson.get(), target);
        }
    }

    /** Starts playing (from the start when at the end); the director steps while playing. */
    public void play() {
        if (!canStepForward.get()) {
            moveTo(lesson.get(), 0);
        }
        playing.set(count.get() > 1);
    }

    /** Stops playing; the picture stays where it is. */
    public void pause() {
        playing.set(false);
    }

    /** Play when paused, pause when playing. */
    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    /** Told by the director whether an animation is running. */
    public void setAnimating(boolean running) {
        animating.set(running);
    }

    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    public Lesson getLesson() {
        return lesson.get();
    }

    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public int getIndex() {
        return index.get();
    }

    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public int getCount() {
        return count.get();
    }

    public ReadOnlyObjectProperty<Frame> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public Frame getCurrent() {
        return current.get();
    }

    /** The lesson and index together; changes once per move, after the others. */
    public ReadOnlyObjectProperty<Position> positionProperty() {
        return position.getReadOnlyProperty();
    }

    public Position getPosition() {
        return position.get();
    }

    public ReadOnlyBooleanProperty canStepForwardProperty() {
        return canStepForward.getReadOnlyProperty();
    }

    public boolean canStepForward() {
        return canStepForward.get();
    }

    public ReadOnlyBooleanProperty canStepBackProperty() {
        return canStepBack.getReadOnlyProperty();
    }

    public boolean canStepBack() {
        return canStepBack.get();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public boolean isPlaying() {
        return playing.get();
    }

    public ReadOnlyBooleanProperty animatingProperty() {
        return animating.getReadOnlyProperty();
    }

    public boolean isAnimating() {
        return animating.get();
    }

    /** Animation speed: 1 is normal, {@link #INSTANT} skips animations. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    public double getSpeed() {
        return speed.get();
    }

    public void setSpeed(double value) {
        speed.set(value);
    }
}
