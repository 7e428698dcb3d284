package org.arxos.cache.ehcache.internal;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.ehcache.event.CacheEvent;
import org.ehcache.event.CacheEventListener;
import org.ehcache.event.EventType;

/**
 * Entries, value bytes and evictions of one tenant's partition, kept from Ehcache's events (delivered synchronously,
 * so the counts are exact when an operation returns). Ehcache has no public way to ask a cache its size.
 */
final class PartitionCounters implements CacheEventListener<String, StoredValue> {

    static final Set<EventType> EVENTS = EnumSet.allOf(EventType.class);

    private final AtomicLong entries = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final LongAdder evictions = new LongAdder();
    private final AtomicLong stores = new AtomicLong();

    @Override
    public void onEvent(CacheEvent<? extends String, ? extends StoredValue> event) {
        switch (event.getType()) {
            case CREATED -> {
                stores.incrementAndGet();
                entries.incrementAndGet();
                bytes.addAndGet(event.getNewValue().size());
            }
            case UPDATED -> {
                stores.incrementAndGet();
                bytes.addAndGet(event.getNewValue().size() - event.getOldValue().size());
            }
            case EVICTED, EXPIRED, REMOVED -> {
                if (event.getType() == EventType.EVICTED) {
                    evictions.increment();
                }
                entries.decrementAndGet();
                bytes.addAndGet(-event.getOldValue().size());
            }
        }
    }

    /** Starts the counts from what a partition recovered from disk holds. */
    void recovered(long entryCount, long byteCount) {
        entries.set(entryCount);
        bytes.set(byteCount);
    }

    long entries() {
        return entries.get();
    }

    long bytes() {
        return bytes.get();
    }

    /** Entries stored (new or replaced) since the partition opened. */
    long stores() {
        return stores.get();
    }

    long evictions() {
        return evictions.sum();
    }
}
