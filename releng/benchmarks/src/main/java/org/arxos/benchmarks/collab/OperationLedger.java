package org.arxos.benchmarks.collab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What every client of one building saw, shared by them (they all live in the tool's JVM): when each editor sent
 * each operation, which revision acknowledged it, how many other clients received it and when the last did, and one
 * fingerprint per revision, so that a client receiving something else as that revision shows. The operations an
 * editor sends during the warm-up (its first {@code measuredFrom - 1}) are checked like the others but their latencies
 * are not recorded.
 */
final class OperationLedger {

    private final Map<String, Integer> editorIndex;
    private final int capacity;
    private final long measuredFrom;
    private final AtomicLongArray sentNanos;
    private final AtomicIntegerArray acks;
    /** 1 where the acknowledgement rejected every change: such an operation need not reach anyone. */
    private final AtomicIntegerArray rejected;
    private final AtomicIntegerArray deliveries;
    private final AtomicLongArray lastDeliveryNanos;
    private final Map<Long, Long> fingerprints = new ConcurrentHashMap<>();
    private final AtomicLong fingerprintMismatches = new AtomicLong();
    private final AtomicLong unknownOperations = new AtomicLong();

    final LatencyHistogram propagation = new LatencyHistogram();
    final LatencyHistogram acknowledgement = new LatencyHistogram();

    /**
     * @param capacity     the most operations one editor sends
     * @param measuredFrom the sequence number of an editor's first operation whose latencies count
     */
    OperationLedger(List<String> editors, int capacity, long measuredFrom) {
        this.editorIndex = new ConcurrentHashMap<>();
        for (int i = 0; i < editors.size(); i++) {
            editorIndex.put(editors.get(i), i);
        }
        this.capacity = capacity;
        this.measuredFrom = measuredFrom;
        int slots = editors.size() * capacity;
        sentNanos = new AtomicLongArray(slots);
        acks = new AtomicIntegerArray(slots);
        rejected = new AtomicIntegerArray(slots);
        deliveries = new AtomicIntegerArray(slots);
        lastDeliveryNanos = new AtomicLongArray(slots);
    }

    int capacity() {
        return capacity;
    }

    void sent(int editor, long sequence, long nanos) {
        sentNanos.set(slot(editor, sequence), nanos);
    }

    void acknowledged(int editor, long sequence, boolean rejectedAll, long nanos) {
        int slot = slot(editor, sequence);
        rejected.set(slot, rejectedAll ? 1 : 0);
        acks.incrementAndGet(slot);
        if (sequence >= measuredFrom) {
            acknowledgement.recordNanos(nanos - sentNanos.get(slot));
        }
    }

    /** Another client than the author received the applied operation {@code client#sequence}. */
    void delivered(String client, long sequence, long nanos) {
        Integer editor = editorIndex.get(client);
        if (editor == null || sequence < 1 || sequence > capacity) {
            unknownOperations.incrementAndGet();
            return;
        }
        int slot = slot(editor, sequence);
        long sent = sentNanos.get(slot);
        if (sent == 0) {
            unknownOperations.incrementAndGet();
            return;
        }
        deliveries.incrementAndGet(slot);
        lastDeliveryNanos.accumulateAndGet(slot, nanos, Math::max);
        if (sequence >= measuredFrom) {
            propagation.recordNanos(nanos - sent);
        }
    }

    /** Records what a client received as {@code revision}; counts it when another client received something else. */
    void fingerprint(long revision, long fingerprint) {
        Long first = fingerprints.putIfAbsent(revision, fingerprint);
        if (first != null && first != fingerprint) {
            fingerprintMismatches.incrementAndGet();
        }
    }

    Integer editor(String client) {
        return editorIndex.get(client);
    }

    long fingerprintMismatches() {
        return fingerprintMismatches.get();
    }

    long unknownOperations() {
        return unknownOperations.get();
    }

    /**
     * Per operation sent: whether it was acknowledged once, and delivered exactly {@code receivers} times; the time
     * from sending it until the last receiver had it goes into {@code everyone} (measured operations only).
     */
    Tally tally(int receivers, LatencyHistogram everyone) {
        long sent = 0;
        long acked = 0;
        long unacknowledged = 0;
        long ackedTwice = 0;
        long lost = 0;
        long duplicated = 0;
        for (int slot = 0; slot < sentNanos.length(); slot++) {
            if (sentNanos.get(slot) == 0) {
                continue;
            }
            sent++;
            int a = acks.get(slot);
            if (a == 0) {
                unacknowledged++;
            } else {
                acked++;
                ackedTwice += a > 1 ? 1 : 0;
            }
            int d = deliveries.get(slot);
            if (a > 0 && d < receivers && !(d == 0 && rejected.get(slot) == 1)) {
                lost++;
            } else if (d > receivers) {
                duplicated++;
            }
            if (d > 0 && slot % capacity + 1 >= measuredFrom) {
                everyone.recordNanos(lastDeliveryNanos.get(slot) - sentNanos.get(slot));
            }
        }
        return new Tally(sent, acked, unacknowledged, ackedTwice, lost, duplicated);
    }

    /**
     * The time from sending each operation until the last receiver had it, per window of sending time from
     * {@code began}: where in a run the slow operations were. Warm-up operations included.
     */
    List<LatencyHistogram> timeline(long began, long windowNanos) {
        List<LatencyHistogram> windows = new ArrayList<>();
        for (int slot = 0; slot < sentNanos.length(); slot++) {
            long sent = sentNanos.get(slot);
            if (sent == 0 || deliveries.get(slot) == 0) {
                continue;
            }
            int window = (int) Math.max(0, (sent - began) / windowNanos);
            while (windows.size() <= window) {
                windows.add(new LatencyHistogram());
            }
            windows.get(window).recordNanos(lastDeliveryNanos.get(slot) - sent);
        }
        return windows;
    }

    /**
     * @param lost       acknowledged operations that fewer than every other client received
     * @param duplicated operations some client received more than once
     */
    record Tally(long sent, long acknowledged, long unacknowledged, long acknowledgedTwice, long lost,
            long duplicated) {
    }

    /** Every operation sent is acknowledged and delivered to every receiver (unless it was rejected whole). */
    boolean deliveredEverywhere(int receivers) {
        for (int slot = 0; slot < sentNanos.length(); slot++) {
            boolean pending = acks.get(slot) == 0
                    || deliveries.get(slot) < receivers && !(deliveries.get(slot) == 0 && rejected.get(slot) == 1);
            if (sentNanos.get(slot) != 0 && pending) {
                return false;
            }
        }
        return true;
    }

    private int slot(int editor, long sequence) {
        if (sequence < 1 || sequence > capacity) {
            throw new IllegalArgumentException("sequence " + sequence + " outside 1.." + capacity);
        }
        return editor * capacity + (int) (sequence - 1);
    }
}
