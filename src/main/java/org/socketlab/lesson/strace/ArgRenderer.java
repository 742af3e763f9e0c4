// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

import java.util.List;

/** Writes an {@link Arg} tree back as strace-like text. */
final class ArgRenderer {
    private ArgRenderer() {
    }

    static void render(Arg arg, StringBuilder sb) {
        if (arg instanceof Arg.Num n) {
            sb.append(n.text());
            decoration(n.decoration(), sb);
            comment(n.comment(), sb);
        } else if (arg instanceof Arg.Flags f) {
            sb.append(f.raw());
            decoration(f.decoration(), sb);
            comment(f.comment(), sb);
        } else if (arg instanceof Arg.Str s) {
            if (s.abstractNamespace()) {
                sb.append('@');
            }
            quote(s.value(), sb);
            if (s.truncated()) {
                sb.append("...");
            }
        } else if (arg instanceof Arg.Struct s) {
            sb.append('{');
            list(s.items(), s.more(), sb);
            sb.append('}');
        } else if (arg instanceof Arg.Array a) {
            if (a.complement()) {
                sb.append('~');
            }
            sb.append('[');
            list(a.items(), a.more(), sb);
            sb.append(']');
            comment(a.comment(), sb);
        } else if (arg instanceof Arg.Null) {
            sb.append("NULL");
        } else if (arg instanceof Arg.Func f) {
            sb.append(f.name()).append('(');
            list(f.args(), false, sb);
            sb.append(')');
        } else if (arg instanceof Arg.InOut io) {
            render(io.in(), sb);
            sb.append(" => ");
            render(io.out(), sb);
        } else if (arg instanceof Arg.Named n) {
            sb.append(n.name()).append('=');
            render(n.value(), sb);
        } else if (arg instanceof Arg.Raw r) {
            sb.append(r.text());
        }
    }

    private static void list(List<Arg> items, boolean more, StringBuilder sb) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            render(items.get(i), sb);
        }
        if (more) {
            sb.append(items.isEmpty() ? "..." : ", ...");
        }
    }

    private static void decoration(Decoration d, StringBuilder sb) {
        if (d != null) {
            sb.append('<').append(d.text()).append('>');
        }
    }

    private static void comment(String c, StringBuilder sb) {
        if (c != null) {
            sb.append(" /* ").append(c).append(" */");
        }
    }

    /** Quotes a decoded string the way strace would print it. */
    static void quote(String value, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c >= 0x7f) {
                        sb.append('\\').append(Integer.toOctalString(c & 0xff));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
