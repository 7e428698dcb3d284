package org.arxos.cache.ehcache.internal;

import java.time.Duration;

/**
 * A cached value with the time to live it was stored with, which {@link EntryTimeToLive} hands to Ehcache. The bytes
 * are kept as given, not copied: the tiered cache never changes a value after storing it.
 */
record StoredValue(byte[] bytes, Duration timeToLive) {
}
