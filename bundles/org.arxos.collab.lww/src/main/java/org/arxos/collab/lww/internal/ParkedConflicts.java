package org.arxos.collab.lww.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.arxos.api.collab.Conflict;

/** Conflicts parked for a person, by object and field, each with the revision of the operation that parked it. */
public final class ParkedConflicts {

    private record Parked(Conflict conflict, long revision, long order) {
    }

    private final Map<String, Map<String, List<Parked>>> byObject = new HashMap<>();
    private int size;
    private long order;

    public int size() {
        return size;
    }

    public void park(Conflict conflict, long revision) {
        byObject.computeIfAbsent(conflict.targetId(), id -> new HashMap<>())
                .computeIfAbsent(conflict.field(), f -> new ArrayList<>()).add(new Parked(conflict, revision, order++));
        size++;
    }

    /** A write of the field based on revision {@code base} decides the conflicts parked at or before it. */
    public void decide(String objectId, String field, long base) {
        Map<String, List<Parked>> fields = byObject.get(objectId);
        List<Parked> parked = fields == null ? null : fields.get(field);
        if (parked != null) {
            int before = parked.size();
            parked.removeIf(p -> p.revision <= base);
            size -= before - parked.size();
            if (parked.isEmpty()) {
                fields.remove(field);
                if (fields.isEmpty()) {
                    byObject.remove(objectId);
                }
            }
        }
    }

    /** The object was removed: nothing about it is left to decide. */
    public void forget(String objectId) {
        Map<String, List<Parked>> fields = byObject.remove(objectId);
        if (fields != null) {
            fields.values().forEach(parked -> size -= parked.size());
        }
    }

    /** Every parked conflict, oldest first. */
    public List<Conflict> list() {
        List<Parked> all = new ArrayList<>(size);
        byObject.values().forEach(fields -> fields.values().forEach(all::addAll));
        all.sort(Comparator.comparingLong(Parked::order));
        return all.stream().map(Parked::conflict).toList();
    }
}
