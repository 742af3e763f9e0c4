// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

/**
 * Allocation-free scanning over strace text: skipping strings, {@code -y} decorations,
 * comments and bracketed groups. Every method stays inside {@code [from, end)} and never throws.
 */
final class Scan {
    private Scan() {
    }

    /** At a '"': the index after the closing quote, or -1 if the string is not closed. */
    static int skipString(String s, int from, int end) {
        int i = from + 1;
        while (i < end) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else {
                i++;
            }
        }
        return -1;
    }

    /**
     * At a '<': the index after the matching '>', or -1. Brackets opened by ":[" hide '>'
     * (as in {@code TCP:[1.2.3.4:5->6.7.8.9:10]}); nested {@code <char 1:3>} is balanced.
     */
    static int skipAngle(String s, int from, int end) {
        int angle = 0;
        int bracket = 0;
        int i = from;
        while (i < end) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '"' && bracket > 0) {
                int close = skipString(s, i, end);
                if (close < 0) {
                    return -1;
                }
                i = close;
                continue;
            }
            if (c == '[' && (bracket > 0 || (i > from && s.charAt(i - 1) == ':'))) {
                bracket++;
            } else if (c == ']' && bracket > 0) {
                bracket--;
            } else if (bracket == 0 && c == '<') {
                angle++;
            } else if (bracket == 0 && c == '>') {
                angle--;
                if (angle == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return -1;
    }

    /**
     * True when a '<' at {@code i} starts a {@code -y} decoration (it follows a number or a
     * symbol). {@code <<} is strace's shift in a flag set ({@code 1<<CAP_CHOWN|1<<CAP_KILL},
     * {@code idiag_states=1<<TCP_ESTABLISHED|...}), never a decoration: a decoration holds a
     * path or a {@code TYPE:[...]} name, neither of which starts with '<'.
     */
    static boolean isDecorationStart(String s, int i) {
        return i > 0 && s.charAt(i) == '<' && Scan.isWordChar(s.charAt(i - 1)) && !isShift(s, i);
    }

    /** True when {@code <<} (a shift, as in {@code 1<<TCP_LISTEN}) starts at {@code i}. */
    static boolean isShift(String s, int i) {
        return i + 1 < s.length() && s.charAt(i) == '<' && s.charAt(i + 1) == '<';
    }

    /** At "/*": the index after the closing "*&#47;", or -1. */
    static int skipComment(String s, int from, int end) {
        int close = s.indexOf("*/", from + 2);
        return close < 0 || close + 2 > end ? -1 : close + 2;
    }

    /**
     * The next ',' or {@code closer} outside strings, brackets, decorations and comments,
     * or {@code end}.
     */
    static int skipToSeparator(String s, int from, int end, char closer) {
        int depth = 0;
        int i = from;
        boolean angles = true;
        while (i < end) {
            char c = s.charAt(i);
            int next = skipAtom(s, i, end, angles);
            if (next == NO_ANGLE) {
                angles = false;
                next = i;
            }
            if (next > i) {
                i = next;
                continue;
            }
            if (next < 0) {
                return end;
            }
            if (depth == 0 && (c == ',' || c == closer)) {
                return i;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            }
            i++;
        }
        return end;
    }

    /**
     * The ')' that closes the '(' at {@code open}, or -1 when the brackets do not balance
     * (a wrong kind of closing bracket, an open string, or the end of the range).
     */
    static int matchParen(String s, int open, int end) {
        int depth = 0;
        int i = open + 1;
        boolean angles = true;
        while (i < end) {
            char c = s.charAt(i);
            int next = skipAtom(s, i, end, angles);
            if (next == NO_ANGLE) {
                angles = false;
                next = i;
            }
            if (next > i) {
                i = next;
                continue;
            }
            if (next < 0) {
                return -1;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    return c == ')' ? i : -1;
                }
                depth--;
            }
            i++;
        }
        return -1;
    }

    /** Returned by skipAtom when a decoration never closes: later '<' are plain text (keeps scans linear). */
    private static final int NO_ANGLE = -2;

    /**
     * If a string, decoration or comment starts at {@code i}, the index after it; -1 if a
     * string or comment starts but never ends; {@link #NO_ANGLE} if a decoration never ends;
     * {@code i} if nothing starts here.
     */
    private static int skipAtom(String s, int i, int end, boolean angles) {
        char c = s.charAt(i);
        if (c == '"') {
            return skipString(s, i, end);
        }
        if (angles && c == '<' && isDecorationStart(s, i)) {
            int close = skipAngle(s, i, end);
            return close < 0 ? NO_ANGLE : close;
        }
        if (c == '/' && i + 1 < end && s.charAt(i + 1) == '*') {
            return skipComment(s, i, end);
        }
        return i;
    }

    /** Parses strace's spelling of an integer: decimal, 0x hex, 0-prefixed octal; null if not one. */
    static Long parseNumber(String text) {
        try {
            boolean neg = text.startsWith("-");
            String t = neg ? text.substring(1) : text;
            long v;
            if (t.startsWith("0x") || t.startsWith("0X")) {
                if (t.length() == 2 || t.length() > 18) {
                    return null;
                }
                v = Long.parseUnsignedLong(t.substring(2), 16);
            } else if (t.length() > 1 && t.charAt(0) == '0' && t.chars().allMatch(ch -> ch >= '0' && ch <= '7')) {
                v = Long.parseUnsignedLong(t, 8);
            } else if (t.isEmpty() || t.length() > 20) {
                return null;
            } else {
                v = Long.parseUnsignedLong(t);
            }
            return neg ? -v : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isWordStart(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    }

    static boolean isWordChar(char c) {
        return isWordStart(c) || isDigit(c);
    }
}
