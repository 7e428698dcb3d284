package org.arxos.collab.lww.internal;

import java.util.HashMap;
import java.util.Map;

import org.arxos.api.collab.Conflict;

/**
 * Which operation last wrote every field of every object, and which removed an object, for as long as an operation
 * can still be based on a revision before the write.
 */
public final class FieldWriters {

    /**
     * @param value    the value written ({@code null} for a cleared property or a removal), its author and operation
     * @param clientId the client that wrote it
     * @param revision the revision the write made
     */
    public record LastWrite(Conflict.AuthoredValue value, String clientId, long revision) {

        /** Whether an operation of {@code clientId} based on revision {@code base} had not seen this write. */
        public boolean concurrentWith(String clientId, long base) {
            return revision > base && !this.clientId.equals(clientId);
        }
    }

    private final Map<String, Map<String, LastWrite>> byObject = new HashMap<>();
    private final Map<String, LastWrite> removals = new HashMap<>();

    public LastWrite get(String objectId, String field) {
        Map<String, LastWrite> fields = byObject.get(objectId);
        return fields == null ? null : fields.get(field);
    }

    /** The object's fields that other clients than {@code clientId} wrote after revision {@code base}. */
    public Map<String, LastWrite> concurrentOn(String objectId, String clientId, long base) {
        Map<String, LastWrite> concurrent = new HashMap<>();
        byObject.getOrDefault(objectId, Map.of()).forEach((field, w) -> {
            if (w.concurrentWith(clientId, base)) {
                concurrent.put(field, w);
            }
        });
        return concurrent;
    }

    public void write(String objectId, String field, LastWrite write) {
        byObject.computeIfAbsent(objectId, id -> new HashMap<>()).put(field, write);
    }

    /** The object is gone: its fields are forgotten and the removal remembered, to name it to later writers. */
    public void remove(String objectId, LastWrite removal) {
        byObject.remove(objectId);
        removals.put(objectId, removal);
    }

    /** The removal of the object that an operation of {@code clientId} based on {@code base} had not seen, or null. */
    public LastWrite removalConcurrentWith(String objectId, String clientId, long base) {
        LastWrite removal = removals.get(objectId);
        return removal != null && removal.concurrentWith(clientId, base) ? removal : null;
    }

    /** Forgets writes made at or before {@code revision}: no acceptable operation is based before them any more. */
    public void forgetUpTo(long revision) {
        byObject.values().forEach(fields -> fields.values().removeIf(w -> w.revision <= revision));
        byObject.values().removeIf(Map::isEmpty);
        removals.values().removeIf(w -> w.revision <= revision);
    }
}
