/**
 * Support for cache tiers: {@link org.arxos.cache.KeyPattern}, the invalidation glob over cache keys,
 * {@link org.arxos.cache.TenantQuotas}, each tenant's share of a tier as configured and what it admits,
 * {@link org.arxos.cache.TierCounters}, the counters behind a tier's statistics, and
 * {@link org.arxos.cache.BatchingTier}, a tier that stores many entries in one call.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package org.arxos.cache;
