package org.arxos.cache.internal;

import static org.arxos.cache.internal.CacheFixtures.TEXT;
import static org.arxos.cache.internal.CacheFixtures.key;
import static org.arxos.cache.internal.CacheFixtures.registration;
import static org.arxos.cache.internal.CacheFixtures.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

import org.arxos.api.cache.CacheKey;
import org.arxos.api.compress.CompressionLevel;
import org.arxos.api.compress.Compressor;
import org.arxos.api.selection.ImplementationSelector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Values above the threshold are stored compressed by the serving Compressor and read back through the same one. */
class CompressionTest {

    private static final String LARGE = "<path d=\"M 0 0 L 10 10\"/>".repeat(200);
    private static final String SMALL = "<path d=\"M 0 0 L 10 10\"/>".repeat(10);

    private final TestTier l1 = new TestTier("heap");
    private final TestSelector selector = new TestSelector().add("zip", new ZipCompressor());
    private final TestServiceObjects<ImplementationSelector> boundSelector = new TestServiceObjects<>(selector);
    private TieredCache cache;

    @BeforeEach
    void activate() {
        cache = newCache();
    }

    @AfterEach
    void deactivate() {
        cache.deactivate();
    }

    /** A cache over the same tier, as after a restart: what it returns it read from the tier. */
    private TieredCache newCache() {
        TieredCache fresh = new TieredCache(settings("compression.threshold", 1000), new ManualClock());
        fresh.bindTier(l1, registration(1, "heap", 0, 1));
        fresh.bindSelector(boundSelector);
        return fresh;
    }

    @Test
    void aValueAboveTheThresholdIsStoredCompressedAndReadBack() {
        CacheKey key = key("acme", "render.tile", "z3");
        assertEquals(LARGE, cache.get(key, TEXT, () -> LARGE));

        Envelope stored = Envelope.of(l1.entries.get(key));
        assertEquals("zip", stored.compressor());
        assertTrue(stored.payload().length < LARGE.length() / 10, stored.payload().length + " bytes");

        cache.deactivate();
        cache = newCache();
        assertEquals(LARGE, cache.get(key, TEXT, () -> "computed"));
        assertEquals(1, cache.stats().hits());
    }

    /** Getting the selector while the cache is activated would close a cycle: the selector tracks the cache. */
    @Test
    void theSelectorIsGotOnceWhenTheFirstValueIsCompressedNotWhenItIsBound() {
        assertEquals(0, boundSelector.gets.get(), "bound, not got");
        cache.get(key("acme", "render.tile", "small"), TEXT, () -> SMALL);
        assertEquals(0, boundSelector.gets.get(), "a value below the threshold needs no compressor");

        CacheKey key = key("acme", "render.tile", "z3");
        cache.get(key, TEXT, () -> LARGE);
        cache.get(key("acme", "render.tile", "z4"), TEXT, () -> LARGE + "?");

        assertEquals("zip", Envelope.of(l1.entries.get(key)).compressor());
        assertEquals(LARGE, cache.get(key, TEXT, () -> "computed"));
        assertEquals(1, boundSelector.gets.get(), "got once and kept");
    }

    @Test
    void aSelectorThatCannotBeGotYetLeavesValuesUncompressedAndIsAskedAgain() {
        boundSelector.obtainable(false);
        cache.get(key("acme", "render.tile", "z3"), TEXT, () -> LARGE);
        assertFalse(Envelope.of(l1.entries.get(key("acme", "render.tile", "z3"))).compressed());

        boundSelector.obtainable(true);
        cache.get(key("acme", "render.tile", "z4"), TEXT, () -> LARGE);
        assertEquals("zip", Envelope.of(l1.entries.get(key("acme", "render.tile", "z4"))).compressor());
        assertEquals(2, boundSelector.gets.get());
    }

    @Test
    void anUnboundSelectorIsNoLongerUsedButAnotherOnesUnbindingChangesNothing() {
        cache.unbindSelector(new TestServiceObjects<>(new TestSelector()));
        cache.get(key("acme", "render.tile", "z3"), TEXT, () -> LARGE);
        assertEquals("zip", Envelope.of(l1.entries.get(key("acme", "render.tile", "z3"))).compressor());

        cache.unbindSelector(boundSelector);
        CacheKey key = key("acme", "render.tile", "z4");
        cache.get(key, TEXT, () -> LARGE);
        assertFalse(Envelope.of(l1.entries.get(key)).compressed());
        assertEquals("recomputed", cache.get(key("acme", "render.tile", "z3"), TEXT, () -> "recomputed"),
                "without its compressor a compressed entry is a miss");
    }

    @Test
    void aValueAtOrBelowTheThresholdIsStoredAsItIs() {
        CacheKey key = key("acme", "render.tile", "z3");
        cache.get(key, TEXT, () -> SMALL);
        Envelope stored = Envelope.of(l1.entries.get(key));
        assertNull(stored.compressor());
        assertEquals(SMALL, TEXT.decode(stored.payload()));
    }

    @Test
    void withoutACompressorValuesAreStoredAsTheyAre() {
        selector.remove("zip");
        CacheKey key = key("acme", "render.tile", "z3");
        cache.get(key, TEXT, () -> LARGE);
        assertFalse(Envelope.of(l1.entries.get(key)).compressed());
    }

    @Test
    void aCompressorThatDoesNotTakeBytesIsNotAsked() {
        selector.remove("zip");
        selector.add("svg-only", new Compressor() {
            @Override
            public boolean supports(String contentType) {
                return contentType.equals("image/svg+xml");
            }

            @Override
            public void compress(InputStream in, OutputStream out, String contentType, CompressionLevel level) {
                throw new AssertionError("asked to compress " + contentType);
            }

            @Override
            public void decompress(InputStream in, OutputStream out) {
                throw new AssertionError("asked to decompress");
            }
        }).add("zip", new ZipCompressor());
        CacheKey key = key("acme", "render.tile", "z3");
        cache.get(key, TEXT, () -> LARGE);
        assertEquals("zip", Envelope.of(l1.entries.get(key)).compressor());
    }

    @Test
    void anEntryWhoseCompressorIsNotRunningIsAMiss() {
        CacheKey key = key("acme", "render.tile", "z3");
        cache.get(key, TEXT, () -> LARGE);
        selector.remove("zip");
        selector.add("other", new ZipCompressor());

        assertEquals("recomputed", cache.get(key, TEXT, () -> "recomputed"));
    }

    @Test
    void compressedBytesThatFailTheirCheckAreAMissAndAreReplaced() {
        CacheKey key = key("acme", "render.tile", "z3");
        cache.get(key, TEXT, () -> LARGE);
        Envelope stored = Envelope.of(l1.entries.get(key));
        byte[] damaged = Arrays.copyOf(stored.payload(), stored.payload().length);
        damaged[damaged.length / 2] ^= 0x55;
        l1.entries.put(key, new Envelope(stored.key(), stored.expiresAt(), "zip", damaged).toBytes());

        assertEquals(LARGE + "!", cache.get(key, TEXT, () -> LARGE + "!"));
        assertTrue(l1.entries.containsKey(key));
        assertEquals("zip", Envelope.of(l1.entries.get(key)).compressor());
    }

    @Test
    void anEntryThatExpandsBeyondTheLargestValueIsAMiss() throws IOException {
        cache.deactivate();
        cache = new TieredCache(settings("compression.threshold", 1000, "max.value.size", 6000), new ManualClock());
        cache.bindTier(l1, registration(1, "heap", 0, 1));
        cache.bindSelector(boundSelector);
        CacheKey key = key("acme", "render.tile", "z3");
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        new ZipCompressor().compress(new ByteArrayInputStream(new byte[1_000_000]), bomb,
                Compression.CONTENT_TYPE, CompressionLevel.FAST);
        l1.entries.put(key, new Envelope(key.toString(), Long.MAX_VALUE, "zip", bomb.toByteArray()).toBytes());

        assertEquals(LARGE, cache.get(key, TEXT, () -> LARGE));
    }
}
