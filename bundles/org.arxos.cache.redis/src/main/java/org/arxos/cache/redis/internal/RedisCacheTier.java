package org.arxos.cache.redis.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.arxos.api.cache.CacheKey;
import org.arxos.api.cache.CacheTier;
import org.arxos.api.cache.TierStats;
import org.arxos.api.selection.Capability;
import org.arxos.cache.KeyPattern;
import org.arxos.cache.TenantQuotas;
import org.arxos.cache.TierCounters;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The second cache level: values in Redis with the entry's own expiry (PX), each tenant held to a byte quota by the
 * atomic bookkeeping in {@code tier.lua}. Calls fail fast with an exception while Redis is unreachable, and the pool
 * connects afresh once it is back. Client-side caching is not used: the memory tier in front already keeps the hot
 * entries, and entries never change under their key.
 */
@Component(service = CacheTier.class, configurationPid = RedisTierConfiguration.PID,
        property = { Capability.IMPL + "=redis", CacheTier.LEVEL + ":Integer=2", "service.ranking:Integer=0" })
@Designate(ocd = RedisTierConfiguration.class)
public final class RedisCacheTier implements CacheTier {

    private static final Logger LOG = LoggerFactory.getLogger(RedisCacheTier.class);
    private static final Duration LONGEST_TIME_TO_LIVE = Duration.ofDays(36_500);
    private static final int SCAN_BATCH = 1_000;
    private static final int PURGE_BATCH = 1_000;
    private static final byte[] STORE = utf8("store");
    private static final byte[] REMOVE = utf8("remove");
    private static final byte[] PURGE = utf8("purge");

    private final RedisScript script = RedisScript.fromResource("tier.lua");
    private final String address;
    private final RedisKeyspace keyspace;
    private final TenantQuotas quotas;
    private final RedisClient redis;
    private final ScheduledExecutorService background;
    private final TierCounters counters = new TierCounters();
    private volatile boolean available = true;
    private volatile Sizes sizes = new Sizes(0, 0);

    /** Entries and their value bytes, summed over the tenants. */
    private record Sizes(long entries, long bytes) {
    }

    @Activate
    public RedisCacheTier(RedisTierConfiguration config) {
        if (config.keyPrefix().isEmpty()) {
            throw new IllegalArgumentException("keyPrefix must not be empty: it keeps the tier's keys apart from "
                    + "everything else in the database");
        }
        if (config.sizesIntervalSeconds() < 1) {
            throw new IllegalArgumentException("sizesIntervalSeconds must be 1 or more but was "
                    + config.sizesIntervalSeconds());
        }
        this.quotas = TenantQuotas.parse("tenantQuotaBytes", config.tenantQuotaBytes(), config.tenantQuotas(), 1);
        this.keyspace = new RedisKeyspace(config.keyPrefix());
        this.address = config.host() + ':' + config.port();
        this.redis = RedisClient.builder()
                .hostAndPort(config.host(), config.port())
                .clientConfig(DefaultJedisClientConfig.builder()
                        .connectionTimeoutMillis(config.connectTimeoutMillis())
                        .socketTimeoutMillis(config.commandTimeoutMillis())
                        .password(config._password().isEmpty() ? null : config._password())
                        .database(config.database())
                        .clientName("arxos-cache")
                        .build())
                .poolConfig(poolConfig(config))
                .build();
        this.background = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "arxos-cache-redis-background");
            thread.setDaemon(true);
            return thread;
        });
        background.scheduleWithFixedDelay(this::purgeExpired, config.purgeIntervalSeconds(),
                config.purgeIntervalSeconds(), TimeUnit.SECONDS);
        background.scheduleWithFixedDelay(this::countSizes, 0, config.sizesIntervalSeconds(), TimeUnit.SECONDS);
        LOG.info("Redis cache tier on {}, database {}, keys under '{}'", address, config.database(),
                config.keyPrefix());
    }

    private static ConnectionPoolConfig poolConfig(RedisTierConfiguration config) {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(config.maxConnections());
        pool.setMaxIdle(config.maxConnections());
        pool.setMaxWait(Duration.ofMillis(config.commandTimeoutMillis()));
        // Idle connections that a server restart broke are found by the evictor's PING, not by a request.
        pool.setTestWhileIdle(true);
        pool.setTimeBetweenEvictionRuns(Duration.ofSeconds(5));
        pool.setJmxEnabled(false);
        return pool;
    }

    @Deactivate
    void deactivate() {
        background.shutdownNow();
        redis.close();
    }

    @Override
    public Optional<byte[]> get(CacheKey key) {
        long start = System.nanoTime();
        byte[] value = call("GET", () -> redis.get(keyspace.entry(key)));
        counters.recordGet(value != null, start);
        return Optional.ofNullable(value);
    }

    /**
     * Stores the value for its time to live; none ({@code null}) keeps it until its tenant's quota or an
     * invalidation removes it. An entry that has no time left, or that is larger than its tenant's whole quota, is
     * not stored (the latter counts as an eviction).
     */
    @Override
    public void put(CacheKey key, byte[] value, Duration timeToLive) {
        OptionalLong admitted = quotas.admit(key, value, timeToLive, counters);
        if (admitted.isEmpty()) {
            return;
        }
        long quota = admitted.getAsLong();
        List<byte[]> keys = new ArrayList<>(keyspace.bookkeeping(key.tenant()));
        keys.add(keyspace.entry(key));
        List<byte[]> args = List.of(STORE, value, utf8(Long.toString(ttlMillis(timeToLive))),
                utf8(Long.toString(quota)), utf8(key.tenant()));
        counters.recordEvictions((Long) call("store", () -> script.run(redis, keys, args)));
    }

    /** Whole milliseconds, at least one; 0 for none. Longer than a century counts as a century. */
    private static long ttlMillis(Duration timeToLive) {
        if (timeToLive == null) {
            return 0;
        }
        return Math.max(1, (timeToLive.compareTo(LONGEST_TIME_TO_LIVE) > 0 ? LONGEST_TIME_TO_LIVE : timeToLive)
                .toMillis());
    }

    @Override
    public void remove(CacheKey key) {
        removeEntries(key.tenant(), List.of(keyspace.entry(key)));
    }

    /** Walks the matching entries with SCAN MATCH (never blocking the server) and unlinks them page by page. */
    @Override
    public long invalidate(String pattern) {
        ScanParams params = new ScanParams().match(keyspace.entryPattern(KeyPattern.of(pattern).toString()))
                .count(SCAN_BATCH);
        byte[] cursor = ScanParams.SCAN_POINTER_START_BINARY;
        long removed = 0;
        do {
            byte[] from = cursor;
            ScanResult<byte[]> page = call("SCAN", () -> redis.scan(from, params));
            Map<String, List<byte[]>> byTenant = new HashMap<>();
            for (byte[] entry : page.getResult()) {
                byTenant.computeIfAbsent(keyspace.tenantOfEntry(entry), t -> new ArrayList<>()).add(entry);
            }
            for (Map.Entry<String, List<byte[]>> tenantEntries : byTenant.entrySet()) {
                removed += removeEntries(tenantEntries.getKey(), tenantEntries.getValue());
            }
            cursor = page.getCursorAsBytes();
        } while (!Arrays.equals(cursor, ScanParams.SCAN_POINTER_START_BINARY));
        return removed;
    }

    private long removeEntries(String tenant, List<byte[]> entries) {
        List<byte[]> keys = new ArrayList<>(keyspace.bookkeeping(tenant));
        keys.addAll(entries);
        return (Long) call("remove", () -> script.run(redis, keys, List.of(REMOVE, utf8(tenant))));
    }

    /**
     * Counters kept in memory, without asking Redis: entries and bytes as last {@linkplain #countSizes() counted} in
     * the background, at most {@code sizesIntervalSeconds} old, and {@code available} as the last call to Redis found
     * it.
     */
    @Override
    public TierStats stats() {
        Sizes counted = sizes;
        return counters.stats("redis", counted.entries(), counted.bytes(), available);
    }

    /**
     * Counts entries and bytes as the tenants' bookkeeping has them (entries Redis expired since the last purge still
     * count); while Redis is unreachable they stay as last counted. Counts run one at a time, so a count that started
     * earlier (the background one) never overwrites a later one with older sizes.
     */
    synchronized void countSizes() {
        try {
            sizes = call("count sizes", this::sizesOfTenants);
        } catch (RuntimeException e) {
            LOG.debug("Sizes not counted: {}", e.getMessage());
        }
    }

    private Sizes sizesOfTenants() {
        List<String> tenants = tenants();
        List<Response<Long>> entries = new ArrayList<>();
        List<Response<byte[]>> bytes = new ArrayList<>();
        try (Pipeline pipeline = redis.pipelined()) {
            for (String tenant : tenants) {
                List<byte[]> bookkeeping = keyspace.bookkeeping(tenant);
                entries.add(pipeline.zcard(bookkeeping.get(0)));
                bytes.add(pipeline.get(bookkeeping.get(2)));
            }
            pipeline.sync();
        }
        return new Sizes(entries.stream().mapToLong(Response::get).sum(),
                bytes.stream().map(Response::get).filter(Objects::nonNull)
                        .mapToLong(b -> Long.parseLong(new String(b, StandardCharsets.US_ASCII))).sum());
    }

    /** Gives the bytes of entries Redis has expired back to their tenants' quotas. */
    void purgeExpired() {
        try {
            for (String tenant : tenants()) {
                long forgotten;
                do {
                    List<byte[]> args = List.of(PURGE, utf8(tenant), utf8(Integer.toString(PURGE_BATCH)));
                    forgotten = (Long) call("purge", () -> script.run(redis, keyspace.bookkeeping(tenant), args));
                } while (forgotten == PURGE_BATCH);
            }
        } catch (RuntimeException e) {
            LOG.debug("Purge of expired entries skipped: {}", e.getMessage());
        }
    }

    private List<String> tenants() {
        Set<byte[]> members = call("SMEMBERS", () -> redis.smembers(keyspace.tenants()));
        return members.stream().map(m -> new String(m, StandardCharsets.UTF_8)).toList();
    }

    private <T> T call(String command, Supplier<T> action) {
        try {
            T result = action.get();
            available = true;
            return result;
        } catch (JedisConnectionException e) {
            available = false;
            // The idle connections died with the server: drop them, so the first call after it returns connects.
            redis.getPool().clear();
            throw new IllegalStateException("Redis at " + address + " is unreachable (" + command + "): "
                    + e.getMessage(), e);
        } catch (JedisException e) {
            throw new IllegalStateException("Redis at " + address + " failed " + command + ": " + e.getMessage(), e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
