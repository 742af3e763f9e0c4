// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.language;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.socketlab.kernel.Narration;
import org.socketlab.lesson.LocalizedText;
import org.socketlab.lesson.replay.Said;

/**
 * Every word the window shows, looked up in the {@code messages} ResourceBundle for the
 * current locale. Every value is a {@link MessageFormat} pattern (so an apostrophe is
 * written twice). Views re-read their texts when the locale changes.
 */
public final class Messages {
    /** The base name of the bundle. */
    public static final String BUNDLE = "org.socketlab.ui.messages";

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(this, "locale");
    private ResourceBundle bundle;
    private Locale bundleLocale;

    public Messages(Locale initial) {
        locale.set(Objects.requireNonNull(initial, "locale"));
    }

    /**
     * The words of the current language. Looked up when asked rather than when the locale changes:
     * bindings on the locale (the menus' labels) are recomputed before any change listener runs.
     */
    private ResourceBundle words() {
        Locale current = locale.get();
        if (!current.equals(bundleLocale)) {
            bundle = bundle(current);
            bundleLocale = current;
        }
        return bundle;
    }

    // No fallback to the system locale: English must stay English on a Chinese desktop.
    private static ResourceBundle bundle(Locale language) {
        return ResourceBundle.getBundle(BUNDLE, language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /**
     * Reads a language's words ahead of time, from any thread: ResourceBundle keeps them, so a
     * {@code Messages} in that language starts without reading them.
     */
    public static void preload(Locale language) {
        bundle(language);
    }

    /** The language the window speaks; setting it re-labels every view. */
    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale getLocale() {
        return locale.get();
    }

    /**
     * The message for a key, formatted with the arguments; an argument that is words of a replay
     * ({@link Said}: "it to wait", "success"...) is said in the current language too.
     */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = words().getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        Object[] said = args.clone();
        for (int i = 0; i < said.length; i++) {
            if (said[i] instanceof Said words) {
                said[i] = get("replay.said." + words.name());
            }
        }
        return new MessageFormat(pattern, locale.get()).format(said);
    }

    /** A binding that follows the locale: for labels whose text never changes otherwise. */
    public StringBinding text(String key, Object... args) {
        return Bindings.createStringBinding(() -> get(key, args), locale);
    }

    /** A kernel narration in the current language. */
    public String narration(Narration narration) {
        return get("narration." + narration.key(), narration.args().toArray());
    }

    /** A lesson's own text in the current language. */
    public String lessonText(LocalizedText text) {
        return text.get(locale.get());
    }
}
