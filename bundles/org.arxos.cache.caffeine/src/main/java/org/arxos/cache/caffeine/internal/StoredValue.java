package org.arxos.cache.caffeine.internal;

/**
 * A cached value with the time to live it was stored with, which {@link EntryTimeToLive} hands to Caffeine. The bytes
 * are kept as given, not copied: the tiered cache never changes a value after storing it.
 */
record StoredValue(byte[] bytes, long timeToLiveNanos) {
}
