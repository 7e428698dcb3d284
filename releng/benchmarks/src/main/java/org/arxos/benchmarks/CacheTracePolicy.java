package org.arxos.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

import org.ehcache.Cache;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.config.units.EntryUnit;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A cache of a fixed number of entries replaying a trace: each access is a lookup, and a miss stores the key. The
 * memory tiers' two policies, as the cache tiers configure them, and a plain LRU as the baseline.
 */
interface CacheTracePolicy extends AutoCloseable {

    /** Looks the key up and stores it on a miss; true on a hit. */
    boolean access(long key);

    @Override
    default void close() {
    }

    /** Least recently used, exactly: a LinkedHashMap in access order. */
    static CacheTracePolicy lru(int capacity) {
        Map<Long, Boolean> entries = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > capacity;
            }
        };
        return key -> {
            if (entries.get(key) != null) {
                return true;
            }
            entries.put(key, Boolean.TRUE);
            return false;
        };
    }

    /** Ehcache's heap store, which evicts the least recently used of a few sampled entries. */
    static CacheTracePolicy ehcacheHeap(int capacity) {
        CacheManager manager = CacheManagerBuilder.newCacheManagerBuilder().build(true);
        Cache<Long, Boolean> cache = manager.createCache("trace", CacheConfigurationBuilder
                .newCacheConfigurationBuilder(Long.class, Boolean.class,
                        ResourcePoolsBuilder.newResourcePoolsBuilder().heap(capacity, EntryUnit.ENTRIES)));
        return new CacheTracePolicy() {
            @Override
            public boolean access(long key) {
                if (cache.get(key) != null) {
                    return true;
                }
                cache.put(key, Boolean.TRUE);
                return false;
            }

            @Override
            public void close() {
                manager.close();
            }
        };
    }

    /** Caffeine's W-TinyLFU, with its maintenance on the replaying thread so every run is the same. */
    static CacheTracePolicy caffeine(int capacity) {
        com.github.benmanes.caffeine.cache.Cache<Long, Boolean> cache = Caffeine.newBuilder()
                .maximumSize(capacity).executor(Runnable::run).build();
        return key -> {
            if (cache.getIfPresent(key) != null) {
                return true;
            }
            cache.put(key, Boolean.TRUE);
            return false;
        };
    }
}
