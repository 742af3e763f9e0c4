// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.editor;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * The colours of C in the editor: keywords, types, the socket calls and constants, strings,
 * numbers, comments and preprocessor lines, as style classes over the text.
 */
final class CSyntax {
    private static final String KEYWORDS = "break|case|continue|default|do|else|for|goto|if|return|sizeof|switch|while"
            + "|typedef|struct|union|enum|static|extern|const|volatile|register|inline|auto|restrict";
    private static final String TYPES = "void|char|short|int|long|float|double|signed|unsigned|_Bool|bool"
            + "|size_t|ssize_t|socklen_t|pid_t|in_addr_t|in_port_t|uint8_t|uint16_t|uint32_t|uint64_t";
    private static final Pattern PATTERN = Pattern.compile(
            "(?<COMMENT>//[^\n]*|/\\*(?:.|\\R)*?(?:\\*/|\\z))"
                    + "|(?<PREPROCESSOR>^[ \t]*#[^\n]*)"
                    + "|(?<STRING>\"(?:[^\"\\\\\n]|\\\\.)*\"?|'(?:[^'\\\\\n]|\\\\.)*'?)"
                    + "|(?<KEYWORD>\\b(?:" + KEYWORDS + ")\\b)"
                    + "|(?<TYPE>\\b(?:" + TYPES + ")\\b)"
                    + "|(?<CONSTANT>\\b(?:[A-Z][A-Z0-9_]{1,})\\b)"
                    + "|(?<NUMBER>\\b(?:0[xX][0-9a-fA-F]+|[0-9]+)[uUlL]*\\b)",
            Pattern.MULTILINE);
    private static final List<String> GROUPS = List.of("COMMENT", "PREPROCESSOR", "STRING", "KEYWORD", "TYPE",
            "CONSTANT", "NUMBER");

    private CSyntax() {
    }

    /** The style classes of every stretch of the text ("c-keyword", "c-comment", ...; none for plain text). */
    static StyleSpans<Collection<String>> spans(String text) {
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        Matcher m = PATTERN.matcher(text);
        int end = 0;
        while (m.find()) {
            String kind = null;
            for (String group : GROUPS) {
                if (m.group(group) != null) {
                    kind = group;
                    break;
                }
            }
            spans.add(List.of(), m.start() - end);
            spans.add(List.of(styleOf(kind)), m.end() - m.start());
            end = m.end();
        }
        spans.add(List.of(), text.length() - end);
        return spans.create();
    }

    private static String styleOf(String group) {
        return "c-" + group.toLowerCase(Locale.ROOT);
    }
}
