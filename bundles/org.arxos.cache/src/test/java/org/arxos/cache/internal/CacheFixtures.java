package org.arxos.cache.internal;

import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.arxos.api.cache.CacheKey;
import org.arxos.api.cache.CacheTier;
import org.arxos.api.cache.ValueCodec;
import org.arxos.api.selection.Capability;

/** Keys, a strict text codec, settings from configuration properties and tier registrations for the tests. */
final class CacheFixtures {

    /** UTF-8 text; bytes that are not UTF-8 fail to decode. */
    static final ValueCodec<String> TEXT = new ValueCodec<>() {
        @Override
        public byte[] encode(String value) {
            return value.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String decode(byte[] bytes) {
            try {
                return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException("not UTF-8", e);
            }
        }
    };

    private CacheFixtures() {
    }

    static CacheKey key(String tenant, String operation, String inputHash) {
        return new CacheKey(tenant, "b1", operation, inputHash);
    }

    /**
     * Settings as the component gets them from ConfigAdmin: properties by their configuration names
     * ({@code "write.modes"}), every other attribute at its default except admission by cost, off unless given: the
     * tests' computations take microseconds, and they check where values go, which admission would decide by timing.
     */
    static CacheSettings settings(Object... namesAndValues) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("admission.by.cost", false);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            properties.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        CacheConfiguration configuration = (CacheConfiguration) Proxy.newProxyInstance(
                CacheConfiguration.class.getClassLoader(), new Class<?>[] {CacheConfiguration.class},
                (proxy, method, args) -> properties.getOrDefault(method.getName().replace('_', '.'),
                        method.getDefaultValue()));
        return CacheSettings.of(configuration);
    }

    /** A cache over the tiers, fastest first: levels 1, 2, ... */
    static TieredCache over(CacheSettings settings, Clock clock, TestTier... tiers) {
        TieredCache cache = new TieredCache(settings, clock);
        for (int i = 0; i < tiers.length; i++) {
            cache.bindTier(tiers[i], registration(i + 1, tiers[i].name, 0, i + 1L));
        }
        return cache;
    }

    static Map<String, Object> registration(int level, String name, int ranking, long serviceId) {
        return Map.of(CacheTier.LEVEL, level, Capability.IMPL, name, "service.ranking", ranking, "service.id",
                serviceId);
    }
}
