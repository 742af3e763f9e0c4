// SPDX-License-Identifier: Apache-2.0
package org.socketlab.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Byte-level damage to real files, for fuzzing the lesson-file and strace readers: flipped
 * bits, random and invalid UTF-8 bytes (overlong forms, lone continuation bytes, surrogates
 * encoded in UTF-8, bytes no UTF-8 has), NUL, deleted, repeated and truncated ranges, pieces of
 * C and strace syntax, deep runs of brackets and comment openers, and numbers swapped for
 * extreme ones (a descriptor of two billion, a value past 2^31).
 */
public final class Mutations {
    /** Byte sequences that are not UTF-8, each as a decoder meets it. */
    public static final List<byte[]> NOT_UTF8 = List.of(
            bytes(0xC0, 0xAF), bytes(0xC1, 0xBF), bytes(0xE0, 0x80, 0xAF), bytes(0xF0, 0x80, 0x80, 0xAF),
            bytes(0x80), bytes(0xBF), bytes(0xED, 0xA0, 0x80), bytes(0xED, 0xBF, 0xBF),
            bytes(0xF4, 0x90, 0x80, 0x80), bytes(0xF5), bytes(0xFE), bytes(0xFF), bytes(0xE4, 0xB8),
            bytes(0xC3));
    private static final List<String> SYNTAX = List.of(
            "{", "}", "(", ")", "[", "]", "/*", "*/", "//", "\"", "\\", "\n", "\r", "\r\n", "\t", ";", ",", "=",
            "|", "<", ">", "#", " = ", " = -1 EMFILE (Too many open files)", "<unfinished ...>", "<... socket resumed>",
            "[pid 77] ", "+++ exited with 0 +++", "--- SIGCHLD {si_signo=SIGCHLD} ---", "// say: ", "// title: ",
            "fork();", "close(3);", "int fd = socket(AF_INET, SOCK_STREAM, 0);", "中文", "\uFEFF", "\u0000");
    private static final List<String> NUMBERS = List.of("0", "-1", "3", "1023", "1024", "65535", "65536",
            "1048576", "1999999999", "2147483647", "2147483648", "4294967296", "99999999999999999999", "0x7fffffff");
    private static final List<String> DEEP = List.of("{", "(", "[", "/*", "<", "\"", "\\", "'");

    private Mutations() {
    }

    /** One change: {@code kind} chooses what, {@code where} (0..1) where, {@code pick} which or how many. */
    public record Mutation(int kind, double where, int pick) {
        byte[] apply(byte[] in) {
            int at = (int) Math.min(in.length, Math.floor(where * (in.length + 1)));
            return switch (kind) {
                case 0 -> flip(in, at, pick);
                case 1 -> insert(in, at, bytes(pick & 0xFF));
                case 2 -> insert(in, at, NOT_UTF8.get(pick % NOT_UTF8.size()));
                case 3 -> delete(in, at, 1 + pick % 64);
                case 4 -> insert(in, at, Arrays.copyOfRange(in, at, Math.min(in.length, at + 1 + pick % 200)));
                case 5 -> insert(in, at, utf8(SYNTAX.get(pick % SYNTAX.size())));
                case 6 -> number(in, at, NUMBERS.get(pick % NUMBERS.size()));
                case 7 -> insert(in, at, utf8(DEEP.get(pick % DEEP.size()).repeat(1 + pick % 12_000)));
                default -> Arrays.copyOf(in, at);
            };
        }
    }

    /** One to six mutations, mostly the gentle ones so most of the file stays real. */
    public static Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(
                Arbitraries.integers().between(0, 8),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(0, 1 << 20)).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(6);
    }

    /** Applies the mutations in order. */
    public static byte[] apply(byte[] original, List<Mutation> mutations) {
        byte[] out = original;
        for (Mutation m : mutations) {
            out = m.apply(out);
        }
        return out;
    }

    /** The regular files in the folders (relative to the project), sorted, with the given ending. */
    public static List<Path> files(String ending, String... folders) {
        return Stream.of(folders).flatMap(Mutations::list).filter(p -> p.toString().endsWith(ending)).sorted()
                .toList();
    }

    /** The bytes of a file. */
    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> list(String folder) {
        try (Stream<Path> files = Files.list(Path.of(folder))) {
            return files.filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] flip(byte[] in, int at, int pick) {
        if (in.length == 0) {
            return in;
        }
        byte[] out = in.clone();
        int i = Math.min(at, in.length - 1);
        out[i] ^= (byte) (1 << (pick % 8));
        return out;
    }

    private static byte[] insert(byte[] in, int at, byte[] piece) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + piece.length);
        out.write(in, 0, at);
        out.writeBytes(piece);
        out.write(in, at, in.length - at);
        return out.toByteArray();
    }

    private static byte[] delete(byte[] in, int at, int count) {
        int end = Math.min(in.length, at + count);
        byte[] out = new byte[in.length - (end - at)];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(in, end, out, at, in.length - end);
        return out;
    }

    /** Replaces the run of digits at or after {@code at} with another number (or inserts it). */
    private static byte[] number(byte[] in, int at, String number) {
        int start = at;
        while (start < in.length && !Character.isDigit(in[start])) {
            start++;
        }
        if (start == in.length) {
            return insert(in, at, utf8(number));
        }
        int end = start;
        while (end < in.length && Character.isDigit(in[end])) {
            end++;
        }
        return insert(delete(in, start, end - start), start, utf8(number));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Bytes from ints, for sequences written as hex. */
    public static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
