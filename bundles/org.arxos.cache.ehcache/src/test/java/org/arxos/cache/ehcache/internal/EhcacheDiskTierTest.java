package org.arxos.cache.ehcache.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.arxos.api.cache.CacheKey;
import org.arxos.api.cache.TierStats;
import org.arxos.cache.TenantQuotas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EhcacheDiskTierTest extends EhcacheTierContract {

    @TempDir
    Path directory;

    @Override
    EhcacheTier newTier(int entries, int valueSize, int maxTenants) {
        return new EhcacheDiskTier(directory, quotas(entries, valueSize), maxTenants, Runnable::run);
    }

    @Override
    long largestValue(int entries, int valueSize) {
        return quotas(entries, valueSize).defaultQuota() / 32;
    }

    private static TenantQuotas quotas(int entries, int valueSize) {
        return new TenantQuotas(Math.max(1 << 20, (long) entries * valueSize), Map.of());
    }

    @Test
    void aNewTenantsFirstPutReturnsWithoutWaitingForItsPartition() {
        List<Runnable> openings = new ArrayList<>();
        tier = new EhcacheDiskTier(directory, quotas(256, 1024), 10, openings::add);

        tier.put(key("acme", 1), value(100, 1), HOUR);
        tier.put(key("acme", 2), value(100, 2), HOUR);
        assertEquals(1, openings.size(), "one opening per tenant, not yet run");
        assertTrue(tier.get(key("acme", 1)).isEmpty(), "not stored: the partition is not open yet");

        openings.get(0).run();
        tier.put(key("acme", 3), value(100, 3), HOUR);

        assertArrayEquals(value(100, 3), tier.get(key("acme", 3)).orElseThrow());
        assertEquals(1, openings.size());
    }

    @Test
    void theTenantsOfTheDirectoryHaveTheirPartitionsOpenedAtActivation() {
        tier = newTier(256, 1024, 10);
        tier.put(key("acme", 1), value(100, 1), HOUR);
        tier.close();
        List<Runnable> openings = new ArrayList<>();

        tier = new EhcacheDiskTier(directory, quotas(256, 1024), 10, openings::add);
        tier.put(key("acme", 2), value(100, 2), HOUR);

        assertArrayEquals(value(100, 2), tier.get(key("acme", 2)).orElseThrow());
        assertEquals(List.of(), openings);
    }

    @Test
    void aPartitionThatIsStillOpeningWhenTheTierClosesIsNotOpened() {
        List<Runnable> openings = new ArrayList<>();
        tier = new EhcacheDiskTier(directory, quotas(256, 1024), 10, openings::add);
        tier.put(key("acme", 1), value(100, 1), HOUR);
        tier.close();

        openings.get(0).run();

        assertTrue(tier.get(key("acme", 1)).isEmpty());
        assertFalse(Files.exists(directory.resolve("tenants")), "no tenant recorded");
    }

    @Test
    void entriesSurviveDeactivatingAndReactivatingTheComponent() {
        EhcacheDiskTier component = new EhcacheDiskTier(configuration(directory.resolve("cache").toString()));
        tier = component;
        putOnceOpen(key("acme", 1), value(100, 1));
        putOnceOpen(key("globex", 1), value(200, 2));
        component.deactivate();

        tier = component = new EhcacheDiskTier(configuration(directory.resolve("cache").toString()));

        assertArrayEquals(value(100, 1), component.get(key("acme", 1)).orElseThrow());
        assertArrayEquals(value(200, 2), component.get(key("globex", 1)).orElseThrow());
        assertEquals(300, component.stats().bytes());
    }

    @Test
    void entriesSurviveARestartOnTheSameDirectory() throws InterruptedException {
        tier = newTier(256, 1024, 10);
        for (int i = 0; i < 20; i++) {
            tier.put(key("acme", i), value(1000, i), HOUR);
            tier.put(key("globex", i), value(500, i), HOUR);
        }
        tier.put(key("globex", 99), value(10, 99), Duration.ofMillis(400));
        long putAt = System.nanoTime();
        tier.close();

        tier = newTier(256, 1024, 10);

        for (int i = 0; i < 20; i++) {
            assertArrayEquals(value(1000, i), tier.get(key("acme", i)).orElseThrow(), "acme " + i);
            assertArrayEquals(value(500, i), tier.get(key("globex", i)).orElseThrow(), "globex " + i);
        }
        TierStats stats = tier.stats();
        assertEquals(41, stats.entries());
        assertEquals(20 * 1500 + 10, stats.bytes());
        Thread.sleep(Math.max(0, 800 - (System.nanoTime() - putAt) / 1_000_000));
        assertTrue(tier.get(key("globex", 99)).isEmpty(), "an entry keeps its time to live across a restart");
        assertEquals(20, tier.invalidate("globex:*"), "a reopened partition takes part in invalidation");
    }

    @Test
    void aPartitionThatCannotBeRecoveredStartsEmpty() throws IOException {
        tier = newTier(256, 1024, 10);
        tier.put(key("acme", 1), value(100, 1), HOUR);
        tier.put(key("globex", 1), value(100, 2), HOUR);
        tier.close();
        Path acmeMetadata = metadataFiles().stream().filter(p -> p.toString().contains("acme_")).findFirst()
                .orElseThrow();
        Files.writeString(acmeMetadata, Files.readString(acmeMetadata).replace(StoredValue.class.getName(),
                "org.example.Gone"));

        tier = newTier(256, 1024, 10);

        assertTrue(tier.get(key("acme", 1)).isEmpty());
        assertArrayEquals(value(100, 2), tier.get(key("globex", 1)).orElseThrow());
        tier.put(key("acme", 2), value(100, 3), HOUR);
        assertArrayEquals(value(100, 3), tier.get(key("acme", 2)).orElseThrow());
    }

    @Test
    void aDirectoryInUseIsAClearError() {
        tier = newTier(256, 1024, 10);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> newTier(256, 1024, 10));

        assertTrue(e.getMessage().startsWith("cannot open the disk cache in " + directory), e.getMessage());
    }

    /** Puts until the tenant's partition, opened in the background, holds the value. */
    private void putOnceOpen(CacheKey key, byte[] value) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        tier.put(key, value, HOUR);
        while (tier.get(key).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "the partition of " + key.tenant() + " never opened");
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
            tier.put(key, value, HOUR);
        }
    }

    private static DiskTierConfiguration configuration(String directory) {
        return new DiskTierConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DiskTierConfiguration.class;
            }

            @Override
            public String directory() {
                return directory;
            }

            @Override
            public int tenantMegabytes() {
                return 1;
            }

            @Override
            public String[] tenantQuotas() {
                return new String[] {"acme=2"};
            }

            @Override
            public int maxTenants() {
                return 5;
            }
        };
    }

    private List<Path> metadataFiles() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(p -> p.getFileName().toString().equals("ehcache-disk-store.meta")).toList();
        }
    }
}
