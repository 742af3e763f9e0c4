// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

/**
 * A small streaming JSON writer: objects, arrays, strings, numbers, booleans and null, with
 * commas put in for the caller. Strings are escaped as RFC 8259 allows: quotes, backslashes,
 * every control character, and every character beyond ASCII as a six-character escape (backslash, u, four hex digits), so the output
 * is plain ASCII and survives any terminal encoding. Hand-written because the replay prints
 * one fixed shape and needs no reflection or dependency.
 */
final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    /** Per open container: true until its first element is written. */
    private final java.util.ArrayDeque<boolean[]> first = new java.util.ArrayDeque<>();
    private boolean afterName;

    JsonWriter beginObject() {
        separate();
        out.append('{');
        first.push(new boolean[] {true});
        return this;
    }

    JsonWriter endObject() {
        first.pop();
        out.append('}');
        return this;
    }

    JsonWriter beginArray() {
        separate();
        out.append('[');
        first.push(new boolean[] {true});
        return this;
    }

    JsonWriter endArray() {
        first.pop();
        out.append(']');
        return this;
    }

    /** The next member's name; its value follows. */
    JsonWriter name(String name) {
        separate();
        string(name);
        out.append(':');
        afterName = true;
        return this;
    }

    JsonWriter value(String s) {
        separate();
        if (s == null) {
            out.append("null");
        } else {
            string(s);
        }
        return this;
    }

    JsonWriter value(Number n) {
        separate();
        out.append(n == null ? "null" : n.toString());
        return this;
    }

    JsonWriter value(boolean b) {
        separate();
        out.append(b);
        return this;
    }

    JsonWriter nullValue() {
        separate();
        out.append("null");
        return this;
    }

    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        boolean[] f = first.peek();
        if (f != null) {
            if (!f[0]) {
                out.append(',');
            }
            f[0] = false;
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        // control characters, and everything beyond ASCII (surrogate pairs as two
                        // escapes), so the output reads the same whatever the terminal's encoding
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
