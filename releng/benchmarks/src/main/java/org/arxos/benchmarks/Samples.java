package org.arxos.benchmarks;

import java.util.Arrays;

/** Measured durations in nanoseconds, read as milliseconds: median, percentiles (nearest rank) and maximum. */
final class Samples {

    private final long[] sorted;

    Samples(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    int count() {
        return sorted.length;
    }

    double median() {
        int n = sorted.length;
        return (n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0) / 1e6;
    }

    /** The smallest sample that at least {@code percent} % of the samples do not exceed. */
    double percentile(double percent) {
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    double max() {
        return sorted[sorted.length - 1] / 1e6;
    }
}
