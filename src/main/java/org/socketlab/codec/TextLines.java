// SPDX-License-Identifier: Apache-2.0
package org.socketlab.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Breaks text into lines no wider than a width: between words in English, between any two
 * characters in Chinese (which has no spaces), and inside a word only when the word alone is
 * wider than the line.
 */
final class TextLines {
    private TextLines() {
    }

    /**
     * The lines of {@code text}; each line feed starts a new line, an empty paragraph stays an
     * empty line.
     *
     * @param width how wide a string is, in the same unit as {@code maxWidth}
     */
    static List<String> wrap(String text, double maxWidth, ToDoubleFunction<String> width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.replace("\r\n", "\n").replace('\t', ' ').split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String token : tokens(paragraph)) {
                String candidate = line + token;
                if (line.length() == 0 || width.applyAsDouble(candidate.stripTrailing()) <= maxWidth) {
                    line.append(token);
                    if (width.applyAsDouble(line.toString().stripTrailing()) > maxWidth) {
                        // One word wider than the line: cut it where it must be cut.
                        lines.addAll(hardBreak(line.toString(), maxWidth, width, line));
                    }
                    continue;
                }
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
                line.append(token.stripLeading());
                if (width.applyAsDouble(line.toString().stripTrailing()) > maxWidth) {
                    lines.addAll(hardBreak(line.toString(), maxWidth, width, line));
                }
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** Whole lines cut from a too-long word; what is left stays in {@code rest}. */
    private static List<String> hardBreak(String word, double maxWidth, ToDoubleFunction<String> width,
                                          StringBuilder rest) {
        List<String> lines = new ArrayList<>();
        String left = word;
        while (width.applyAsDouble(left.stripTrailing()) > maxWidth) {
            int end = left.offsetByCodePoints(0, 1);
            while (end < left.length()
                    && width.applyAsDouble(left.substring(0, left.offsetByCodePoints(end, 1))) <= maxWidth) {
                end = left.offsetByCodePoints(end, 1);
            }
            lines.add(left.substring(0, end));
            left = left.substring(end);
        }
        rest.setLength(0);
        rest.append(left);
        return lines;
    }

    /** Words with the spaces after them, and each CJK character on its own. */
    static List<String> tokens(String paragraph) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i < paragraph.length()) {
            int cp = paragraph.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isCjk(cp)) {
                if (word.length() > 0 && !word.toString().endsWith(" ")) {
                    tokens.add(word.toString());
                    word.setLength(0);
                }
                word.appendCodePoint(cp);
                // CJK punctuation stays with the character before it.
                while (next < paragraph.length() && isClosingPunctuation(paragraph.codePointAt(next))) {
                    int p = paragraph.codePointAt(next);
                    word.appendCodePoint(p);
                    next += Character.charCount(p);
                }
                tokens.add(word.toString());
                word.setLength(0);
            } else if (cp == ' ') {
                word.append(' ');
                tokens.add(word.toString());
                word.setLength(0);
            } else {
                word.appendCodePoint(cp);
            }
            i = next;
        }
        if (word.length() > 0) {
            tokens.add(word.toString());
        }
        return tokens;
    }

    private static boolean isCjk(int cp) {
        return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFFEF)
                || (cp >= 0x20000 && cp <= 0x2FFFF);
    }

    private static boolean isClosingPunctuation(int cp) {
        return "，。、；：？！）》」』】〕,.;:?!)".indexOf(cp) >= 0;
    }
}
