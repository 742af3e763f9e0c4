// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses strace's argument syntax in one range of a line into {@link Arg} trees. It never
 * throws: text it cannot shape becomes {@link Arg.Raw}, and the first structural problem
 * (an unterminated string, a missing bracket) is remembered with its position so the line
 * parser can warn about it.
 */
final class ArgParser {
    private final String s;
    private final int end;
    private final Interner interner;
    private int pos;
    private int depth;
    private int errorPos = -1;
    private String error;

    /** Guards against stack exhaustion on absurdly nested input such as fuzzed lines. */
    private static final int MAX_DEPTH = 200;

    ArgParser(String s, int start, int end, Interner interner) {
        this.s = s;
        this.pos = start;
        this.end = end;
        this.interner = interner;
    }

    int pos() {
        return pos;
    }

    /** Position of the first structural problem, or -1. */
    int errorPos() {
        return errorPos;
    }

    String error() {
        return error;
    }

    /** Parses a whole range as a comma-separated argument list. */
    List<Arg> arguments() {
        Items items = items((char) 0);
        if (items.more) {
            items.list.add(new Arg.Raw("..."));
        }
        return List.copyOf(items.list);
    }

    /** Parses one value (used for a signal's siginfo struct). */
    Arg value() {
        skipWs();
        return value((char) 0);
    }

    private static final class Items {
        final ArrayList<Arg> list = new ArrayList<>(4);
        boolean more;
        String comment;
    }

    private Items items(char closer) {
        Items it = new Items();
        skipWs();
        while (pos < end) {
            int before = pos;
            char c = s.charAt(pos);
            if (c == closer) {
                break;
            }
            if (c == ',') {
                pos++;
                skipWs();
                continue;
            }
            if (startsWith("/*")) {
                it.comment = comment();
                skipWs();
                continue;
            }
            if (startsWith("...")) {
                it.more = true;
                pos += 3;
                skipWs();
                continue;
            }
            int itemStart = pos;
            Arg a = item(closer);
            it.list.add(a);
            skipWs();
            if (pos < end) {
                c = s.charAt(pos);
                if (c == ',') {
                    pos++;
                    skipWs();
                } else if (c != closer && !(closer == ']' && Scan.isWordStart(c) && a instanceof Arg.Flags)) {
                    int stop = skipToSeparator(closer);
                    it.list.set(it.list.size() - 1, new Arg.Raw(s.substring(itemStart, stop).trim()));
                }
            }
            if (pos == before) {
                fail(pos, "unexpected '" + s.charAt(pos) + "'");
                pos++;
            }
        }
        return it;
    }

    private Arg item(char closer) {
        int i = pos;
        if (i < end && Scan.isWordStart(s.charAt(i))) {
            while (i < end && (Scan.isWordChar(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            if (i < end && s.charAt(i) == '=' && (i + 1 >= end || (s.charAt(i + 1) != '=' && s.charAt(i + 1) != '>'))) {
                String name = interner.intern(s.substring(pos, i));
                pos = i + 1;
                return new Arg.Named(name, value(closer));
            }
        }
        return value(closer);
    }

    private Arg value(char closer) {
        int start = pos;
        if (++depth > MAX_DEPTH) {
            fail(pos, "nested too deeply");
            pos = end;
            depth--;
            return new Arg.Raw(s.substring(start, end));
        }
        try {
            Arg first = term(closer);
            int save = pos;
            skipWs();
            if (startsWith("=>")) {
                pos += 2;
                skipWs();
                return new Arg.InOut(first, value(closer));
            }
            pos = save;
            if (pos < end && (s.charAt(pos) == '|' || s.charAt(pos) == '*' || startsWith("<<"))
                    && !startsWith("||")) {
                first = chain(start, first, closer);
            } else if (isExpressionAhead()) {
                return new Arg.Raw(s.substring(start, skipToSeparator(closer)).trim());
            }
            save = pos;
            skipWs();
            if (startsWith("/*")) {
                return Comments.attach(first, comment(), interner);
            }
            pos = save;
            return first;
        } finally {
            depth--;
        }
    }

    /** {@code A|B|0x60}, {@code 8192*1024}, {@code 1<<4}: flag sets and arithmetic strace prints. */
    private Arg chain(int start, Arg first, char closer) {
        List<String> names = new ArrayList<>(4);
        long bits = 0;
        long product = 1;
        boolean flags = false;
        boolean arithmetic = false;
        Arg t = first;
        char op = 0;
        while (true) {
            if (t instanceof Arg.Flags f && f.names().size() == 1 && f.decoration() == null && op != '*' && op != '<') {
                names.add(f.names().get(0));
                flags = true;
            } else if (t instanceof Arg.Num n && n.decoration() == null) {
                if (op == '*') {
                    product *= n.value();
                } else if (op == '<') {
                    product <<= n.value();
                } else if (op == '|') {
                    bits |= n.value();
                } else {
                    bits = n.value();
                    product = n.value();
                }
            } else {
                return new Arg.Raw(s.substring(start, skipToSeparator(closer)).trim());
            }
            if (pos < end && (s.charAt(pos) == '|' || s.charAt(pos) == '*') && !startsWith("||")) {
                op = s.charAt(pos++);
            } else if (startsWith("<<")) {
                op = '<';
                pos += 2;
            } else {
                break;
            }
            if (op == '|') {
                flags = true;
            } else {
                arithmetic = true;
            }
            t = term(closer);
        }
        String raw = interner.intern(s.substring(start, pos));
        if (flags && arithmetic) {
            return new Arg.Raw(raw);
        }
        if (arithmetic) {
            return new Arg.Num(product, raw, null, null);
        }
        return new Arg.Flags(names, bits, null, null, raw);
    }

    private boolean isExpressionAhead() {
        int i = pos;
        while (i < end && s.charAt(i) == ' ') {
            i++;
        }
        return s.startsWith("&&", i) || s.startsWith("||", i) || s.startsWith("==", i)
                || s.startsWith("!=", i) || s.startsWith("+ ", i) || s.startsWith("- ", i)
                || (i > pos && i < end && s.charAt(i) == '?');
    }

    private Arg term(char closer) {
        if (pos >= end) {
            return new Arg.Raw("");
        }
        char c = s.charAt(pos);
        if (c == '"') {
            return string(false);
        }
        if (c == '@' && pos + 1 < end && s.charAt(pos + 1) == '"') {
            pos++;
            return string(true);
        }
        if (c == '{') {
            pos++;
            Items it = items('}');
            expect('}');
            return new Arg.Struct(it.list, it.more);
        }
        if (c == '[' || (c == '~' && pos + 1 < end && s.charAt(pos + 1) == '[')) {
            boolean complement = c == '~';
            pos += complement ? 2 : 1;
            Items it = items(']');
            expect(']');
            return new Arg.Array(it.list, it.more, complement, it.comment);
        }
        if (Scan.isDigit(c) || (c == '-' && pos + 1 < end && Scan.isDigit(s.charAt(pos + 1)))) {
            return number(closer);
        }
        if (Scan.isWordStart(c)) {
            int start = pos;
            while (pos < end && Scan.isWordChar(s.charAt(pos))) {
                pos++;
            }
            String name = interner.intern(s.substring(start, pos));
            if (pos < end && s.charAt(pos) == '(') {
                pos++;
                Items it = items(')');
                expect(')');
                return new Arg.Func(name, it.list);
            }
            if (name.equals("NULL")) {
                return Arg.NULL;
            }
            return new Arg.Flags(List.of(name), 0, decoration(), null, name);
        }
        if (c == '<') {
            int start = pos;
            int stop = Scan.skipAngle(s, pos, end);
            if (stop < 0) {
                fail(pos, "unterminated '<'");
                stop = end;
            }
            pos = stop;
            return new Arg.Raw(s.substring(start, stop));
        }
        if (c == '/' && startsWith("/*")) {
            return new Arg.Raw("/* " + comment() + " */");
        }
        int start = pos;
        int stop = skipToSeparator(closer);
        if (stop == start) {
            pos = Math.min(end, start + 1);
            if (c == ')' || c == ']' || c == '}') {
                fail(start, "unexpected '" + c + "'");
            }
        }
        return new Arg.Raw(s.substring(start, pos).trim());
    }

    private Arg number(char closer) {
        int start = pos;
        if (s.charAt(pos) == '-') {
            pos++;
        }
        boolean hex = startsWith("0x") || startsWith("0X");
        if (hex) {
            pos += 2;
            while (pos < end && Character.digit(s.charAt(pos), 16) >= 0) {
                pos++;
            }
        } else {
            while (pos < end && Scan.isDigit(s.charAt(pos))) {
                pos++;
            }
        }
        if (pos < end && (Scan.isWordChar(s.charAt(pos)) || s.charAt(pos) == '.' || s.charAt(pos) == ':')) {
            while (pos < end && (Scan.isWordChar(s.charAt(pos)) || s.charAt(pos) == '.' || s.charAt(pos) == ':')) {
                pos++;
            }
            return new Arg.Raw(s.substring(start, pos));
        }
        String text = interner.intern(s.substring(start, pos));
        Long value = Scan.parseNumber(text);
        if (value == null) {
            return new Arg.Raw(text);
        }
        return new Arg.Num(value, text, decoration(), null);
    }

    private static final String DELETED = "(deleted)";

    private Decoration decoration() {
        if (pos >= end || s.charAt(pos) != '<' || startsWith("<<")) {
            return null;
        }
        int stop = Scan.skipAngle(s, pos, end);
        if (stop < 0) {
            fail(pos, "unterminated <...> decoration");
            pos = end;
            return null;
        }
        String text = interner.intern(s.substring(pos + 1, stop - 1));
        pos = stop;
        // -y marks a file whose path was unlinked (or a /proc file of a process) "(deleted)"
        // after the decoration: part of it, not another argument.
        if (s.startsWith(DELETED, pos) && pos + DELETED.length() <= end) {
            pos += DELETED.length();
        }
        return new Decoration(text);
    }

    private Arg string(boolean abstractName) {
        int open = pos;
        int close = Scan.skipString(s, pos, end);
        if (close < 0) {
            fail(open, "unterminated string");
            pos = end;
            return new Arg.Str(Escapes.decode(s, open + 1, end), true, abstractName);
        }
        pos = close;
        boolean truncated = startsWith("...");
        if (truncated) {
            pos += 3;
        }
        return new Arg.Str(Escapes.decode(s, open + 1, close - 1), truncated, abstractName);
    }

    private String comment() {
        int close = s.indexOf("*/", pos + 2);
        if (close < 0 || close + 2 > end) {
            fail(pos, "unterminated comment");
            String c = s.substring(pos + 2, end).trim();
            pos = end;
            return c;
        }
        String c = interner.intern(s.substring(pos + 2, close).trim());
        pos = close + 2;
        return c;
    }

    private void expect(char closer) {
        if (pos < end && s.charAt(pos) == closer) {
            pos++;
        } else {
            fail(pos, "missing '" + closer + "'");
        }
    }

    /** Moves to the next ',' or {@code closer} outside brackets and strings; returns that position. */
    private int skipToSeparator(char closer) {
        pos = Scan.skipToSeparator(s, pos, end, closer);
        return pos;
    }

    private void fail(int at, String message) {
        if (errorPos < 0) {
            errorPos = at;
            error = message;
        }
    }

    private void skipWs() {
        while (pos < end && s.charAt(pos) == ' ') {
            pos++;
        }
    }

    private boolean startsWith(String p) {
        return pos + p.length() <= end && s.startsWith(p, pos);
    }
}
