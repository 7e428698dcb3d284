package org.arxos.http.internal.collab;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

import org.arxos.api.collab.AppliedOperation;

/**
 * The JSON of the operations being broadcast, so that the listeners of every session of a building, which receive
 * the same {@link AppliedOperation} object, share one encoding. Kept by identity in a few slots: a broadcast is
 * encoded while it reaches the sessions, then its slot is taken by a later one.
 */
final class EncodedBroadcasts {

    private static final int SLOTS = 256;

    private record Encoded(AppliedOperation operation, String json) {
    }

    private final AtomicReferenceArray<Encoded> slots = new AtomicReferenceArray<>(SLOTS);
    private final LongAdder encodings = new LongAdder();

    String json(AppliedOperation operation) {
        int slot = Math.floorMod(System.identityHashCode(operation), SLOTS);
        Encoded encoded = slots.get(slot);
        if (encoded != null && encoded.operation() == operation) {
            return encoded.json();
        }
        String json = ServerMessages.applied(operation);
        encodings.increment();
        slots.set(slot, new Encoded(operation, json));
        return json;
    }

    /** How many times an operation was encoded since the start. */
    long encodings() {
        return encodings.sum();
    }
}
