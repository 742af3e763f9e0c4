// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages Socket Lab speaks: English (the base bundle) and every language that has a
 * {@code messages_xx.properties} beside it. A translation added to the resources appears in
 * the export dialog and the command line's {@code --lang} without touching code.
 */
public final class Languages {
    private static final String BASE = "/" + Messages.BUNDLE.replace('.', '/');

    private Languages() {
    }

    /** English first, then every language with a bundle, by language code. */
    public static List<Locale> available() {
        List<Locale> locales = new ArrayList<>();
        locales.add(Locale.ENGLISH);
        for (String code : Locale.getISOLanguages()) {
            if (!code.equals("en") && hasBundle(code)) {
                locales.add(Locale.forLanguageTag(code));
            }
        }
        return locales;
    }

    /** The available language a tag such as {@code zh}, {@code zh-CN} or {@code EN} asks for. */
    public static Optional<Locale> find(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return available().stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }

    /** The available language closest to {@code locale}, English when none fits. */
    public static Locale closest(Locale locale) {
        return find(locale.toLanguageTag()).orElse(Locale.ENGLISH);
    }

    private static boolean hasBundle(String language) {
        return Languages.class.getResource(BASE + "_" + language + ".properties") != null;
    }
}
