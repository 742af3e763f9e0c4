// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.language;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The languages the window speaks: {@link #BASE}, the language of {@code messages.properties},
 * plus every language that has a {@code messages_xx.properties} beside it. Adding a bundle
 * adds a language; nothing else lists them. A language is chosen by its language code alone
 * ("zh" serves zh-CN, zh-TW, zh-Hans ...).
 */
public final class Languages {
    /** The language of the base bundle, and the one to use when no other fits. */
    public static final Locale BASE = Locale.ENGLISH;

    private static final List<Locale> AVAILABLE = discover();
    private static final Set<String> CJK = Set.of("zh", "ja", "ko");

    private Languages() {
    }

    private static List<Locale> discover() {
        String base = "/" + Messages.BUNDLE.replace('.', '/');
        List<Locale> found = new ArrayList<>();
        found.add(BASE);
        Arrays.stream(Locale.getISOLanguages()).sorted()
                .filter(code -> !code.equals(BASE.getLanguage()))
                .filter(code -> Languages.class.getResource(base + "_" + code + ".properties") != null)
                .map(Locale::forLanguageTag)
                .forEach(found::add);
        return List.copyOf(found);
    }

    /** Every language the app has, the base language first. */
    public static List<Locale> available() {
        return AVAILABLE;
    }

    /** The language codes of {@link #available()}, e.g. "en, zh", for help and error texts. */
    public static String codes() {
        return AVAILABLE.stream().map(Locale::getLanguage).collect(Collectors.joining(", "));
    }

    /**
     * The available language a tag asks for: "zh", "zh-CN", "zh_CN" and "ZH" all give Chinese.
     * Empty when the app does not have that language.
     */
    public static Optional<Locale> find(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return AVAILABLE.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }

    /** The language to open in on a system with this locale: its own when the app has it, else the base. */
    public static Locale defaultFor(Locale system) {
        return find(system.toLanguageTag()).orElse(BASE);
    }

    /**
     * True for Chinese, Japanese and Korean: their words have no glyphs in the system's
     * monospace font, so the stylesheet shows them in the bundled font (pseudo-class {@code :cjk}).
     */
    public static boolean usesCjkScript(Locale language) {
        return CJK.contains(language.getLanguage());
    }

    /** The language to open in on this machine, from {@link Locale#getDefault()}. */
    public static Locale systemDefault() {
        return defaultFor(Locale.getDefault());
    }
}
