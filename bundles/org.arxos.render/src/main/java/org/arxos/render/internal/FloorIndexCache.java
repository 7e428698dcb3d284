package org.arxos.render.internal;

import java.util.LinkedHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.arxos.model.BuildingObject;
import org.arxos.model.Revision;

/**
 * The last few floor indexes, keyed by the revision's content hash and the floor's id: revisions with the same
 * content share their indexes, and a new revision's content makes new keys, so nothing needs invalidating. Requests
 * for an index that is being built wait for that build instead of starting another.
 */
final class FloorIndexCache {

    private record Key(String contentHash, String floorId) {
    }

    /** In access order, least recently used first; an entry is complete or still being built. */
    private final LinkedHashMap<Key, CompletableFuture<FloorIndex>> entries = new LinkedHashMap<>(16, 0.75f, true);
    private int capacity;

    FloorIndexCache(int capacity) {
        resize(capacity);
    }

    /** The index of {@code floor}, an object of {@code revision}, built on this thread when no one has it. */
    FloorIndex get(Revision revision, BuildingObject floor) {
        Key key = new Key(revision.contentHash(), floor.id());
        CompletableFuture<FloorIndex> entry;
        boolean mine = false;
        synchronized (entries) {
            entry = entries.get(key);
            if (entry == null) {
                entry = new CompletableFuture<>();
                entries.put(key, entry);
                trim();
                mine = true;
            }
        }
        if (mine) {
            try {
                entry.complete(FloorIndex.build(revision, floor));
            } catch (RuntimeException | Error e) {
                synchronized (entries) {
                    entries.remove(key, entry);
                }
                entry.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return entry.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    void resize(int newCapacity) {
        synchronized (entries) {
            capacity = Math.max(1, newCapacity);
            trim();
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private void trim() {
        var leastRecentFirst = entries.keySet().iterator();
        while (entries.size() > capacity) {
            leastRecentFirst.next();
            leastRecentFirst.remove();
        }
    }
}
