// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.prefs.Preferences;
import javafx.scene.image.Image;
import org.socketlab.lesson.BuiltInLessons;
import org.socketlab.lesson.Lesson;
import org.socketlab.ui.Fonts;
import org.socketlab.ui.Messages;

/**
 * Start-up work that is not the window's own, done on threads of their own so that the window's
 * thread finds it done: while JavaFX starts, reading the settings, finding the languages and
 * reading the messages of the one the window opens in, compiling the opening lesson; once
 * JavaFX runs, loading the bundled font and decoding the window's icons. Measured in
 * docs/BENCHMARKS.md.
 *
 * <p>Nothing here touches a node or a window. Whatever failed on its thread is done again on the
 * caller's, where its error surfaces as it did before.
 */
final class WarmStart {
    /** What the window starts from. */
    record Ready(Preferences preferences, Settings settings, Lesson lesson) {
    }

    private static CompletableFuture<Ready> ready;
    private static CompletableFuture<List<Image>> icons;

    private WarmStart() {
    }

    /** Begins the work that needs no toolkit; {@code requested} is --lang's language, or null. */
    static synchronized void begin(Locale requested) {
        ready = CompletableFuture.supplyAsync(() -> prepare(requested), WarmStart::thread);
    }

    /** Begins the work that needs a running toolkit: the font and the icons. */
    static synchronized void toolkitStarted() {
        CompletableFuture.runAsync(Fonts::load, WarmStart::thread);
        icons = CompletableFuture.supplyAsync(AppIcons::read, WarmStart::thread);
    }

    /** What {@link #begin} prepared; worked out here when it was not begun or failed. */
    static Ready take(Locale requested) {
        CompletableFuture<Ready> pending;
        synchronized (WarmStart.class) {
            pending = ready;
            ready = null;
        }
        if (pending != null) {
            try {
                return pending.join();
            } catch (CompletionException e) {
                // Done again below, so that the error is the caller's.
            }
        }
        return prepare(requested);
    }

    /** The window's icons, smallest first; read here when they were not begun or failed. */
    static List<Image> takeIcons() {
        CompletableFuture<List<Image>> pending;
        synchronized (WarmStart.class) {
            pending = icons;
            icons = null;
        }
        if (pending != null) {
            try {
                return pending.join();
            } catch (CompletionException e) {
                // Read again below.
            }
        }
        return AppIcons.read();
    }

    private static Ready prepare(Locale requested) {
        Preferences preferences = Preferences.userRoot().node(SocketLabApp.PREFERENCES);
        Settings settings = new Settings(preferences);
        Locale language = SocketLabApp.language(requested, settings);
        Messages.preload(language);
        return new Ready(preferences, settings, BuiltInLessons.threeStages());
    }

    private static void thread(Runnable work) {
        Thread thread = new Thread(work, "socket-lab-warm-start");
        thread.setDaemon(true);
        thread.start();
    }
}
