package org.arxos.http.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.arxos.api.grouping.Hierarchy;

/**
 * The last few grouped hierarchies, least recently used out first, so paging through a tree does not regroup the
 * revision on every request. Stands in until the platform cache serves hierarchies.
 */
final class HierarchyCache {

    /**
     * The content hash guards against a building deleted and created again under the same id; the service id
     * against a strategy swapped for another of the same name.
     */
    record Key(String tenant, String buildingId, long revision, String contentHash, String strategy, long serviceId) {
    }

    private final int capacity;
    private final Map<Key, Hierarchy> entries;

    HierarchyCache(int capacity) {
        this.capacity = Math.max(1, capacity);
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Hierarchy> eldest) {
                return size() > HierarchyCache.this.capacity;
            }
        };
    }

    /** The cached hierarchy, or a new one from {@code grouping}, computed outside the lock. */
    Hierarchy get(Key key, Supplier<Hierarchy> grouping) {
        synchronized (entries) {
            Hierarchy cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        Hierarchy grouped = grouping.get();
        synchronized (entries) {
            entries.putIfAbsent(key, grouped);
        }
        return grouped;
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    boolean contains(Key key) {
        synchronized (entries) {
            return entries.containsKey(key);
        }
    }
}
