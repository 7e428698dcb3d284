/**
 * Support for cache tiers: {@link org.arxos.cache.KeyPattern}, the invalidation glob over cache keys,
 * {@link org.arxos.cache.TenantQuotas}, each tenant's share of a tier as configured and what it admits,
 * {@link org.arxos.cache.TierCounters}, the counters behind a tier's statistics,
 * {@link org.arxos.cache.BatchingTier}, a tier that stores many entries in one call, and
 * {@link org.arxos.cache.DecodedValueTier}, a memory tier that keeps entries as decoded values.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.3.0")
package org.arxos.cache;
