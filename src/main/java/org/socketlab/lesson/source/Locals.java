// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a real C program declares besides the variables that hold a call's result: address
 * structures ({@link AddressStructs}), {@code char} buffers, {@code int} arrays such as socketpair()'s
 * {@code sv[2]}, and variables holding a number known from the text ({@code int one = 1;},
 * {@code socklen_t len = sizeof addr;}). {@link Scopes} decides which names are visible; this says
 * what a visible name is.
 */
final class Locals {
    /** The size in bytes of an {@code int} and of a {@code socklen_t} on Linux x86-64. */
    static final int INT_SIZE = 4;
    /** The size in bytes of a {@code struct linger} (two ints). */
    static final int LINGER_SIZE = 8;
    /** The size in bytes of a {@code struct rlimit} (two 64-bit numbers). */
    static final int RLIMIT_SIZE = 16;
    /** The size in bytes of a pointer on Linux x86-64. */
    static final int POINTER_SIZE = 8;

    final AddressStructs structs = new AddressStructs();
    private final Map<String, Integer> buffers = new HashMap<>();
    private final Map<String, Integer> arrays = new HashMap<>();
    private final Map<String, Integer> numbers = new HashMap<>();
    private final Set<String> filled = new HashSet<>();
    private final Map<String, Integer> limits = new HashMap<>();
    private final Set<String> unset = new HashSet<>();
    private final Map<String, int[]> lingers = new HashMap<>();
    private final Map<String, List<String>> strings = new HashMap<>();
    private final Set<String> threadHandles = new HashSet<>();
    private final Set<String> threadArguments = new HashSet<>();

    /** {@code pthread_t t;}: a handle pthread_create() fills in and pthread_join() waits on. */
    void threadHandle(String name) {
        forget(name);
        threadHandles.add(name);
    }

    boolean isThreadHandle(String name) {
        return threadHandles.contains(name);
    }

    /** A thread function's {@code void *arg}: a pointer, read only as {@code *(int *)arg}. */
    void threadArgument(String name) {
        forget(name);
        threadArguments.add(name);
    }

    boolean isThreadArgument(String name) {
        return threadArguments.contains(name);
    }

    /** {@code char *args[] = {"ls", "-l", NULL};}: the strings before the NULL. */
    void strings(String name, List<String> values) {
        forget(name);
        strings.put(name, List.copyOf(values));
    }

    /** The strings of a {@code char *name[]}, if the name is one. */
    Optional<List<String>> stringsOf(String name) {
        return Optional.ofNullable(strings.get(name));
    }

    /** A {@code struct linger} whose l_onoff and l_linger are known. */
    void linger(String name, int onOff, int seconds) {
        forget(name);
        lingers.put(name, new int[] {onOff, seconds});
    }

    /** l_onoff and l_linger of a {@code struct linger}, if the name is one. */
    Optional<int[]> lingerOf(String name) {
        return Optional.ofNullable(lingers.get(name)).map(int[]::clone);
    }

    /** {@code int err;}: an int declared without a value, for a call to fill in (getsockopt()'s &err). */
    void unsetInt(String name) {
        forget(name);
        unset.add(name);
    }

    /** Declared without a value: a call may fill it in, but its value is not known from the text. */
    boolean isUnsetInt(String name) {
        return unset.contains(name);
    }

    /** A {@code struct rlimit} whose soft limit (rlim_cur) is known. */
    void limit(String name, int soft) {
        forget(name);
        limits.put(name, soft);
    }

    Optional<Integer> limitOf(String name) {
        return Optional.ofNullable(limits.get(name));
    }

    void buffer(String name, int size) {
        forget(name);
        buffers.put(name, size);
    }

    void array(String name, int length) {
        forget(name);
        arrays.put(name, length);
    }

    /** A call filled in the array's first two elements (socketpair()'s descriptors). */
    void filled(String name) {
        filled.add(name);
    }

    boolean isFilled(String name) {
        return filled.contains(name);
    }

    void number(String name, int value) {
        forget(name);
        numbers.put(name, value);
    }

    /** The name now holds what a call returns, known only when the lesson runs. */
    void forget(String name) {
        buffers.remove(name);
        arrays.remove(name);
        numbers.remove(name);
        filled.remove(name);
        limits.remove(name);
        unset.remove(name);
        lingers.remove(name);
        strings.remove(name);
        threadHandles.remove(name);
        threadArguments.remove(name);
    }

    Optional<Integer> bufferSize(String name) {
        return Optional.ofNullable(buffers.get(name));
    }

    Optional<Integer> arrayLength(String name) {
        return Optional.ofNullable(arrays.get(name));
    }

    Optional<Integer> numberOf(String name) {
        return Optional.ofNullable(numbers.get(name));
    }

    /** What {@code sizeof name} is, if the name is one of these. */
    Optional<Integer> sizeOf(String name) {
        Optional<AddressStructs.Fields> s = structs.named(name);
        if (s.isPresent()) {
            return Optional.of(s.get().type.size);
        }
        if (buffers.containsKey(name)) {
            return Optional.of(buffers.get(name));
        }
        if (arrays.containsKey(name)) {
            return Optional.of(arrays.get(name) * INT_SIZE);
        }
        if (limits.containsKey(name)) {
            return Optional.of(RLIMIT_SIZE);
        }
        if (lingers.containsKey(name)) {
            return Optional.of(LINGER_SIZE);
        }
        if (strings.containsKey(name)) {
            return Optional.of((strings.get(name).size() + 1) * POINTER_SIZE);
        }
        return numbers.containsKey(name) || unset.contains(name) ? Optional.of(INT_SIZE) : Optional.empty();
    }
}
