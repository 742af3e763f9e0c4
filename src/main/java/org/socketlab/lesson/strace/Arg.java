// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One argument of a traced call as strace printed it, parsed into a small tree: numbers,
 * symbolic constants and flag sets, strings, structs, arrays, {@code NULL}, macro-like
 * calls such as {@code htons(80)}, value-result pairs ({@code [128 => 16]}) and named
 * arguments ({@code flags=CLONE_VM|...}). Anything strace prints that has no better shape
 * is kept as {@link Raw} text. All variants are immutable and may be shared between calls.
 */
public sealed interface Arg
        permits Arg.Num, Arg.Flags, Arg.Str, Arg.Struct, Arg.Array, Arg.Null, Arg.Func,
                Arg.InOut, Arg.Named, Arg.Raw {

    /** The single {@code NULL} pointer value. */
    Null NULL = new Null();

    /**
     * An integer: decimal, hex ({@code 0x3039}), octal ({@code 0644}) or a product
     * ({@code 8192*1024}).
     *
     * @param value      the value (hex values above {@code Long.MAX_VALUE} wrap, as in C)
     * @param text       how strace spelled it
     * @param decoration the {@code -y}/{@code -yy} text after a descriptor, or null
     * @param comment    a trailing {@code /* ... *}{@code /} comment's text, or null
     */
    record Num(long value, String text, Decoration decoration, String comment) implements Arg {
        public Num {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A symbolic constant or an or-ed set of them: {@code AF_INET},
     * {@code SOCK_STREAM|SOCK_CLOEXEC}, {@code SOCK_RAW|0x60 /* SOCK_??? *}{@code /}, and
     * values strace could not name, {@code 0x3039 /* AF_??? *}{@code /} (no names, the
     * number in {@code unknownBits}, "AF_???" in {@code comment}).
     *
     * @param names       the symbols in the order printed (as printed: PF_INET stays PF_INET)
     * @param unknownBits numbers or-ed in besides the names (0 if none)
     * @param decoration  a {@code -y} decoration after the symbol ({@code AT_FDCWD</tmp>}), or null
     * @param comment     a trailing comment's text, or null
     * @param raw         the text as printed, without decoration and comment; with
     *                    {@code -X verbose} the number, the names coming from the comment
     */
    record Flags(List<String> names, long unknownBits, Decoration decoration, String comment, String raw)
            implements Arg {
        public Flags {
            names = List.copyOf(names);
            Objects.requireNonNull(raw, "raw");
        }

        /** True when strace printed a number it had no name for ({@code /* AF_??? *}{@code /}). */
        public boolean undecoded() {
            return comment != null && comment.endsWith("???");
        }
    }

    /**
     * A quoted string with its escapes decoded; bytes above 0x7f come out as chars
     * U+0080..U+00FF.
     *
     * @param value     the decoded text
     * @param truncated true when strace cut it short ({@code "..."...})
     * @param abstractNamespace true for {@code @"name"}, an abstract AF_UNIX name
     */
    record Str(String value, boolean truncated, boolean abstractNamespace) implements Arg {
        public Str {
            Objects.requireNonNull(value, "value");
        }

        /** The bytes read as UTF-8 text, e.g. a file name ("\303\251" becomes "é"). */
        public String utf8() {
            return Escapes.utf8(value);
        }
    }

    /**
     * A struct {@code {a=1, b=2, inet_pton(...)}}: {@link Named} items for fields, other
     * items positional, in printed order.
     *
     * @param items the fields and positional items
     * @param more  true when strace abbreviated it with {@code ...}
     */
    record Struct(List<Arg> items, boolean more) implements Arg {
        public Struct {
            items = List.copyOf(items);
        }

        /** The value of the field with this name. */
        public Optional<Arg> field(String name) {
            return Arg.findNamed(items, name);
        }

        /** The {@code name=value} fields in printed order (the first wins if a name repeats). */
        public Map<String, Arg> fields() {
            Map<String, Arg> m = new LinkedHashMap<>();
            for (Arg a : items) {
                if (a instanceof Named n) {
                    m.putIfAbsent(n.name(), n.value());
                }
            }
            return Collections.unmodifiableMap(m);
        }

        /** The items that are not {@code name=value} fields, e.g. {@code inet_pton(...)}. */
        public List<Arg> positional() {
            return items.stream().filter(a -> !(a instanceof Named)).toList();
        }
    }

    /**
     * An array {@code [3, 4]}, {@code [{fd=3, events=POLLIN}]} or a signal set
     * {@code ~[RTMIN RT_1]}.
     *
     * @param items      the elements
     * @param more       true when strace abbreviated it with {@code ...}
     * @param complement true for {@code ~[...]}
     * @param comment    a comment inside or after it ({@code [/* 20 vars *}{@code /]}), or null
     */
    record Array(List<Arg> items, boolean more, boolean complement, String comment) implements Arg {
        public Array {
            items = List.copyOf(items);
        }
    }

    /** The {@code NULL} pointer; use {@link Arg#NULL}. */
    record Null() implements Arg {
    }

    /**
     * A macro-like call strace prints to explain a value: {@code htons(80)},
     * {@code inet_addr("127.0.0.1")}, {@code inet_pton(AF_INET6, "::1", &sin6_addr)},
     * {@code makedev(0x1, 0x3)}.
     */
    record Func(String name, List<Arg> args) implements Arg {
        public Func {
            Objects.requireNonNull(name, "name");
            args = List.copyOf(args);
        }
    }

    /**
     * A value-result argument: what went in and what came back, {@code 128 => 16} or
     * clone3's {@code {flags=...} => {parent_tid=[8401]}}.
     */
    record InOut(Arg in, Arg out) implements Arg {
        public InOut {
            Objects.requireNonNull(in, "in");
            Objects.requireNonNull(out, "out");
        }
    }

    /** A {@code name=value} item: a struct field, or a named argument such as clone's {@code flags=...}. */
    record Named(String name, Arg value) implements Arg {
        public Named {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /** Text the parser keeps as printed because it has no better shape for it. */
    record Raw(String text) implements Arg {
        public Raw {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * The numeric value: a number, or a flag set whose names are all in
     * {@link StraceSymbols} (PF_INET counts as AF_INET = 2), or-ed with its unknown bits, or
     * the number {@code -X verbose} printed before the names ({@code 0x2 /* AF_INET *}{@code /}).
     * A named argument answers for its value.
     */
    default OptionalLong asLong() {
        if (this instanceof Num n) {
            return OptionalLong.of(n.value());
        }
        if (this instanceof Flags f) {
            String raw = f.raw();
            if (!raw.isEmpty() && (Character.isDigit(raw.charAt(0)) || raw.charAt(0) == '-')) {
                Long n = Scan.parseNumber(raw);
                if (n != null) {
                    return OptionalLong.of(n);
                }
            }
            long v = f.unknownBits();
            List<String> names = f.names();
            for (int i = 0; i < names.size(); i++) { // (read for every call of a replay: no iterator)
                Long s = StraceSymbols.value(names.get(i));
                if (s == null) {
                    return OptionalLong.empty();
                }
                v |= s;
            }
            return OptionalLong.of(v);
        }
        if (this instanceof Named n) {
            return n.value().asLong();
        }
        if (this instanceof Func f && (f.name().equals("htons") || f.name().equals("ntohs")) && f.args().size() == 1) {
            // socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL)): the protocol is the number in network byte order.
            OptionalLong v = f.args().get(0).asLong();
            if (v.isPresent() && v.getAsLong() >= 0 && v.getAsLong() <= 0xffff) {
                long x = v.getAsLong();
                return OptionalLong.of((x & 0xff) << 8 | x >> 8);
            }
        }
        return OptionalLong.empty();
    }

    /** {@link #asLong()} when the value fits an int. */
    default OptionalInt asInt() {
        OptionalLong v = asLong();
        if (v.isEmpty() || v.getAsLong() != (int) v.getAsLong()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) v.getAsLong());
    }

    /** A descriptor: a non-negative number and its {@code -y} decoration if printed. */
    default Optional<FdRef> asFd() {
        if (this instanceof Num n && n.value() >= 0 && n.value() <= Integer.MAX_VALUE) {
            return Optional.of(new FdRef((int) n.value(), n.decoration()));
        }
        return Optional.empty();
    }

    /** The symbol names of a flag set (also of a named argument's value); empty otherwise. */
    default List<String> flagNames() {
        if (this instanceof Flags f) {
            return f.names();
        }
        if (this instanceof Named n) {
            return n.value().flagNames();
        }
        return List.of();
    }

    /** The decoded text of a string argument. */
    default Optional<String> asString() {
        return this instanceof Str s ? Optional.of(s.value()) : Optional.empty();
    }

    /** The socket address this struct describes (AF_INET, AF_INET6, AF_UNIX, others by family). */
    default Optional<SockAddr> asSockAddr() {
        return SockAddr.of(this);
    }

    /** Strace-like text for this value, for display and debugging. */
    default String render() {
        StringBuilder sb = new StringBuilder();
        ArgRenderer.render(this, sb);
        return sb.toString();
    }

    /** The value of the first {@link Named} item with this name in a list. */
    static Optional<Arg> findNamed(List<Arg> items, String name) {
        for (Arg a : items) {
            if (a instanceof Named n && n.name().equals(name)) {
                return Optional.of(n.value());
            }
        }
        return Optional.empty();
    }
}
