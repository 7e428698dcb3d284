package org.arxos.cache.internal;

import static org.arxos.cache.internal.CacheFixtures.TEXT;
import static org.arxos.cache.internal.CacheFixtures.key;
import static org.arxos.cache.internal.CacheFixtures.settings;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.arxos.api.cache.CacheKey;
import org.arxos.api.cache.ValueCodec;
import org.arxos.cache.DecodedValueTier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A memory tier that keeps decoded values, and admission by cost. */
class DecodedValuesTest {

    /** Text values, counting decodes. */
    private static final class CountingCodec implements ValueCodec<String> {

        final AtomicInteger decodes = new AtomicInteger();

        @Override
        public byte[] encode(String value) {
            return TEXT.encode(value);
        }

        @Override
        public String decode(byte[] bytes) {
            decodes.incrementAndGet();
            return TEXT.decode(bytes);
        }
    }

    private final ManualClock clock = new ManualClock();
    private final TestDecodedTier l1 = new TestDecodedTier("heap");
    private final TestTier l2 = new TestTier("redis");
    private final CountingCodec codec = new CountingCodec();
    private final AtomicInteger computations = new AtomicInteger();
    private TieredCache cache;

    private void cache(CacheSettings settings) {
        cache = CacheFixtures.over(settings, clock, l1, l2);
    }

    @AfterEach
    void deactivate() {
        if (cache != null) {
            cache.deactivate();
        }
    }

    private String get(CacheKey key) {
        return cache.get(key, codec, () -> "value " + computations.incrementAndGet());
    }

    @Test
    void aHitInTheDecodedValueTierIsTheComputedValueItselfNeverDecoded() {
        cache(settings());
        CacheKey key = key("acme", "calc.area", "h1");
        String computed = get(key);

        assertSame(computed, get(key));
        assertSame(computed, get(key));

        assertEquals(1, computations.get());
        assertEquals(0, codec.decodes.get());
        assertTrue(l1.decoded.containsKey(key));
        assertFalse(l1.entries.containsKey(key), "the decoded tier holds no bytes of the entry");
        assertArrayEquals(l2.entries.get(key), l1.get(key).orElseThrow(),
                "asked for bytes, the decoded tier gives the entry the other tiers have");
    }

    @Test
    void aValueFoundInASlowerTierIsDecodedOnceAndThenKeptDecoded() {
        cache(settings());
        CacheKey key = key("acme", "calc.area", "h1");
        String computed = get(key);
        l1.decoded.clear();

        String promoted = get(key);
        assertEquals(computed, promoted);
        assertEquals(1, codec.decodes.get());
        assertSame(promoted, get(key));
        assertEquals(1, codec.decodes.get());
        assertEquals(1, computations.get());
    }

    @Test
    void anExpiredDecodedValueIsComputedAgain() {
        cache(settings());
        CacheKey key = key("acme", "calc.area", "h1");
        String first = cache.get(key, codec, Duration.ofMinutes(1), () -> "value " + computations.incrementAndGet());
        clock.advance(Duration.ofMinutes(2));

        String second = cache.get(key, codec, Duration.ofMinutes(1), () -> "value " + computations.incrementAndGet());

        assertEquals("value 1", first);
        assertEquals("value 2", second);
    }

    @Test
    void aCodecOfAnotherClassDecodesTheEntryRatherThanTakeTheKeptValue() {
        cache(settings());
        CacheKey key = key("acme", "calc.area", "h1");
        String computed = get(key);

        String read = cache.get(key, TEXT, () -> "not computed again");

        assertEquals(computed, read);
        assertNotSame(computed, read);
    }

    @Test
    void aDecodedEntryWhoseBytesCannotBeMadeAgainIsAMissForAnotherCodec() {
        cache(settings());
        CacheKey key = key("acme", "calc.area", "h1");
        l1.putDecoded(new DecodedValueTier.Decoded(key, "kept", codec, Long.MAX_VALUE, 4, () -> {
            throw new IllegalStateException("cannot encode");
        }), Duration.ofHours(1));

        assertEquals("computed", cache.get(key, TEXT, () -> "computed"));
        assertEquals("computed", cache.get(key, TEXT, () -> "computed again"), "the unreadable entry was replaced");
    }

    @Test
    void aValueCheaperToComputeThanToFetchFromASlowTierIsNotStoredThere() {
        cache(settings("admission.by.cost", true));
        l2.slowGets(30);
        CacheKey cheap = key("acme", "calc.area", "cheap");
        CacheKey dear = key("acme", "calc.volume", "dear");

        cache.get(cheap, codec, () -> "cheap");
        cache.get(dear, codec, () -> {
            TestTier.pause(120);
            return "dear";
        });

        assertTrue(l1.decoded.containsKey(cheap), "the fastest level takes every value");
        assertFalse(l2.entries.containsKey(cheap), "computed in less than the 30 ms a get from L2 takes");
        assertTrue(l2.entries.containsKey(dear), "computed in more than a get from L2 takes");
    }

    @Test
    void aTierThatDoesNotKeepAnOperationsValuesIsNotAskedForThem() {
        cache(settings("admission.by.cost", true));
        l2.slowGets(30);
        cache.get(key("acme", "calc.area", "first"), codec, () -> "cheap");
        int asked = l2.calls.get();

        cache.get(key("acme", "calc.area", "second"), codec, () -> "cheap");
        cache.get(key("acme", "calc.volume", "first"), codec, () -> "cheap");

        assertEquals(asked + 1, l2.calls.get(), "asked only for calc.volume, whose cost is not known yet");
    }

    @Test
    void withoutAdmissionByCostEveryLevelStoresEveryValue() {
        cache(settings("admission.by.cost", false));
        l2.slowGets(30);
        CacheKey cheap = key("acme", "calc.area", "cheap");

        cache.get(cheap, codec, () -> "cheap");

        assertTrue(l2.entries.containsKey(cheap));
    }
}
