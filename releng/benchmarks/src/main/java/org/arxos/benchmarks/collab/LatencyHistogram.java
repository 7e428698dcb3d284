package org.arxos.benchmarks.collab;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Latencies in microseconds, counted in log-linear buckets (64 per power of two, so a percentile is exact to about
 * 1.6 %) that many threads record into at once; millions of samples cost a fixed 16 KB. The maximum is exact.
 */
final class LatencyHistogram {

    private static final int SUB_BUCKET_BITS = 6;
    private static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
    private static final int BUCKETS = (Long.SIZE - SUB_BUCKET_BITS + 1) * SUB_BUCKETS;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final LongAdder total = new LongAdder();
    private final AtomicLong max = new AtomicLong();

    void recordNanos(long nanos) {
        long micros = Math.max(0, nanos / 1000);
        counts.incrementAndGet(index(micros));
        total.increment();
        // most samples are below the maximum: a plain read, no compare-and-set that threads would contend on
        long m = max.get();
        while (micros > m && !max.compareAndSet(m, micros)) {
            m = max.get();
        }
    }

    long count() {
        return total.sum();
    }

    /** The latency in milliseconds that {@code percent} % of the samples do not exceed (a bucket's upper end). */
    double percentileMillis(double percent) {
        long n = total.sum();
        if (n == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(percent / 100 * n));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return Math.min(upperBound(i), max.get()) / 1000.0;
            }
        }
        return max.get() / 1000.0;
    }

    double maxMillis() {
        return total.sum() == 0 ? Double.NaN : max.get() / 1000.0;
    }

    private static int index(long micros) {
        if (micros < SUB_BUCKETS) {
            return (int) micros;
        }
        int exponent = Long.SIZE - 1 - Long.numberOfLeadingZeros(micros);
        int shift = exponent - SUB_BUCKET_BITS;
        return (shift + 1) * SUB_BUCKETS + (int) ((micros >>> shift) & (SUB_BUCKETS - 1));
    }

    private static long upperBound(int index) {
        if (index < SUB_BUCKETS) {
            return index;
        }
        int shift = index / SUB_BUCKETS - 1;
        long mantissa = SUB_BUCKETS + index % SUB_BUCKETS;
        return ((mantissa + 1) << shift) - 1;
    }
}
