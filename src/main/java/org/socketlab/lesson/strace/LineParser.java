// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

import java.util.List;

/**
 * The syntax of one strace line: the pid and timestamp prefix, a call with its result and
 * duration, a signal, an exit. Keeps no state between lines except caches of argument lists
 * and results, which repeat endlessly in big logs ({@code close(3) = 0}).
 */
final class LineParser {
    /** Linux's largest possible pid (PID_MAX_LIMIT); a longer number before a call is a timestamp. */
    private static final int PID_MAX = 4_194_304;
    private static final int CACHE_KEY_MAX = 256;
    private static final int CACHE_MAX = 8192;

    private final Interner interner;
    private final Warnings warnings;
    private final RegionMap<List<Arg>> argCache = new RegionMap<>(CACHE_MAX);
    private final RegionMap<Result> resultCache = new RegionMap<>(CACHE_MAX);

    /** Set by {@link #prefix}: the pid printed before the line, or -1. */
    int pid;
    /** Set by {@link #prefix}: the raw timestamp, or null. */
    String timestamp;
    /** Set by {@link #prefix}: where the line's body (call, signal, exit...) starts. */
    int body;
    /** Set by {@link #call}: whether the call carried a -y decoration anywhere. */
    boolean sawDecoration;

    /** Receives warnings with a position in the text being parsed. */
    interface Warnings {
        void warn(Origin origin, int pos, String message);
    }

    /** A parsed call line: what {@link TraceCall} needs besides the bookkeeping. */
    record CallParts(String name, List<Arg> args, Result result, Double duration) {
    }

    LineParser(Interner interner, Warnings warnings) {
        this.interner = interner;
        this.warnings = warnings;
    }

    /** Reads "5046  ", "[pid 5046] ", then "22:31:07.123456 " (any -t/-tt/-ttt/-r form), then -i/-n brackets. */
    void prefix(String line) {
        pid = -1;
        timestamp = null;
        int n = line.length();
        int i = 0;
        if (line.startsWith("[pid ")) {
            int j = skipSpaces(line, 5);
            int d = digits(line, j);
            if (d > j && d < n && line.charAt(d) == ']' && d - j <= 7) {
                int v = Integer.parseInt(line, j, d, 10);
                if (v >= 1) { // pid 0 is the kernel's idle task: never traced
                    pid = v;
                    i = d + 1;
                }
            }
        } else {
            int d = digits(line, 0);
            if (d > 0 && d <= 7 && d < n && line.charAt(d) == ' ') {
                int v = Integer.parseInt(line, 0, d, 10);
                if (v >= 1 && v <= PID_MAX) { // pid 0 is the kernel's idle task: never traced
                    pid = v;
                    i = d;
                }
            }
        }
        i = skipSpaces(line, i);
        int j = i;
        while (j < n && (isDigit(line.charAt(j)) || line.charAt(j) == ':' || line.charAt(j) == '.')) {
            j++;
        }
        if (j > i && j < n && line.charAt(j) == ' ' && isDigit(line.charAt(i)) && isDigit(line.charAt(j - 1))) {
            timestamp = line.substring(i, j);
            i = skipSpaces(line, j);
        }
        if (i < n && line.charAt(i) == '[' && !line.startsWith("[ Process", i)) {
            int k = i + 1;
            while (k < n && (Character.digit(line.charAt(k), 16) >= 0 || line.charAt(k) == ' ')) {
                k++;
            }
            if (k > i + 1 && k + 1 < n && line.charAt(k) == ']' && line.charAt(k + 1) == ' ') {
                i = skipSpaces(line, k + 1);
            }
        }
        body = i;
    }

    /** The end of a call's name when {@code text[from]} starts "name(", else -1. */
    static int callNameEnd(String text, int from) {
        int i = from;
        while (i < text.length() && (Scan.isWordChar(text.charAt(i)) || text.charAt(i) == '?')) {
            i++;
        }
        return i > from && i < text.length() && text.charAt(i) == '(' ? i : -1;
    }

    /**
     * Parses {@code name(args) = result <duration>} from {@code text[nameStart..]}; null (after a
     * warning) when there is no closing parenthesis or no result.
     */
    CallParts call(String text, int nameStart, Origin origin) {
        int open = callNameEnd(text, nameStart);
        if (open < 0) {
            warnings.warn(origin, nameStart, "expected a system call name followed by '('");
            return null;
        }
        String name = interner.intern(text, nameStart, open);
        int end = text.length();
        while (end > open && text.charAt(end - 1) == ' ') {
            end--;
        }
        Double duration = null;
        if (end > 0 && text.charAt(end - 1) == '>') {
            int lt = text.lastIndexOf(" <", end - 1);
            if (lt > open && isDuration(text, lt + 2, end - 1)) {
                duration = Double.valueOf(text.substring(lt + 2, end - 1));
                end = lt;
                while (end > open && text.charAt(end - 1) == ' ') {
                    end--;
                }
            }
        }
        int close = Scan.matchParen(text, open, end);
        if (close < 0) {
            ArgParser p = new ArgParser(text, open + 1, end, interner);
            p.arguments();
            int at = p.errorPos() >= 0 ? p.errorPos() : end;
            String why = p.errorPos() >= 0 ? p.error() : "missing ')'";
            warnings.warn(origin, at, name + "(...) cannot be read: " + why);
            return null;
        }
        List<Arg> args = arguments(text, open + 1, close, origin);
        int i = skipSpaces(text, close + 1);
        if (i >= end || text.charAt(i) != '=') {
            warnings.warn(origin, Math.min(i, end), name + "(...) has no result: expected \" = \" after ')'");
            return null;
        }
        i = skipSpaces(text, i + 1);
        if (i >= end) {
            warnings.warn(origin, i, name + "(...) has no result after '='");
            return null;
        }
        Result result = result(text, i, end, name, origin);
        return result == null ? null : new CallParts(name, args, result, duration);
    }

    private List<Arg> arguments(String text, int from, int to, Origin origin) {
        boolean cached = to - from <= CACHE_KEY_MAX;
        if (cached) {
            List<Arg> known = argCache.get(text, from, to);
            if (known != null) {
                int lt = text.indexOf('<', from);
                sawDecoration |= lt >= 0 && lt < to;
                return known;
            }
        }
        ArgParser p = new ArgParser(text, from, to, interner);
        List<Arg> args = p.arguments();
        if (p.errorPos() >= 0) {
            warnings.warn(origin, p.errorPos(), p.error());
        } else if (cached) {
            argCache.put(text.substring(from, to), args);
        }
        for (int k = from; k < to && !sawDecoration; k++) {
            sawDecoration = Scan.isDecorationStart(text, k);
        }
        return args;
    }

    /** Parses {@code ?}, {@code 5<TCP:[...]>}, {@code -1 EMFILE (Too many open files)}, {@code 0 (Timeout)}. */
    private Result result(String text, int from, int to, String name, Origin origin) {
        boolean cached = to - from <= CACHE_KEY_MAX;
        Result known = cached ? resultCache.get(text, from, to) : null;
        if (known != null) {
            return known;
        }
        int i = from;
        Long value = null;
        Decoration decoration = null;
        if (text.charAt(i) == '?') {
            i++;
        } else {
            int start = i;
            if (text.charAt(i) == '-') {
                i++;
            }
            while (i < to && (Character.digit(text.charAt(i), 16) >= 0 || text.charAt(i) == 'x')) {
                i++;
            }
            value = Scan.parseNumber(text.substring(start, i));
            if (value == null) {
                warnings.warn(origin, start, name + "(...) = ?: the result is not a number");
                return null;
            }
            if (i < to && text.charAt(i) == '<') {
                int stop = Scan.skipAngle(text, i, to);
                if (stop < 0) {
                    warnings.warn(origin, i, "unterminated <...> decoration in the result");
                    return null;
                }
                decoration = new Decoration(interner.intern(text.substring(i + 1, stop - 1)));
                sawDecoration = true;
                i = stop;
            }
        }
        i = skipSpaces(text, i);
        String errno = null;
        String message = null;
        if (i < to && text.charAt(i) >= 'A' && text.charAt(i) <= 'Z') {
            int e = i;
            while (e < to && (Scan.isWordChar(text.charAt(e)))) {
                e++;
            }
            errno = interner.intern(text.substring(i, e));
            i = skipSpaces(text, e);
            if (i < to && text.charAt(i) == '(') {
                int close = closingParen(text, i, to);
                message = interner.intern(text.substring(i + 1, close < 0 ? to : close));
                i = close < 0 ? to : skipSpaces(text, close + 1);
            }
        }
        String note = i < to ? interner.intern(text.substring(i, to).trim()) : null;
        Result r = new Result(value, decoration, errno, message, note);
        if (cached) {
            resultCache.put(text.substring(from, to), r);
        }
        return r;
    }

    /** Parses the body of {@code --- SIGCHLD {si_signo=...} ---} or {@code --- stopped by SIGSTOP ---}. */
    TraceSignal signal(String line, int lineNo, Integer pidValue, Origin origin) {
        int from = body + 4;
        int to = line.length();
        while (to > from && line.charAt(to - 1) == ' ') {
            to--;
        }
        if (!line.startsWith("---", to - 3) || to - 3 < from) {
            warnings.warn(origin, to, "a signal line should end with \"---\"");
            return null;
        }
        to = to - 3;
        boolean stopped = line.startsWith("stopped by ", from);
        int i = stopped ? from + 11 : from;
        int e = i;
        while (e < to && line.charAt(e) != ' ') {
            e++;
        }
        if (e == i) {
            warnings.warn(origin, i, "a signal line should name the signal");
            return null;
        }
        String sig = interner.intern(line.substring(i, e));
        Arg.Struct info = null;
        int s = skipSpaces(line, e);
        if (s < to && line.charAt(s) == '{') {
            ArgParser p = new ArgParser(line, s, to, interner);
            Arg a = p.value();
            if (p.errorPos() >= 0) {
                warnings.warn(origin, p.errorPos(), p.error());
            }
            info = a instanceof Arg.Struct st ? st : null;
        }
        return new TraceSignal(lineNo, pidValue, sig, info, stopped, timestamp, line);
    }

    /** Parses {@code +++ exited with 0 +++} and {@code +++ killed by SIGKILL (core dumped) +++}; null otherwise. */
    TraceExit exit(String line, int lineNo, Integer pidValue) {
        String b = line.substring(body).trim();
        if (!b.endsWith("+++") || b.length() < 7) {
            return null;
        }
        String mid = b.substring(4, b.length() - 3).trim();
        if (mid.startsWith("exited with ")) {
            String code = mid.substring(12).trim();
            if (code.isEmpty() || code.length() > 9 || !code.chars().allMatch(Character::isDigit)) {
                return null;
            }
            return new TraceExit(lineNo, pidValue, Integer.parseInt(code), null, false, timestamp, line);
        }
        if (mid.startsWith("killed by ")) {
            String rest = mid.substring(10).trim();
            boolean core = rest.endsWith("(core dumped)");
            if (core) {
                rest = rest.substring(0, rest.length() - 13).trim();
            }
            if (rest.isEmpty() || rest.indexOf(' ') >= 0) {
                return null;
            }
            return new TraceExit(lineNo, pidValue, null, interner.intern(rest), core, timestamp, line);
        }
        return null;
    }

    private static int closingParen(String s, int open, int to) {
        int depth = 0;
        for (int i = open; i < to; i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isDuration(String s, int from, int to) {
        boolean dot = false;
        if (to - from < 3 || to - from > 24) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '.' && !dot && i > from && i < to - 1) {
                dot = true;
            } else if (!isDigit(c)) {
                return false;
            }
        }
        return dot;
    }

    static int skipSpaces(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static int digits(String s, int i) {
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
