// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import javafx.animation.AnimationTimer;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The short session the app image's ahead-of-time cache is trained with (tools/package/TrainArchive.java,
 * docs/decisions/0007): with {@code -Dsocketlab.startup.session=true} beside the start-up probe, once the
 * probe has measured, the window is used as a student would first use it, through its keys — the lesson
 * stepped through with the arrow key (each step's animation playing), back to its start, the editor opened
 * and closed — and then the app quits. The classes and method profiles of those first steps then come
 * from the cache too, not only those of the start.
 */
final class TrainingSession {
    /** The system property that asks for the session after the probe. */
    static final String PROPERTY = "socketlab.startup.session";
    /** Pulses between two keys: long enough for a step's animation to play. */
    private static final int PULSES_PER_KEY = 40;
    private static final boolean MAC = System.getProperty("os.name", "").startsWith("Mac");

    /** One key a student presses. */
    private record Press(KeyCode code, boolean shortcut) {
        static Press plain(KeyCode code) {
            return new Press(code, false);
        }

        static Press shortcut(KeyCode code) {
            return new Press(code, true);
        }
    }

    /**
     * Through the opening lesson a step at a time (more steps than it has: the last ones are
     * no-ops), one back, to its start, then View &gt; Editor opened and closed again.
     */
    private static final List<Press> SESSION = Stream.concat(
            Collections.nCopies(8, Press.plain(KeyCode.RIGHT)).stream(),
            Stream.of(Press.plain(KeyCode.LEFT), Press.plain(KeyCode.HOME),
                    Press.shortcut(KeyCode.L), Press.shortcut(KeyCode.L)))
            .toList();

    private TrainingSession() {
    }

    /** True when this run should go through the session before quitting. */
    static boolean requested() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Presses the session's keys in the scene, one every few pulses, then runs {@code then}. */
    static void run(Scene scene, Runnable then) {
        new AnimationTimer() {
            private int pulses;
            private int next;

            @Override
            public void handle(long now) {
                if (++pulses < PULSES_PER_KEY) {
                    return;
                }
                pulses = 0;
                if (next == SESSION.size()) {
                    stop();
                    then.run();
                    return;
                }
                press(scene, SESSION.get(next++));
            }
        }.start();
    }

    private static void press(Scene scene, Press press) {
        Node target = scene.getFocusOwner() != null ? scene.getFocusOwner() : scene.getRoot();
        boolean control = press.shortcut() && !MAC;
        boolean meta = press.shortcut() && MAC;
        for (var type : List.of(KeyEvent.KEY_PRESSED, KeyEvent.KEY_RELEASED)) {
            Event.fireEvent(target, new KeyEvent(type, "", "", press.code(), false, control, false, meta));
        }
    }
}
