// SPDX-License-Identifier: Apache-2.0
package org.socketlab.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Path;
import org.socketlab.lesson.replay.Replay;
import org.socketlab.lesson.replay.TraceReplay;

/**
 * The heap an import needs: run under {@code -Xmx256m}, it imports a log, then reports the
 * old generation's peak (what survived collections at most) and the heap still held by the
 * lesson after a full GC.
 * Usage: {@code ReplayHeap TRACE}.
 */
public final class ReplayHeap {
    private ReplayHeap() {
    }

    public static void main(String[] args) throws Exception {
        Path trace = Path.of(args.length > 0 ? args[0] : "/tmp/big.strace");
        long start = System.nanoTime();
        Replay replay = TraceReplay.importTrace(trace);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long oldPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().contains("Old") && pool.getPeakUsage() != null) {
                oldPeak = pool.getPeakUsage().getUsed();
            }
        }
        System.gc();
        long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long collections = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            collections += gc.getCollectionCount();
        }
        System.out.printf("%s: %,d lines, %,d calls, %,d frames, %d mismatches%n", trace, replay.lineCount(),
                replay.calls().size(), replay.lesson().size(), replay.mismatches());
        System.out.printf("first import %,d ms; max heap %,d MB; old generation peak %,d MB; retained after GC"
                        + " %,d MB; %d collections%n", millis, Runtime.getRuntime().maxMemory() >> 20, oldPeak >> 20,
                retained >> 20, collections);
        System.out.println("last frame: " + replay.lesson().frame(replay.lesson().size() - 1).step().stage());
    }
}
