package org.arxos.core.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

import org.arxos.api.compress.CompressorStatistics;

/** What the compression service did with each compressor, by its {@code arxos.impl} name. */
final class CompressionMeters {

    private static final class Meter {
        final LongAdder compressions = new LongAdder();
        final LongAdder decompressions = new LongAdder();
        final LongAdder originalBytes = new LongAdder();
        final LongAdder compressedBytes = new LongAdder();
        final LongAdder compressNanos = new LongAdder();
        final LongAdder decompressNanos = new LongAdder();
        final LongAdder failures = new LongAdder();
        final LongAdder refusals = new LongAdder();
    }

    private final ConcurrentMap<String, Meter> meters = new ConcurrentHashMap<>();

    void compressed(String implementation, long originalBytes, long compressedBytes, long nanos) {
        Meter meter = counted(implementation, originalBytes, compressedBytes);
        meter.compressions.increment();
        meter.compressNanos.add(nanos);
    }

    void decompressed(String implementation, long originalBytes, long compressedBytes, long nanos) {
        Meter meter = counted(implementation, originalBytes, compressedBytes);
        meter.decompressions.increment();
        meter.decompressNanos.add(nanos);
    }

    void failed(String implementation) {
        meter(implementation).failures.increment();
    }

    void refused(String implementation) {
        meter(implementation).refusals.increment();
    }

    CompressorStatistics of(String implementation) {
        Meter m = meters.get(implementation);
        if (m == null) {
            return new CompressorStatistics(0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        long original = m.originalBytes.sum();
        long compressed = m.compressedBytes.sum();
        return new CompressorStatistics(m.compressions.sum(), m.decompressions.sum(), original, compressed,
                original == 0 ? 0 : (double) compressed / original, m.compressNanos.sum() / 1e6,
                m.decompressNanos.sum() / 1e6, m.failures.sum(), m.refusals.sum());
    }

    private Meter counted(String implementation, long originalBytes, long compressedBytes) {
        Meter meter = meter(implementation);
        meter.originalBytes.add(originalBytes);
        meter.compressedBytes.add(compressedBytes);
        return meter;
    }

    private Meter meter(String implementation) {
        return meters.computeIfAbsent(implementation, name -> new Meter());
    }
}
