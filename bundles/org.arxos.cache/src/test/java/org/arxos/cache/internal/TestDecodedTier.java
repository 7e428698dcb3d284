package org.arxos.cache.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.arxos.api.cache.CacheKey;
import org.arxos.cache.DecodedValueTier;
import org.arxos.cache.KeyPattern;

/** A {@link TestTier} that keeps the entries the cache stores decoded as they are, as a heap tier does. */
final class TestDecodedTier extends TestTier implements DecodedValueTier {

    final Map<CacheKey, Decoded> decoded = new ConcurrentHashMap<>();

    TestDecodedTier(String name) {
        super(name);
    }

    @Override
    public Optional<byte[]> get(CacheKey key) {
        Decoded kept = decoded.get(key);
        return kept != null ? Optional.of(kept.entry().get()) : super.get(key);
    }

    @Override
    public Optional<Decoded> getDecoded(CacheKey key) {
        enter("get decoded " + key);
        return Optional.ofNullable(decoded.get(key));
    }

    @Override
    public void putDecoded(Decoded entry, Duration timeToLive) {
        enter("put decoded " + entry.key());
        entries.remove(entry.key());
        decoded.put(entry.key(), entry);
        timesToLive.put(entry.key(), timeToLive);
    }

    @Override
    public void remove(CacheKey key) {
        super.remove(key);
        decoded.remove(key);
    }

    @Override
    public long invalidate(String pattern) {
        long removed = super.invalidate(pattern);
        KeyPattern keys = KeyPattern.of(pattern);
        long before = decoded.size();
        decoded.keySet().removeIf(keys::matches);
        return removed + before - decoded.size();
    }
}
