// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import java.util.Locale;
import java.util.Objects;
import javafx.animation.Animation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.util.Duration;
import org.socketlab.codec.ArgbImage;
import org.socketlab.ui.export.NodeSnapshot;
import org.socketlab.kernel.Stage;
import org.socketlab.lesson.Lesson;
import org.socketlab.player.Picture;
import org.socketlab.player.Player;
import org.socketlab.ui.diagram.Choreographer;
import org.socketlab.ui.export.PictureArea;
import org.socketlab.ui.language.Messages;
import org.socketlab.ui.theme.Fonts;
import org.socketlab.ui.theme.Theme;

/**
 * A private copy of the main window that is never shown, for exports: its own player and
 * window at a chosen size, theme and language, in a scene without a stage. Exporting through
 * it leaves the user's window (its step, its running animation, its language) untouched, and
 * works headless. Every method runs on the FX thread; {@link #close()} releases it.
 */
public final class OffscreenWindow implements AutoCloseable {
    private final Player player;
    private final Messages messages;
    private final MainWindow window;
    private final Scene scene;
    private final Theme theme;
    private boolean closed;

    private OffscreenWindow(Lesson lesson, Locale locale, Theme theme, double width, double height) {
        this.theme = theme;
        Fonts.load();
        player = new Player(lesson);
        player.setSpeed(Player.INSTANT);
        messages = new Messages(locale);
        window = new MainWindow(player, messages, new MainWindow.Actions(w -> { }, () -> { }));
        scene = new Scene(window.root(), width, height);
        theme.applyTo(scene);
        layout();
    }

    /**
     * Builds the copy on {@code lesson} at its first frame; {@code width × height} is the
     * window's size (the canvas is whatever part of it the layout gives the lesson).
     */
    public static OffscreenWindow open(Lesson lesson, Locale locale, Theme theme, double width, double height) {
        Objects.requireNonNull(lesson, "lesson");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(theme, "theme");
        if (!(width > 0 && height > 0)) {
            throw new IllegalArgumentException("window size must be positive: " + width + "x" + height);
        }
        return new OffscreenWindow(lesson, locale, theme, width, height);
    }

    /** How many frames the lesson has (step 0, the starting picture, included). */
    public int frameCount() {
        return player.getCount();
    }

    /** The lesson being exported. */
    public Lesson lesson() {
        return player.getLesson();
    }

    /** Draws frame {@code index} at rest. */
    public void show(int index) {
        window.director().finishRunning();
        player.setSpeed(Player.INSTANT);
        player.jumpTo(index);
        player.setSpeed(1); // the speed box shows "1x", as in a fresh window
        layout();
    }

    /** The resting picture of the current frame, as {@code area} shows it, rendered at {@code scale}. */
    public ArgbImage snapshot(PictureArea area, double scale) {
        return NodeSnapshot.take(node(area), scale, theme.background());
    }

    /**
     * Draws frame {@code index - 1} and starts the animation into frame {@code index}, paused
     * at its start, so that {@link Transition#sample} can draw it at any moment.
     */
    public Transition animateInto(int index) {
        if (index < 1 || index >= frameCount()) {
            throw new IllegalArgumentException("no step before frame " + index);
        }
        show(index - 1);
        player.step();
        Choreographer.Choreography running = window.director().running();
        Animation animation = running == null ? null : running.animation();
        if (animation != null) {
            animation.pause();
        }
        return new Transition(animation);
    }

    /** The node an area shows. */
    public Node node(PictureArea area) {
        return area == PictureArea.WINDOW ? window.root() : window.getSnapshotTarget();
    }

    /** The stage chip of frame {@code index} in this window's language ("Stage 1 of 3: an empty box"). */
    public String chip(int index) {
        return messages.get("stage." + Picture.of(player.getLesson(), index).stageKey() + ".chip");
    }

    /** The narration of frame {@code index} in this window's language: the lesson's words, then the kernel's. */
    public String narration(int index) {
        Picture picture = Picture.of(player.getLesson(), index);
        String say = messages.lessonText(picture.say());
        String story = messages.narration(picture.step().narration());
        return say.isEmpty() ? story : say + "\n" + story;
    }

    /** The stage of frame {@code index}. */
    public Stage stageOf(int index) {
        return player.getLesson().frame(index).step().stage();
    }

    /** Whether the step of frame {@code index} failed. */
    public boolean failed(int index) {
        return player.getLesson().frame(index).step().failed();
    }

    /** The messages in this window's language. */
    public Messages messages() {
        return messages;
    }

    /** The theme this window is drawn in. */
    public Theme theme() {
        return theme;
    }

    private void layout() {
        window.root().applyCss();
        window.root().layout();
    }

    /** Releases the copy's listeners; it must not be used afterwards. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            window.dispose();
        }
    }

    /** The animation from one resting picture into the next, held paused for sampling. */
    public final class Transition {
        private final Animation animation;

        private Transition(Animation animation) {
            this.animation = animation;
        }

        /** How long the animation takes at normal speed; zero when the step has none. */
        public Duration duration() {
            if (animation == null) {
                return Duration.ZERO;
            }
            Duration total = animation.getTotalDuration();
            return total.isIndefinite() || total.isUnknown() ? animation.getCycleDuration() : total;
        }

        /** The picture {@code time} into the animation. */
        public ArgbImage sample(Duration time, PictureArea area, double scale) {
            if (animation != null) {
                animation.jumpTo(time);
            }
            return snapshot(area, scale);
        }

        /** Ends the animation with every node at rest on the new frame. */
        public void finish() {
            show(player.getIndex());
        }
    }
}
