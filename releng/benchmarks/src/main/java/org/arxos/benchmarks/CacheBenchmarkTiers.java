package org.arxos.benchmarks;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.arxos.api.cache.Cache;
import org.arxos.api.cache.CacheTier;
import org.arxos.api.health.HealthContributor;
import org.arxos.cache.BatchingTier;
import org.arxos.api.selection.ImplementationSelector;
import org.h2.jdbcx.JdbcDataSource;
import org.osgi.service.component.ComponentServiceObjects;

/**
 * The real tiers behind the real tiered cache, outside OSGi: the Ehcache heap tier (L1), the machine's Redis (L2)
 * under a key prefix of the run, the Ehcache disk tier (L3) and the JDBC tier on an H2 file database (L4), both in a
 * temporary folder; the cache compresses through the selector it is given. Each is made as Service Component Runtime
 * makes it, from its configuration, with the settings named here over the defaults; the cache is bound to the tiers
 * through timing wrappers. {@link #close()} removes the run's entries from Redis and the folder from the disk.
 */
final class CacheBenchmarkTiers implements AutoCloseable {

    private static final Pattern QUEUED = Pattern.compile("write-behind (\\d+) queued");

    private final Path folder;
    private final AtomicInteger lastHit = new AtomicInteger();
    private final List<CacheBenchmarkTimedTier> tiers = new ArrayList<>();
    private final Cache cache;

    /**
     * @param writeModes the cache's {@code write.modes} setting, e.g. {@code 4=behind} (its default)
     * @param selector   what the cache gets its compressor from
     */
    CacheBenchmarkTiers(String redisHost, int redisPort, String[] writeModes,
            ComponentServiceObjects<ImplementationSelector> selector) throws IOException {
        folder = Files.createTempDirectory("arxos-cache-benchmark");
        String run = UUID.randomUUID().toString();
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + folder.resolve("l4"));
        add(component("org.arxos.cache.ehcache.internal.EhcacheHeapTier", Map.of()));
        add(component("org.arxos.cache.redis.internal.RedisCacheTier",
                Map.of("host", redisHost, "port", redisPort, "keyPrefix", "arxos-benchmark:" + run + ":")));
        add(component("org.arxos.cache.ehcache.internal.EhcacheDiskTier",
                Map.of("directory", folder.resolve("disk").toString())));
        add(component("org.arxos.cache.jdbc.internal.JdbcCacheTier", Map.of("url", h2.getURL()), h2,
                Clock.systemUTC()));
        cache = component("org.arxos.cache.internal.TieredCache", Map.of("write_modes", writeModes));
        for (CacheBenchmarkTimedTier tier : tiers) {
            invoke(cache, "bindTier", new Class<?>[] {CacheTier.class, Map.class}, tier,
                    Map.of("arxos.impl", name(tier.tier()), CacheTier.LEVEL, tier.level(), "service.ranking", 0,
                            "service.id", (long) tier.level()));
        }
        invoke(cache, "bindSelector", new Class<?>[] {ComponentServiceObjects.class}, selector);
    }

    Cache cache() {
        return cache;
    }

    /** The tiers, fastest first, as the cache calls them. */
    List<CacheBenchmarkTimedTier> tiers() {
        return tiers;
    }

    /** Set to the level of each hit: reset it before a request to learn which level answered it (0: none). */
    AtomicInteger lastHit() {
        return lastHit;
    }

    /** Writes waiting in the cache's write-behind queues, as its health reports them. */
    int writeBehindQueued() {
        int queued = 0;
        for (Object state : health().values()) {
            Matcher m = QUEUED.matcher(String.valueOf(state));
            if (m.find()) {
                queued += Integer.parseInt(m.group(1));
            }
        }
        return queued;
    }

    /** What the cache's health reports: requests, hits and each tier's state. */
    Map<String, Object> health() {
        return ((HealthContributor) cache).check().details();
    }

    /** Removes every entry of the run, lets the cache write what it queued, closes the tiers, deletes the folder. */
    @Override
    public void close() throws IOException {
        cache.invalidate("*");
        invoke(cache, "deactivate", new Class<?>[0]);
        for (CacheBenchmarkTimedTier tier : tiers) {
            CacheTier real = tier.tier();
            invoke(real, real instanceof AutoCloseable ? "close" : "deactivate", new Class<?>[0]);
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** The JDBC tier as L4 runs it by default, on an H2 file database in the folder. */
    static BatchingTier h2Tier(Path folder) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + folder.resolve("l4"));
        return component("org.arxos.cache.jdbc.internal.JdbcCacheTier", Map.of("url", h2.getURL()), h2,
                Clock.systemUTC());
    }

    private void add(CacheTier tier) {
        tiers.add(CacheBenchmarkTimedTier.of(tier, tiers.size() + 1, lastHit));
    }

    private static String name(CacheTier tier) {
        return tier.stats().tier();
    }

    /**
     * Makes a component by a public constructor whose parameters are configuration annotations (given these settings
     * over their defaults) or take the given arguments, by type.
     */
    @SuppressWarnings("unchecked")
    private static <T> T component(String className, Map<String, Object> settings, Object... arguments) {
        try {
            for (Constructor<?> constructor : Class.forName(className).getConstructors()) {
                Object[] values = parameters(constructor.getParameterTypes(), settings, arguments);
                if (values != null) {
                    return (T) constructor.newInstance(values);
                }
            }
            throw new IllegalStateException(className + " has no public constructor the benchmark can call");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(className + " is not on the class path", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot make " + className + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make " + className + ": " + e, e);
        }
    }

    /** The constructor's arguments, or null when a parameter is neither a configuration nor among the arguments. */
    private static Object[] parameters(Class<?>[] types, Map<String, Object> settings, Object[] arguments) {
        Object[] values = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> type = types[i];
            values[i] = type.isAnnotation() ? configuration(type, settings)
                    : Arrays.stream(arguments).filter(type::isInstance).findFirst().orElse(null);
            if (values[i] == null) {
                return null;
            }
        }
        return values;
    }

    /** A configuration annotation answering each attribute from the settings, else with its default. */
    private static Object configuration(Class<?> type, Map<String, Object> settings) {
        Object identity = new Object();
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(identity, args);
            }
            if (method.getName().equals("annotationType")) {
                return type;
            }
            return settings.containsKey(method.getName()) ? settings.get(method.getName()) : method.getDefaultValue();
        });
    }

    /** Calls a component's own lifecycle or binding method, which DS calls and which is not public. */
    private static void invoke(Object component, String name, Class<?>[] types, Object... arguments) {
        try {
            Method method = component.getClass().getDeclaredMethod(name, types);
            method.setAccessible(true);
            method.invoke(component, arguments);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(name + " of " + component + " failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call " + name + " of " + component + ": " + e, e);
        }
    }
}
