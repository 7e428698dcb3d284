package org.arxos.cache;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

import org.arxos.api.cache.CacheKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How much each tenant's partition of a tier may hold, in the tier's unit (entries or bytes): a default, and
 * overrides for single tenants.
 *
 * @param defaultQuota the quota of every tenant not overridden, at least 1
 * @param overrides    quotas by tenant (as the tenant appears in cache keys), each at least 1
 */
public record TenantQuotas(long defaultQuota, Map<String, Long> overrides) {

    private static final Logger LOG = LoggerFactory.getLogger(TenantQuotas.class);

    public TenantQuotas {
        if (defaultQuota < 1) {
            throw new IllegalArgumentException("the default tenant quota must be 1 or more but was " + defaultQuota);
        }
        overrides = Map.copyOf(overrides);
    }

    /**
     * Reads the configured quotas, each (the default and the overrides) multiplied by {@code unit}.
     *
     * @param defaultSetting the name of the default's setting, for messages (e.g. {@code tenantMegabytes})
     * @param overrides      entries written as {@code tenant=quota}, e.g. {@code acme=500}; may be null
     * @throws IllegalArgumentException naming the setting or the entry that is not a whole number of at least 1
     */
    public static TenantQuotas parse(String defaultSetting, long defaultQuota, String[] overrides, long unit) {
        if (defaultQuota < 1) {
            throw new IllegalArgumentException(defaultSetting + " must be 1 or more but was " + defaultQuota);
        }
        Map<String, Long> quotas = new HashMap<>();
        for (String entry : overrides == null ? new String[0] : overrides) {
            int equals = entry.indexOf('=');
            long quota = equals > 0 ? wholeNumber(entry.substring(equals + 1).strip()) : -1;
            String tenant = equals > 0 ? entry.substring(0, equals).strip() : "";
            if (quota < 1 || tenant.isEmpty()) {
                throw new IllegalArgumentException("tenantQuotas entry '" + entry + "' must be tenant=quota with a "
                        + "whole number of 1 or more, e.g. acme=500");
            }
            quotas.put(tenant, inUnits("tenantQuotas entry '" + entry + "'", quota, unit));
        }
        return new TenantQuotas(inUnits(defaultSetting, defaultQuota, unit), quotas);
    }

    /**
     * A memory tier's megabytes per tenant: as configured, or for 0 a tenth of the JVM's maximum heap (at least
     * 16), so that a server given more memory caches more without being configured again.
     *
     * @throws IllegalArgumentException naming the setting when it is negative
     */
    public static long megabytesOrHeapShare(String setting, long configured) {
        if (configured < 0) {
            throw new IllegalArgumentException(setting + " must be 0 (a tenth of the heap) or more but was "
                    + configured);
        }
        return configured > 0 ? configured : Math.max(16, Runtime.getRuntime().maxMemory() / 10 >> 20);
    }

    public long quotaOf(String tenant) {
        return overrides.getOrDefault(tenant, defaultQuota);
    }

    /**
     * Decides whether a tier with quotas in bytes stores an entry: not when it has no time left (a {@code null} time
     * to live is none, and keeps it), nor when its value alone is larger than its tenant's whole quota, which counts
     * as an eviction.
     *
     * @return the tenant's quota when the entry is to be stored, else empty
     */
    public OptionalLong admit(CacheKey key, byte[] value, Duration timeToLive, TierCounters counters) {
        Objects.requireNonNull(value, "value");
        if (timeToLive != null && (timeToLive.isZero() || timeToLive.isNegative())) {
            return OptionalLong.empty();
        }
        long quota = quotaOf(key.tenant());
        if (value.length > quota) {
            counters.recordEvictions(1);
            LOG.debug("Not storing {}: its {} bytes exceed the tenant's quota of {}", key, value.length, quota);
            return OptionalLong.empty();
        }
        return OptionalLong.of(quota);
    }

    private static long wholeNumber(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long inUnits(String setting, long quota, long unit) {
        try {
            return Math.multiplyExact(quota, unit);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(setting + " is too large: " + quota + " times " + unit
                    + " is more than a long holds");
        }
    }
}
