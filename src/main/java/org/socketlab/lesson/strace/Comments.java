// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

import java.util.ArrayList;
import java.util.List;

/**
 * What a {@code /* ... *}{@code /} comment after a value means: "AF_???" marks a number strace
 * could not name, "AF_INET" or "SOCK_STREAM|SOCK_CLOEXEC" after a number is {@code -X verbose}
 * naming it, anything else ("5 entries", "39 vars") is kept as the comment of a number,
 * flag set or array (a comment after a string or a struct is dropped).
 */
final class Comments {
    private Comments() {
    }

    /** The value with its comment attached, turned into {@link Arg.Flags} when the comment names it. */
    static Arg attach(Arg a, String comment, Interner interner) {
        if (a instanceof Arg.Num n) {
            if (comment.endsWith("???")) {
                return new Arg.Flags(List.of(), n.value(), n.decoration(), comment, n.text());
            }
            List<String> names = symbolicNames(comment, interner);
            if (names != null) {
                return new Arg.Flags(names, 0, n.decoration(), comment, n.text());
            }
            return new Arg.Num(n.value(), n.text(), n.decoration(), comment);
        }
        if (a instanceof Arg.Flags f) {
            return new Arg.Flags(f.names(), f.unknownBits(), f.decoration(), comment, f.raw());
        }
        if (a instanceof Arg.Array arr) {
            return new Arg.Array(arr.items(), arr.more(), arr.complement(), comment);
        }
        return a;
    }

    /**
     * The names in a {@code -X verbose} comment such as {@code /* SOCK_STREAM|SOCK_CLOEXEC *}{@code /}
     * (numbers in it are skipped), or null when the comment is not such a list.
     */
    static List<String> symbolicNames(String comment, Interner interner) {
        if (comment.isEmpty() || !(comment.charAt(0) >= 'A' && comment.charAt(0) <= 'Z')) {
            return null;
        }
        List<String> names = new ArrayList<>(2);
        for (String part : comment.split("\\|", -1)) {
            if (!part.isEmpty() && Scan.isWordStart(part.charAt(0)) && part.chars().allMatch(ch -> Scan.isWordChar((char) ch))) {
                names.add(interner.intern(part));
            } else if (Scan.parseNumber(part) == null) {
                return null;
            }
        }
        return names;
    }
}
