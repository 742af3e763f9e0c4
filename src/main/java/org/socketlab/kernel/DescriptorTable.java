// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.List;
import java.util.Objects;

/**
 * A process's descriptor cabinet (its fd table): numbered drawers, the lowest free one wins,
 * and no drawer at or above the limit (RLIMIT_NOFILE) may be used. Threads share one table;
 * fork() gives the child a copy.
 *
 * @param slots the open descriptors by number
 * @param limit RLIMIT_NOFILE: descriptors must be below it
 */
public record DescriptorTable(SlotTrie<Descriptor> slots, int limit) {
    /** Linux's default soft limit for open files. */
    public static final int DEFAULT_LIMIT = 1024;

    public DescriptorTable {
        Objects.requireNonNull(slots, "slots");
        if (limit < 0) {
            throw new IllegalArgumentException("negative limit " + limit);
        }
    }

    /** An empty cabinet with the given limit. */
    public static DescriptorTable empty(int limit) {
        return new DescriptorTable(SlotTrie.empty(), limit);
    }

    /** The descriptor in a drawer, or null when the drawer is empty. */
    public Descriptor get(int fd) {
        return slots.get(fd);
    }

    /** True when the drawer holds a descriptor. */
    public boolean isOpen(int fd) {
        return slots.contains(fd);
    }

    /** The number socket(), accept() or dup() would hand out next (it may be ≥ the limit). */
    public int lowestFree() {
        return slots.lowestFree();
    }

    /** How many descriptors are open. */
    public int openCount() {
        return slots.size();
    }

    /** The highest open descriptor, or -1. */
    public int highestOpen() {
        return slots.highest();
    }

    /** The open descriptors in ascending order. */
    public List<Descriptor> descriptors() {
        return slots.values();
    }

    /** This cabinet with a descriptor put in its drawer. */
    public DescriptorTable with(Descriptor descriptor) {
        return new DescriptorTable(slots.with(descriptor.number(), descriptor), limit);
    }

    /** This cabinet with a drawer emptied. */
    public DescriptorTable without(int fd) {
        return new DescriptorTable(slots.without(fd), limit);
    }

    /** This cabinet under another limit (setrlimit). Open descriptors above it stay open. */
    public DescriptorTable withLimit(int newLimit) {
        return new DescriptorTable(slots, newLimit);
    }
}
