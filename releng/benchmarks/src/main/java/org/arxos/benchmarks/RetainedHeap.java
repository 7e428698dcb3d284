package org.arxos.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.function.Supplier;

/** Heap still in use after full collections: the difference of two readings is what a structure retains. */
final class RetainedHeap {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private RetainedHeap() {
    }

    static long bytes() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** What the value {@code make} returns retains, measured while it is held; it is dropped on return. */
    static long retainedBy(Supplier<?> make) {
        long before = bytes();
        Object held = make.get();
        long after = bytes();
        Reference.reachabilityFence(held);
        return after - before;
    }
}
