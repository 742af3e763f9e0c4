// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.prefs.Preferences;
import javafx.scene.image.Image;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.loading.BuiltInLessons;
import org.socketlab.ui.language.Messages;
import org.socketlab.ui.theme.Fonts;
import org.socketlab.ui.theme.Icons;

/**
 * Start-up work that is not the window's own, done on a thread of its own while JavaFX starts,
 * so that the window's thread finds it done: reading the settings, finding the languages and
 * reading the messages of the one the window opens in, compiling the opening lesson, then
 * loading the bundled font and the icon font and decoding the window's icons. Measured in
 * docs/BENCHMARKS.md.
 *
 * <p>Nothing here touches a node or a window (loading a font or an image may start JavaFX's
 * toolkit a moment before {@code Application.launch} would). Whatever failed on this thread is
 * done again on the caller's, where its error surfaces as it did before.
 */
final class WarmStart {
    /** What the window starts from. */
    record Ready(Preferences preferences, RememberedSettings settings, Lesson lesson) {
    }

    private static CompletableFuture<Ready> ready;
    private static CompletableFuture<List<Image>> icons;

    private WarmStart() {
    }

    /** Begins the work; {@code requested} is --lang's language, or null. */
    static synchronized void begin(Locale requested) {
        CompletableFuture<Ready> settled = new CompletableFuture<>();
        CompletableFuture<List<Image>> decoded = new CompletableFuture<>();
        ready = settled;
        icons = decoded;
        Thread thread = new Thread(() -> {
            complete(settled, () -> prepare(requested));
            complete(decoded, () -> {
                Fonts.load();
                Icons.preload();
                return AppIcons.read();
            });
        }, "socket-lab-warm-start");
        thread.setDaemon(true);
        thread.start();
    }

    private static <T> void complete(CompletableFuture<T> future, Supplier<T> work) {
        try {
            future.complete(work.get());
        } catch (Throwable e) { // whatever it is, the window's thread must not wait for ever
            future.completeExceptionally(e);
        }
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
        RememberedSettings settings = new RememberedSettings(preferences);
        Locale language = SocketLabApp.language(requested, settings);
        Messages.preload(language);
        return new Ready(preferences, settings, BuiltInLessons.threeStages());
    }
}
