// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a lesson's text into tokens and {@code //} comments. Skips whitespace, block comments
 * and {@code #include} lines; reports what C would not accept either.
 */
final class Tokenizer {
    /** What the tokenizer produced. */
    record Result(List<Token> tokens, List<Comment> comments, boolean unterminatedComment) {
    }

    private static final Set<String> TWO_CHAR_PUNCT = Set.of("==", "!=", "<=", ">=", "||", "&&", "->", "++", "--");
    private static final String NAMES_HINT = "names in code use English letters, digits and '_'; "
            + "write other text in a comment or in a say: line";
    /** Characters an input method slips in instead of the ASCII ones C needs. */
    private static final Map<Integer, String> LOOKALIKES = Map.of(
            0xFF08, "(", 0xFF09, ")", 0xFF0C, ",", 0xFF1B, ";", 0x201C, "\"", 0x201D, "\"",
            0xFF1D, "=", 0xFF5C, "|", 0x3000, "space", 0x00A0, "space");

    private final String text;
    private final Problems problems;
    private final List<Token> tokens = new ArrayList<>();
    private final List<Comment> comments = new ArrayList<>();
    private boolean unterminatedComment;
    private int pos;
    private int line = 1;
    private int column = 1;
    private boolean codeOnLine;

    private Tokenizer(String text, Problems problems) {
        this.text = text;
        this.problems = problems;
    }

    static Result tokenize(String text, Problems problems) {
        Tokenizer t = new Tokenizer(text, problems);
        t.run();
        return new Result(List.copyOf(t.tokens), List.copyOf(t.comments), t.unterminatedComment);
    }

    private void run() {
        while (pos < text.length()) {
            int c = text.codePointAt(pos);
            if (c == '\n' || c == '\r') {
                newline();
            } else if (c == ' ' || c == '\t' || c == '\f' || c == 0x0B) {
                advance();
            } else if (c == '/' && peekChar(1) == '/') {
                lineComment();
            } else if (c == '/' && peekChar(1) == '*') {
                blockComment();
            } else if (c == '#' && !codeOnLine) {
                preprocessorLine();
            } else if (isNameStart(c)) {
                name();
            } else if (c >= '0' && c <= '9') {
                number();
            } else if (c == '"') {
                string();
            } else if (c > ' ' && c < 0x7F) {
                punct();
            } else {
                unexpected(c);
            }
        }
        tokens.add(new Token(Token.Kind.EOF, "", line, column, pos, pos, "", 0));
    }

    private int peekChar(int ahead) {
        return pos + ahead < text.length() ? text.charAt(pos + ahead) : -1;
    }

    private void advance() {
        pos += Character.charCount(text.codePointAt(pos));
        column++;
    }

    private void newline() {
        if (text.charAt(pos) == '\r' && peekChar(1) == '\n') {
            pos++;
        }
        pos++;
        line++;
        column = 1;
        codeOnLine = false;
    }

    private boolean atLineEnd() {
        return pos >= text.length() || text.charAt(pos) == '\n' || text.charAt(pos) == '\r';
    }

    private void lineComment() {
        int start = pos;
        int startColumn = column;
        while (!atLineEnd()) {
            advance();
        }
        comments.add(new Comment(text.substring(start + 2, pos), line, startColumn, start));
    }

    private void blockComment() {
        int startLine = line;
        int startColumn = column;
        advance();
        advance();
        while (pos < text.length()) {
            if (text.charAt(pos) == '*' && peekChar(1) == '/') {
                advance();
                advance();
                return;
            }
            if (atLineEnd()) {
                newline();
            } else {
                advance();
            }
        }
        problems.addAndMute(startLine, startColumn, "unterminated comment", "close it with */");
        problems.muteFrom(startLine);
        unterminatedComment = true;
    }

    /** A feature-test macro ({@code define _GNU_SOURCE}, {@code define _POSIX_C_SOURCE 200809L}): no effect on a lesson. */
    private static final Pattern FEATURE_TEST =
            Pattern.compile("define\\s+_[A-Z0-9_]*SOURCE\\b[\\s\\w]*");

    private void preprocessorLine() {
        int startLine = line;
        int startColumn = column;
        int start = pos;
        while (!atLineEnd()) {
            if (text.charAt(pos) == '\\' && (peekChar(1) == '\n' || peekChar(1) == '\r')) {
                advance();
                newline();
            } else {
                advance();
            }
        }
        String directive = text.substring(start + 1, pos).strip();
        if (!directive.isEmpty() && !directive.startsWith("include") && !FEATURE_TEST.matcher(directive).matches()) {
            problems.addAndMute(startLine, startColumn,
                    "only #include and feature-test lines (#define _GNU_SOURCE) may appear in a lesson",
                    "Socket Lab ignores #include lines and #define _GNU_SOURCE; other #define and preprocessor lines "
                            + "are not supported, so write the value itself where it is used");
        }
    }

    private static boolean isNameStart(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isNamePart(int c) {
        return isNameStart(c) || c >= '0' && c <= '9';
    }

    private void name() {
        int start = pos;
        int startColumn = column;
        while (pos < text.length() && isNamePart(text.charAt(pos))) {
            advance();
        }
        add(Token.Kind.NAME, start, startColumn, "", 0);
    }

    private void number() {
        int start = pos;
        int startColumn = column;
        while (pos < text.length() && isNamePart(text.charAt(pos))) {
            advance();
        }
        String literal = text.substring(start, pos);
        long value = parseNumber(literal);
        if (value == -1) {
            problems.addAndMute(line, startColumn, "bad number '" + literal + "'",
                    "write numbers as in C: 42, 0x2a (hex) or 052 (octal), with no letters after them");
            value = 0;
        } else if (value == -2) {
            problems.addAndMute(line, startColumn, "number too large: " + literal,
                    "arguments are C ints, at most 2147483647");
            value = 0;
        }
        add(Token.Kind.NUMBER, start, startColumn, "", value);
    }

    /** The value of a C integer literal; -1 when malformed, -2 when above 2^31. */
    static long parseNumber(String literal) {
        int radix = 10;
        String digits = literal;
        if (literal.startsWith("0x") || literal.startsWith("0X")) {
            radix = 16;
            digits = literal.substring(2);
        } else if (literal.length() > 1 && literal.charAt(0) == '0') {
            radix = 8;
            digits = literal.substring(1);
        }
        if (digits.isEmpty()) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), radix);
            if (d < 0) {
                return -1;
            }
            value = value * radix + d;
            if (value > (1L << 31)) {
                return -2;
            }
        }
        return value;
    }

    private void string() {
        int start = pos;
        int startColumn = column;
        StringBuilder value = new StringBuilder();
        advance();
        while (true) {
            if (atLineEnd()) {
                problems.addAndMute(line, startColumn, "unterminated string", "close the string with \" on the same line");
                break;
            }
            int c = text.codePointAt(pos);
            if (c == '"') {
                advance();
                break;
            }
            if (c == '\\') {
                int escapeColumn = column;
                advance();
                if (atLineEnd()) {
                    continue;
                }
                int e = text.codePointAt(pos);
                int decoded = switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case '0' -> 0;
                    case '\\', '"', '\'' -> e;
                    default -> -1;
                };
                if (decoded < 0) {
                    problems.addAndMute(line, escapeColumn, "unknown escape '\\" + Character.toString(e) + "'",
                            "a string may use \\n, \\t, \\r, \\0, \\\\ and \\\"");
                    decoded = e;
                }
                value.appendCodePoint(decoded);
                advance();
                continue;
            }
            value.appendCodePoint(c);
            advance();
        }
        add(Token.Kind.STRING, start, startColumn, value.toString(), 0);
    }

    private void punct() {
        int start = pos;
        int startColumn = column;
        if (pos + 2 <= text.length() && TWO_CHAR_PUNCT.contains(text.substring(pos, pos + 2))) {
            advance();
        }
        advance();
        add(Token.Kind.PUNCT, start, startColumn, "", 0);
    }

    private void unexpected(int c) {
        if (Character.isLetterOrDigit(c)) {
            int startColumn = column;
            int start = pos;
            while (pos < text.length() && Character.isLetterOrDigit(text.codePointAt(pos))) {
                advance();
            }
            problems.addAndMute(line, startColumn, "unexpected characters '" + text.substring(start, pos) + "'",
                    NAMES_HINT);
            return;
        }
        String shown = Character.isISOControl(c) ? String.format("U+%04X", c) : Character.toString(c);
        String lookalike = LOOKALIKES.get(c);
        String hint;
        if (lookalike == null) {
            hint = NAMES_HINT;
        } else if (lookalike.equals("space")) {
            hint = "this is not an ordinary space; replace it with a plain space";
        } else {
            hint = "this is a full-width or typographic '" + shown + "'; type the ASCII '" + lookalike
                    + "' (switch the input method to half-width)";
        }
        problems.addAndMute(line, column, "unexpected character '" + shown + "'", hint);
        advance();
    }

    private void add(Token.Kind kind, int start, int startColumn, String string, long number) {
        tokens.add(new Token(kind, text.substring(start, pos), line, startColumn, start, pos, string, number));
        codeOnLine = true;
    }
}
