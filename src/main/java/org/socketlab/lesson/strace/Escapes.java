// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

import java.nio.charset.StandardCharsets;

/** Decodes the C-style escapes strace prints inside strings and paths. */
final class Escapes {
    private Escapes() {
    }

    /** Reads chars 0..255 (bytes, as {@link #decode} makes them) as UTF-8; bad sequences become U+FFFD. */
    static String utf8(String bytes) {
        for (int i = 0; i < bytes.length(); i++) {
            if (bytes.charAt(i) >= 0x80) {
                return new String(bytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            }
        }
        return bytes;
    }

    /**
     * Decodes {@code \n \r \t \v \f \a \b \" \\ \NNN \xHH} in {@code s[from, to)}. Bytes come
     * out as chars 0..255; an unknown escape keeps the escaped character. A character beyond
     * ASCII written as it is (strace escapes them, but a log edited by hand may not) comes out
     * as its UTF-8 bytes, so {@link #utf8} reads it back unchanged.
     */
    static String decode(String s, int from, int to) {
        int bs = s.indexOf('\\', from);
        if ((bs < 0 || bs >= to) && ascii(s, from, to)) {
            return s.substring(from, to);
        }
        StringBuilder sb = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            char c = s.charAt(i++);
            if (c >= 0x80) {
                int end = Character.isHighSurrogate(c) && i < to && Character.isLowSurrogate(s.charAt(i)) ? i + 1 : i;
                for (byte b : s.substring(i - 1, end).getBytes(StandardCharsets.UTF_8)) {
                    sb.append((char) (b & 0xff));
                }
                i = end;
                continue;
            }
            if (c != '\\' || i >= to) {
                sb.append(c);
                continue;
            }
            char e = s.charAt(i++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'v' -> sb.append('\u000b');
                case 'f' -> sb.append('\f');
                case 'a' -> sb.append('\u0007');
                case 'b' -> sb.append('\b');
                case 'x' -> {
                    int v = 0;
                    int n = 0;
                    while (n < 2 && i < to && Character.digit(s.charAt(i), 16) >= 0) {
                        v = v * 16 + Character.digit(s.charAt(i++), 16);
                        n++;
                    }
                    sb.append(n == 0 ? 'x' : (char) v);
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        int n = 1;
                        while (n < 3 && i < to && s.charAt(i) >= '0' && s.charAt(i) <= '7') {
                            v = v * 8 + (s.charAt(i++) - '0');
                            n++;
                        }
                        sb.append((char) (v & 0xff));
                    } else {
                        sb.append(e);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static boolean ascii(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
