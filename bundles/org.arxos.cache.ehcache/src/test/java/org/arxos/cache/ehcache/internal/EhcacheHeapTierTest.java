package org.arxos.cache.ehcache.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.Map;
import java.util.stream.IntStream;

import org.arxos.cache.DecodedValueTier;
import org.arxos.cache.TenantQuotas;
import org.arxos.cache.testing.DecodedEntries;
import org.junit.jupiter.api.Test;

class EhcacheHeapTierTest extends EhcacheTierContract {

    @Override
    EhcacheTier newTier(int entries, int valueSize, int maxTenants) {
        return new EhcacheHeapTier(new TenantQuotas(Long.MAX_VALUE / 4, Map.of()), entries, maxTenants,
                largestValue(entries, valueSize));
    }

    @Override
    long largestValue(int entries, int valueSize) {
        return 4L * valueSize;
    }

    @Test
    void aPartitionHoldsWhatItsMemoryBudgetHoldsAndATenantsOwnQuotaBoundsIt() {
        tier = new EhcacheHeapTier(configuration(1, new String[] {"acme=2"}, 0));
        int size = 1024;
        for (int i = 0; i < 5_000; i++) {
            tier.put(key("acme", i), value(size, i), HOUR);
            tier.put(key("globex", i), value(size, i), HOUR);
        }

        long perEntry = size + EhcacheHeapTier.ENTRY_OVERHEAD;
        long globex = held("globex");
        long acme = held("acme");
        assertTrue(globex <= (1 << 20) / perEntry && globex >= 0.9 * (1 << 20) / perEntry,
                "1 MiB holds about " + (1 << 20) / perEntry + " entries of 1 KiB, held " + globex);
        assertTrue(acme <= (2 << 20) / perEntry && acme >= 0.9 * (2 << 20) / perEntry,
                "2 MiB hold about " + (2 << 20) / perEntry + " entries of 1 KiB, held " + acme);
        assertEquals(10_000 - globex - acme, tier.stats().evictions());
    }

    @Test
    void anEntryLimitBoundsAPartitionBesidesItsBudget() {
        tier = new EhcacheHeapTier(configuration(1, new String[0], 50));
        for (int i = 0; i < 300; i++) {
            tier.put(key("acme", i), value(16, i), HOUR);
        }
        assertEquals(50, held("acme"));
    }

    @Test
    void aDecodedEntryIsKeptAsItsValueWeighedByItsSizeAndGivesItsBytesWhenAskedFor() {
        EhcacheHeapTier heap = new EhcacheHeapTier(configuration(1, new String[0], 0));
        tier = heap;
        byte[] entry = value(16, 7);
        DecodedValueTier.Decoded decoded = DecodedEntries.of(key("acme", 1), new Object(), entry, 4096);

        heap.putDecoded(decoded, HOUR);
        heap.put(key("acme", 2), value(64, 2), HOUR);

        assertSame(decoded, heap.getDecoded(key("acme", 1)).orElseThrow());
        assertArrayEquals(entry, heap.get(key("acme", 1)).orElseThrow());
        assertTrue(heap.getDecoded(key("acme", 2)).isEmpty(), "an entry stored as bytes has no decoded value");
        assertEquals(4096 + 64, heap.stats().bytes(), "a decoded entry weighs its value's size, not its bytes");
    }

    @Test
    void badSettingsAreRefusedNamingThem() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new EhcacheHeapTier(configuration(-1,
                new String[0], 0))).getMessage().contains("tenantMegabytes"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new EhcacheHeapTier(configuration(1,
                new String[0], -5))).getMessage().contains("tenantEntries"));
    }

    private long held(String tenant) {
        return IntStream.range(0, 5_000).filter(i -> tier.get(key(tenant, i)).isPresent()).count();
    }

    private static HeapTierConfiguration configuration(int megabytes, String[] quotas, int entries) {
        return new HeapTierConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return HeapTierConfiguration.class;
            }

            @Override
            public int tenantMegabytes() {
                return megabytes;
            }

            @Override
            public String[] tenantQuotas() {
                return quotas;
            }

            @Override
            public int tenantEntries() {
                return entries;
            }

            @Override
            public int maxValueKilobytes() {
                return 64;
            }

            @Override
            public int maxTenants() {
                return 10;
            }
        };
    }
}
