// SPDX-License-Identifier: Apache-2.0
package org.socketlab.testing;

import java.lang.ref.WeakReference;
import java.util.Collection;
import java.util.Objects;

/**
 * Garbage collection for leak tests, without sleeping or timing: {@link System#gc()} is only a
 * request, so each collection is repeated until a fresh {@link WeakReference} sentinel has been
 * cleared — proof that a full collection really ran — and a test checks its own references only
 * after that, a few rounds over, with {@code between} (such as "let the FX thread run") in between.
 */
public final class Garbage {
    /** Rounds of collection before a reference still set counts as reachable. */
    private static final int ROUNDS = 8;
    /** Requests per round; the sentinel is cleared by the first full collection. */
    private static final int REQUESTS = 200;
    /**
     * Where each request also leaves a megabyte of garbage. A request made while another thread
     * holds the collector off (a JNI critical region, such as the software renderer drawing a
     * frame) returns at once without collecting; allocation instead waits for that region to end
     * and collects, so a busy machine cannot use up the requests in a moment.
     */
    @SuppressWarnings("unused")
    private static volatile byte[] churn;

    private Garbage() {
    }

    /** Runs the collector until a sentinel has been cleared. */
    public static void collect() {
        WeakReference<Object> sentinel = new WeakReference<>(new Object());
        for (int i = 0; i < REQUESTS && sentinel.get() != null; i++) {
            System.gc();
            churn = new byte[1 << 20];
        }
        churn = null;
        if (sentinel.get() != null) {
            throw new IllegalStateException("System.gc() does not collect in this JVM");
        }
    }

    /** True when every reference is cleared after at most {@link #ROUNDS} proven collections. */
    public static boolean allCollected(Collection<? extends WeakReference<?>> refs, Runnable between) {
        Objects.requireNonNull(between, "between");
        for (int round = 0; round < ROUNDS; round++) {
            if (refs.stream().allMatch(r -> r.get() == null)) {
                return true;
            }
            between.run();
            collect();
        }
        return refs.stream().allMatch(r -> r.get() == null);
    }

    /** How many of the references are still set after {@link #ROUNDS} proven collections. */
    public static long survivors(Collection<? extends WeakReference<?>> refs, Runnable between) {
        allCollected(refs, between);
        return refs.stream().filter(r -> r.get() != null).count();
    }

    /** Bytes of heap in use after proven collections: the least of three readings. */
    public static long usedHeap(Runnable between) {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            between.run();
            collect();
            collect();
            Runtime runtime = Runtime.getRuntime();
            least = Math.min(least, runtime.totalMemory() - runtime.freeMemory());
        }
        return least;
    }
}
