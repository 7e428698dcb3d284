package org.arxos.http.internal.collab;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

import org.arxos.api.collab.AppliedOperation;

/**
 * The JSON of the operations being broadcast, so that the listeners of every session of a building, which receive
 * the same {@link AppliedOperation} object, share one encoding. A slot per revision number, checked by identity: the
 * sessions of a building reach a broadcast at different times (one may be thousands of revisions behind another),
 * so there are as many slots as a session may have events waiting; a later revision takes the slot over.
 */
final class EncodedBroadcasts {

    private static final int SLOTS = 1 << 14;
    private static final int LOCKS = 256;

    private record Encoded(AppliedOperation operation, String json) {
    }

    private final AtomicReferenceArray<Encoded> slots = new AtomicReferenceArray<>(SLOTS);
    private final Object[] locks = new Object[LOCKS];
    private final LongAdder encodings = new LongAdder();

    EncodedBroadcasts() {
        Arrays.setAll(locks, i -> new Object());
    }

    String json(AppliedOperation operation) {
        int slot = (int) Math.floorMod(operation.revision(), (long) SLOTS);
        Encoded encoded = slots.get(slot);
        if (encoded != null && encoded.operation() == operation) {
            return encoded.json();
        }
        // sessions reach a new broadcast at the same moment on several threads: one of them encodes it
        synchronized (locks[slot % LOCKS]) {
            encoded = slots.get(slot);
            if (encoded != null && encoded.operation() == operation) {
                return encoded.json();
            }
            String json = ServerMessages.applied(operation);
            encodings.increment();
            slots.set(slot, new Encoded(operation, json));
            return json;
        }
    }

    /** How many times an operation was encoded since the start. */
    long encodings() {
        return encodings.sum();
    }
}
