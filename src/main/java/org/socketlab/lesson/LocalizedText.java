// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A text a lesson shows in two languages, written in a lesson file as {@code 中文 | English}.
 * Either part may be empty; {@link #get(Locale)} then falls back to the other one.
 *
 * @param zh the Chinese text, or "" when the lesson gave none
 * @param en the English text, or "" when the lesson gave none
 */
public record LocalizedText(String zh, String en) {
    /** No text in either language. */
    public static final LocalizedText EMPTY = new LocalizedText("", "");

    public LocalizedText {
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }

    /** The same text for both languages. */
    public static LocalizedText of(String both) {
        return new LocalizedText(both, both);
    }

    /**
     * Reads {@code "中文 | English"}. The separator is a bar with a space (or the start or end
     * of the text) on each side, so {@code SHUT_RD|SHUT_WR} stays one piece; {@code \|} is a
     * literal bar. Without a separator the whole text is used for both languages.
     *
     * @throws IllegalArgumentException when more than one separator appears
     */
    public static LocalizedText parse(String text) {
        List<Integer> separators = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '|') {
                i++;
            } else if (c == '|' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))
                    && (i == text.length() - 1 || Character.isWhitespace(text.charAt(i + 1)))) {
                separators.add(i);
            }
        }
        if (separators.size() > 1) {
            throw new IllegalArgumentException("more than one ' | ' in \"" + text.strip() + "\"");
        }
        if (separators.isEmpty()) {
            return of(unescape(text));
        }
        int bar = separators.get(0);
        return new LocalizedText(unescape(text.substring(0, bar)), unescape(text.substring(bar + 1)));
    }

    private static String unescape(String part) {
        return part.replace("\\|", "|").strip();
    }

    /** The text for a locale: Chinese for any "zh" locale, English otherwise, else the other part. */
    public String get(Locale locale) {
        boolean chinese = "zh".equals(locale.getLanguage());
        String first = chinese ? zh : en;
        return first.isEmpty() ? (chinese ? en : zh) : first;
    }

    /** True when neither language has any text. */
    public boolean isEmpty() {
        return zh.isEmpty() && en.isEmpty();
    }

    /** This text followed by another on a new line, language by language. */
    public LocalizedText followedBy(LocalizedText next) {
        return new LocalizedText(join(zh, next.zh), join(en, next.en));
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "\n" + b;
    }
}
