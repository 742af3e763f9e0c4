// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

/**
 * The memory manager's pool for socket objects: a capacity and what is in use. What a
 * socket takes shows up here and comes back on close or on a failed socket().
 *
 * @param capacity bytes the pool can hand out
 * @param used     bytes handed out
 */
public record KernelMemory(long capacity, long used) {
    /** A pool large enough that ordinary lessons never run it dry (64 MiB). */
    public static final long DEFAULT_CAPACITY = 64L * 1024 * 1024;

    public KernelMemory {
        if (capacity < 0 || used < 0 || used > capacity) {
            throw new IllegalArgumentException("bad pool: used " + used + " of " + capacity);
        }
    }

    /** Bytes still free. */
    public long free() {
        return capacity - used;
    }

    /** True when the pool can hand out this many bytes. */
    public boolean canAllocate(long bytes) {
        return bytes <= free();
    }

    KernelMemory allocate(long bytes) {
        return new KernelMemory(capacity, used + bytes);
    }

    KernelMemory release(long bytes) {
        return new KernelMemory(capacity, used - bytes);
    }
}
