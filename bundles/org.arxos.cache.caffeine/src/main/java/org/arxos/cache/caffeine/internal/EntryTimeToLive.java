package org.arxos.cache.caffeine.internal;

import org.arxos.api.cache.CacheKey;

import com.github.benmanes.caffeine.cache.Expiry;

/** Each entry lives for the time it was stored with; reading it does not extend that. */
final class EntryTimeToLive implements Expiry<CacheKey, StoredValue> {

    @Override
    public long expireAfterCreate(CacheKey key, StoredValue value, long currentTime) {
        return value.timeToLiveNanos();
    }

    @Override
    public long expireAfterUpdate(CacheKey key, StoredValue value, long currentTime, long currentDuration) {
        return value.timeToLiveNanos();
    }

    @Override
    public long expireAfterRead(CacheKey key, StoredValue value, long currentTime, long currentDuration) {
        return currentDuration;
    }
}
