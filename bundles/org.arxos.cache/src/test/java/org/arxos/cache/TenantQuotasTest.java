package org.arxos.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

import org.arxos.api.cache.CacheKey;
import org.junit.jupiter.api.Test;

class TenantQuotasTest {

    @Test
    void overridesAndTheDefaultAreInTheGivenUnit() {
        TenantQuotas quotas = TenantQuotas.parse("tenantKilobytes", 4, new String[] {"acme=16", " big.co = 64 "},
                1024);

        assertEquals(16 * 1024, quotas.quotaOf("acme"));
        assertEquals(64 * 1024, quotas.quotaOf("big.co"));
        assertEquals(4 * 1024, quotas.quotaOf("other"));
    }

    @Test
    void aMalformedOverrideIsRejectedNamingIt() {
        for (String bad : new String[] {"acme", "acme=", "=5", " =5", "acme=lots", "acme=0", "acme=-3"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TenantQuotas.parse("tenantEntries", 4, new String[] {bad}, 1));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void theDefaultMustBePositiveAndEveryQuotaFitALong() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> TenantQuotas.parse("tenantQuotaBytes", 0, null, 1));
        assertTrue(none.getMessage().startsWith("tenantQuotaBytes must be 1 or more"), none.getMessage());
        IllegalArgumentException huge = assertThrows(IllegalArgumentException.class,
                () -> TenantQuotas.parse("tenantMegabytes", 1, new String[] {"acme=" + Long.MAX_VALUE}, 1 << 20));
        assertTrue(huge.getMessage().contains("too large"), huge.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TenantQuotas(0, Map.of()));
    }

    @Test
    void anEntryIsAdmittedUnderItsTenantsQuotaWhenItHasTimeLeftAndFits() {
        TenantQuotas quotas = new TenantQuotas(4, Map.of("acme", 8L));
        TierCounters counters = new TierCounters();
        CacheKey acme = new CacheKey("acme", "b1", "render", "h1");

        assertEquals(OptionalLong.of(8), quotas.admit(acme, new byte[8], null, counters));
        assertEquals(OptionalLong.of(8), quotas.admit(acme, new byte[1], Duration.ofMillis(1), counters));
        assertEquals(OptionalLong.empty(), quotas.admit(acme, new byte[1], Duration.ZERO, counters));
        assertEquals(OptionalLong.empty(), quotas.admit(acme, new byte[1], Duration.ofSeconds(-1), counters));
        assertEquals(0, counters.evictions(), "no time left is not an eviction");

        CacheKey other = new CacheKey("other", "b1", "render", "h1");
        assertEquals(OptionalLong.empty(), quotas.admit(other, new byte[5], null, counters));
        assertEquals(1, counters.evictions(), "larger than the whole quota counts as an eviction");
        assertThrows(NullPointerException.class, () -> quotas.admit(acme, null, null, counters));
    }
}
