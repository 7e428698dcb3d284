package org.arxos.cache.testing;

import java.lang.reflect.Proxy;
import java.util.Map;

import org.arxos.api.cache.Cache;
import org.arxos.api.cache.CacheTier;
import org.arxos.api.selection.Capability;
import org.arxos.cache.internal.CacheConfiguration;
import org.arxos.cache.internal.TieredCache;

/**
 * The real tiered cache of org.arxos.cache for other bundles' tests, set up as SCR would: its default configuration
 * except that every level is written through (so a test sees a value stored when the request returns), and one tier
 * bound.
 */
public final class TieredCaches {

    private TieredCaches() {
    }

    public static Cache over(CacheTier tier, int level, String name) {
        CacheConfiguration writeThrough = (CacheConfiguration) Proxy.newProxyInstance(
                CacheConfiguration.class.getClassLoader(), new Class<?>[] {CacheConfiguration.class},
                (proxy, method, args) -> method.getName().equals("write_modes") ? new String[0]
                        : method.getDefaultValue());
        TieredCache cache = new TieredCache(writeThrough);
        cache.bindTier(tier, Map.of(CacheTier.LEVEL, level, Capability.IMPL, name, "service.ranking", 0,
                "service.id", 1L));
        return cache;
    }

    public static void close(Cache cache) {
        ((TieredCache) cache).deactivate();
    }
}
