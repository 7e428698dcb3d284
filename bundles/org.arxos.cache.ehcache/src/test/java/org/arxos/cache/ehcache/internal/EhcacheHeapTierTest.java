package org.arxos.cache.ehcache.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.Annotation;
import java.util.Map;

import org.arxos.cache.TenantQuotas;
import org.junit.jupiter.api.Test;

class EhcacheHeapTierTest extends EhcacheTierContract {

    @Override
    EhcacheTier newTier(int entries, int valueSize, int maxTenants) {
        return new EhcacheHeapTier(new TenantQuotas(entries, Map.of()), maxTenants, largestValue(entries, valueSize));
    }

    @Override
    long largestValue(int entries, int valueSize) {
        return 4L * valueSize;
    }

    @Test
    void aTenantsOwnQuotaBoundsItsPartition() {
        EhcacheHeapTier component = new EhcacheHeapTier(new HeapTierConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return HeapTierConfiguration.class;
            }

            @Override
            public int tenantEntries() {
                return 50;
            }

            @Override
            public String[] tenantQuotas() {
                return new String[] {"acme=10"};
            }

            @Override
            public int maxValueKilobytes() {
                return 1;
            }

            @Override
            public int maxTenants() {
                return 10;
            }
        });
        tier = component;

        for (int i = 0; i < 50; i++) {
            tier.put(key("acme", i), value(16, i), HOUR);
            tier.put(key("globex", i), value(16, i), HOUR);
        }

        assertEquals(60, tier.stats().entries());
        assertEquals(40, tier.stats().evictions());
    }
}
