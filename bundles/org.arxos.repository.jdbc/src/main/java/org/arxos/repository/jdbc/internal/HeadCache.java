package org.arxos.repository.jdbc.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.arxos.model.Revision;

/** The most recently used head revisions, at most {@code capacity} of them. */
final class HeadCache {

    private final int capacity;
    private final LinkedHashMap<BuildingKey, Revision> heads;

    HeadCache(int capacity) {
        this.capacity = capacity;
        this.heads = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<BuildingKey, Revision> eldest) {
                return size() > HeadCache.this.capacity;
            }
        };
    }

    synchronized Revision get(BuildingKey key) {
        return heads.get(key);
    }

    synchronized void put(BuildingKey key, Revision head) {
        if (capacity > 0) {
            heads.put(key, head);
        }
    }

    synchronized void remove(BuildingKey key) {
        heads.remove(key);
    }

    synchronized void clear() {
        heads.clear();
    }
}
