// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson;

import java.util.Locale;
import java.util.Objects;

/**
 * A text a lesson carries in Simplified Chinese and English (lesson files write it as
 * "中文 | English"). Either side may be empty; an empty side falls back to the other.
 *
 * @param zh the Chinese text, or ""
 * @param en the English text, or ""
 */
public record LocalizedText(String zh, String en) {
    /** No text in either language. */
    public static final LocalizedText EMPTY = new LocalizedText("", "");

    public LocalizedText {
        zh = Objects.requireNonNull(zh, "zh").strip();
        en = Objects.requireNonNull(en, "en").strip();
    }

    /** The same text in both languages (names, code). */
    public static LocalizedText of(String text) {
        return new LocalizedText(text, text);
    }

    /** The text for a locale: Chinese for any zh locale, English otherwise, with fallback. */
    public String get(Locale locale) {
        boolean chinese = "zh".equals(locale.getLanguage());
        String preferred = chinese ? zh : en;
        return preferred.isEmpty() ? (chinese ? en : zh) : preferred;
    }

    /** True when neither language has text. */
    public boolean isEmpty() {
        return zh.isEmpty() && en.isEmpty();
    }
}
