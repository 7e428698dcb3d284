package org.arxos.cache.ehcache.internal;

import java.time.Duration;
import java.util.function.Supplier;

import org.ehcache.expiry.ExpiryPolicy;

/** Each entry lives for the time it was stored with; reading it does not extend that. */
final class EntryTimeToLive implements ExpiryPolicy<String, StoredValue> {

    @Override
    public Duration getExpiryForCreation(String key, StoredValue value) {
        return value.timeToLive();
    }

    @Override
    public Duration getExpiryForAccess(String key, Supplier<? extends StoredValue> value) {
        return null;
    }

    @Override
    public Duration getExpiryForUpdate(String key, Supplier<? extends StoredValue> oldValue, StoredValue newValue) {
        return newValue.timeToLive();
    }
}
