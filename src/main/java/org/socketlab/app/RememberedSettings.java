// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.beans.value.ObservableValue;
import javafx.util.Subscription;
import org.socketlab.player.Player;
import org.socketlab.ui.language.Languages;
import org.socketlab.ui.MainWindow;
import org.socketlab.ui.language.Messages;
import org.socketlab.ui.theme.Themes;
import org.socketlab.ui.common.ViewOptions;

/**
 * What the app remembers between runs (java.util.prefs): the language, the speed, the zoom,
 * large type, the kernel view and predict mode; the recent files live beside them. Each is
 * written when it changes, and {@link #reset()} forgets them all.
 *
 * <p>Writing to disk ({@link Preferences#flush()}) happens on a thread of its own, never on the
 * JavaFX thread: a zoom key held down changes the zoom many times a second, and the window must
 * not wait for the disk each time. Changes made while a flush is waiting ride on that one.
 */
final class RememberedSettings {
    static final String LANGUAGE = "language";
    static final String SPEED = "speed";
    static final String ZOOM = "zoom";
    static final String LARGE_TYPE = "largeType";
    static final String KERNEL_VIEW = "kernelView";
    static final String PREDICT = "predict";
    static final String THEME = "theme";
    static final String REAL_RUN_NOTICE = "realRunNoticeSeen";
    static final String EDITOR_DIVIDER = "editorDivider";

    private final Preferences preferences;
    private final ExecutorService disk = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "socket-lab-settings");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean flushWaiting = new AtomicBoolean();

    RememberedSettings(Preferences preferences) {
        this.preferences = preferences;
    }

    /** The language chosen last time, if it is one the app still has. */
    Optional<Locale> language() {
        return Languages.find(preferences.get(LANGUAGE, null));
    }

    /** The theme chosen last time, by id, if any. */
    Optional<String> theme() {
        return Optional.ofNullable(preferences.get(THEME, null));
    }

    /**
     * Puts the remembered values into a window and its player, then keeps them up to date. Without
     * a remembered zoom the window starts at {@code startingZoom}: what its screen calls for
     * ({@link org.socketlab.ui.WindowPlacement#zoom()}), bigger on a big screen.
     */
    Subscription applyAndFollow(MainWindow window, Player player, Messages messages, double startingZoom) {
        ViewOptions options = window.options();
        double speed = preferences.getDouble(SPEED, player.getSpeed());
        if (speed > 0 && Double.isFinite(speed)) {
            player.setSpeed(speed);
        }
        options.zoomProperty().set(preferences.getDouble(ZOOM, startingZoom));
        options.largeTypeProperty().set(preferences.getBoolean(LARGE_TYPE, false));
        options.kernelViewProperty().set(preferences.getBoolean(KERNEL_VIEW, false));
        window.predict().setEnabled(preferences.getBoolean(PREDICT, false));
        theme().flatMap(Themes::find).ifPresent(window.themeProperty()::set);
        window.realRunNoticeSeenProperty().set(preferences.getBoolean(REAL_RUN_NOTICE, false));
        double divider = preferences.getDouble(EDITOR_DIVIDER, window.editorDividerProperty().get());
        if (divider > 0.1 && divider < 0.9) {
            window.editorDividerProperty().set(divider);
        }
        return Subscription.combine(
                follow(messages.localeProperty(), v -> preferences.put(LANGUAGE, v.getLanguage())),
                follow(player.speedProperty(), v -> {
                    if (Double.isFinite(v.doubleValue())) {
                        preferences.putDouble(SPEED, v.doubleValue());
                    }
                }),
                follow(options.zoomProperty(), v -> preferences.putDouble(ZOOM, v.doubleValue())),
                follow(options.largeTypeProperty(), v -> preferences.putBoolean(LARGE_TYPE, v)),
                follow(options.kernelViewProperty(), v -> preferences.putBoolean(KERNEL_VIEW, v)),
                follow(window.predict().enabledProperty(), v -> preferences.putBoolean(PREDICT, v)),
                follow(window.themeProperty(), v -> preferences.put(THEME, v.id())),
                follow(window.realRunNoticeSeenProperty(), v -> preferences.putBoolean(REAL_RUN_NOTICE, v)),
                follow(window.editorDividerProperty(), v -> preferences.putDouble(EDITOR_DIVIDER, v.doubleValue())));
    }

    private <T> Subscription follow(ObservableValue<T> value, Consumer<T> store) {
        return value.subscribe((was, now) -> {
            store.accept(now);
            flushSoon();
        });
    }

    /** Forgets every setting and the recent files; the next start is like the first. */
    void reset() {
        try {
            preferences.clear();
        } catch (BackingStoreException e) {
            // Nothing stored can be removed; the next run starts from what is there.
        }
        flushSoon();
    }

    /** Writes what is waiting and stops the writer; waits for the disk at most {@code seconds}. */
    void close(long seconds) {
        flushSoon();
        disk.shutdown();
        try {
            disk.awaitTermination(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the writer thread to flush, unless a flush is already waiting to run. */
    private void flushSoon() {
        if (disk.isShutdown()) {
            flush();
        } else if (flushWaiting.compareAndSet(false, true)) {
            disk.execute(() -> {
                flushWaiting.set(false);
                flush();
            });
        }
    }

    private void flush() {
        try {
            preferences.flush();
        } catch (BackingStoreException e) {
            // Remembered for this run only.
        }
    }
}
