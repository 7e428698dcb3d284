package org.arxos.http.internal.collab;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.arxos.api.collab.AppliedOperation;

/**
 * The JSON of the operations being broadcast, so that the listeners of every session of a building, which receive
 * the same {@link AppliedOperation} object, share one encoding; likewise the runs of them that most sessions receive
 * as one list. A slot per revision number (a run's first), checked by identity: the sessions of a building reach a
 * broadcast at different times (one may be thousands of revisions behind another), so there are as many slots as a
 * session may have events waiting; a later revision takes the slot over.
 */
final class EncodedBroadcasts {

    private static final int SLOTS = 1 << 14;
    private static final int LOCKS = 256;

    /** @param key the operation or the list of them that was encoded */
    private record Encoded(Object key, String json) {
    }

    /** Slots and their locks; a run's encoder takes its operations' locks while it holds its own, never the reverse. */
    private record Cache(AtomicReferenceArray<Encoded> slots, Object[] locks) {

        Cache() {
            this(new AtomicReferenceArray<>(SLOTS), new Object[LOCKS]);
            Arrays.setAll(locks, i -> new Object());
        }
    }

    private final Cache operations = new Cache();
    private final Cache runs = new Cache();
    private final LongAdder encodings = new LongAdder();

    /** The {@code applied} message of one operation. */
    String json(AppliedOperation operation) {
        return shared(operations, operation.revision(), operation, () -> {
            encodings.increment();
            return ServerMessages.applied(operation);
        });
    }

    /** The {@code applied} messages of consecutive operations, as a JSON array. */
    String run(List<AppliedOperation> run) {
        return shared(runs, run.get(0).revision(), run, () -> run.stream().map(this::json)
                .collect(Collectors.joining(",", "[", "]")));
    }

    private static String shared(Cache cache, long revision, Object key, Supplier<String> encoder) {
        AtomicReferenceArray<Encoded> slots = cache.slots();
        int slot = (int) Math.floorMod(revision, (long) SLOTS);
        Encoded encoded = slots.get(slot);
        if (encoded != null && encoded.key() == key) {
            return encoded.json();
        }
        // sessions reach a new broadcast at the same moment on several threads: one of them encodes it
        synchronized (cache.locks()[slot % LOCKS]) {
            encoded = slots.get(slot);
            if (encoded != null && encoded.key() == key) {
                return encoded.json();
            }
            String json = encoder.get();
            slots.set(slot, new Encoded(key, json));
            return json;
        }
    }

    /** How many times an operation was encoded since the start. */
    long encodings() {
        return encodings.sum();
    }
}
