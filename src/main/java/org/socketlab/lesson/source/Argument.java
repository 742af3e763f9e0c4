// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.socketlab.kernel.Endpoint;

/**
 * One argument of a call, already resolved as far as the lesson text allows: constants are
 * numbers, variables stay names (their values exist only while the lesson runs). Each keeps
 * the text the lesson wrote, for display.
 */
public sealed interface Argument {
    /** The argument as written, e.g. "SOCK_STREAM | SOCK_NONBLOCK" (whitespace collapsed). */
    String text();

    /**
     * A number known from the text alone: a literal, a named constant or a {@code |} of them.
     *
     * @param value the number C would pass, e.g. 0x801 for SOCK_STREAM | SOCK_NONBLOCK
     * @param text  as written; for an argument the lesson left out (send's length), the number
     */
    record Constant(int value, String text) implements Argument {
        public Constant {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A variable declared earlier by {@code int name = call(...);}; its value is whatever
     * the call returned in the process that runs the statement (possibly -1).
     *
     * @param name the variable's name
     */
    record Variable(String name) implements Argument {
        public Variable {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String text() {
            return name;
        }
    }

    /**
     * The bytes a send() or sendto() passes.
     *
     * @param value the string with its escapes decoded
     * @param text  as written, with quotes and escapes
     */
    record Data(String value, String text) implements Argument {
        public Data {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(text, "text");
        }

        /** The number of bytes (UTF-8) the string holds. */
        public int length() {
            return value.getBytes(StandardCharsets.UTF_8).length;
        }
    }

    /**
     * A {@code struct linger} that setsockopt(SO_LINGER) points at: {@code &lin} of
     * {@code struct linger lin = {1, 0};}.
     *
     * @param onOff   l_onoff: 0 turns lingering off
     * @param seconds l_linger: with l_onoff on, 0 makes close() reset the connection
     * @param text    as written, e.g. "&lin"
     */
    record Linger(int onOff, int seconds, String text) implements Argument {
        public Linger {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A program's arguments for execl(), execv() or execve(): argv[0] first, without the NULL that ends
     * them in C.
     *
     * @param values the strings, escapes decoded
     * @param text   as written: the array's name, or execl()'s strings joined by ", "
     */
    record Strings(List<String> values, String text) implements Argument {
        public Strings {
            values = List.copyOf(values);
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A socket address, written as a string: "127.0.0.1:8080", "[::1]:80" or "/tmp/sock".
     *
     * @param endpoint the address and port (port 0 for AF_UNIX)
     * @param text     as written, with quotes
     */
    record Address(Endpoint endpoint, String text) implements Argument {
        public Address {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * pthread_create()'s start function: the lesson's {@code static void *worker(void *arg) { ... }}.
     *
     * @param function the function's name
     * @param reads    the thread's variable that {@code int fd = *(int *)arg;} declares, or "" when the
     *                 function does not read its argument
     */
    record ThreadStart(String function, String reads) implements Argument {
        public ThreadStart {
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(reads, "reads");
        }

        @Override
        public String text() {
            return function;
        }
    }
}
