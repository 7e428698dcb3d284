package org.arxos.compute.internal;

import java.util.Arrays;

/** The most recent job latencies of one engine, for quantiles; older ones drop out. */
final class LatencyWindow {

    private final long[] nanos;
    private long count;

    LatencyWindow(int size) {
        nanos = new long[size];
    }

    synchronized void add(long latencyNanos) {
        nanos[(int) (count % nanos.length)] = latencyNanos;
        count++;
    }

    synchronized long count() {
        return count;
    }

    /** The quantile (0 to 1) of the latencies in the window, in seconds; 0 when there are none. */
    synchronized double quantileSeconds(double quantile) {
        int size = (int) Math.min(count, nanos.length);
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(quantile * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, index))] / 1e9;
    }
}
