// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

/**
 * Shares equal small strings (symbol names, numbers, decorations) within one parse, so a
 * 100,000-line log keeps one "AF_INET" instead of 100,000. Bounded: past its cap it stops
 * remembering and hands strings back unchanged.
 */
final class Interner {
    private static final int CAP = 1 << 16;
    private final RegionMap<String> map = new RegionMap<>(CAP);

    String intern(String s) {
        if (s.length() > 200) {
            return s;
        }
        String known = map.get(s);
        if (known != null) {
            return known;
        }
        if (map.size() < CAP) {
            map.put(s, s);
        }
        return s;
    }

    /** {@code intern(text.substring(from, to))}, without the copy when the string is known. */
    String intern(String text, int from, int to) {
        if (to - from > 200) {
            return text.substring(from, to);
        }
        String known = map.get(text, from, to);
        if (known != null) {
            return known;
        }
        String s = text.substring(from, to);
        if (map.size() < CAP) {
            map.put(s, s);
        }
        return s;
    }
}
