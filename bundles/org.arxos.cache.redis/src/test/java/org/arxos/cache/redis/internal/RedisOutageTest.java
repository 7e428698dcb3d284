package org.arxos.cache.redis.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.arxos.api.cache.CacheKey;
import org.arxos.api.cache.TierStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import redis.clients.jedis.RedisClient;

/**
 * The tier against a redis-server of the test's own, on a free port, that the test kills and starts again: calls fail
 * fast while it is gone and work again, on the same tier, once it is back.
 */
class RedisOutageTest {

    /** Loose on purpose: the tier's own bounds are 250 ms to connect and 500 ms per command. */
    private static final Duration FAST = Duration.ofSeconds(2);

    @TempDir
    Path folder;

    private Process server;
    private RedisCacheTier tier;

    @AfterEach
    void stop() throws InterruptedException {
        if (tier != null) {
            tier.deactivate();
        }
        if (server != null) {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void callsFailFastWhileRedisIsDownAndTheSameTierWorksOnceItIsBack() throws Exception {
        int port = freePort();
        server = startRedis(port);
        tier = new RedisCacheTier(TestConfigurations.redis(Map.of("port", port, "keyPrefix", "outage:")));
        CacheKey before = new CacheKey("acme", "b1", "render.tile", "before");
        tier.put(before, new byte[] { 1, 2, 3 }, Duration.ofMinutes(1));
        assertArrayEquals(new byte[] { 1, 2, 3 }, tier.get(before).orElseThrow());
        tier.countSizes();

        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        for (int i = 0; i < 5; i++) {
            assertFailsFast(() -> tier.get(before));
            assertFailsFast(() -> tier.put(before, new byte[] { 4 }, Duration.ofMinutes(1)));
            assertFailsFast(() -> tier.invalidate("acme:*"));
        }
        tier.countSizes();
        TierStats stats = tier.stats();
        assertFalse(stats.available());
        assertEquals(1, stats.entries(), "the sizes last counted");
        assertEquals(3, stats.bytes());
        assertEquals(1, stats.hits(), "counters kept in memory");

        server = startRedis(port);

        // The new server is empty and knows no scripts: the first call stores, loading the script on the way.
        CacheKey after = new CacheKey("acme", "b1", "render.tile", "after");
        tier.put(after, new byte[] { 5 }, Duration.ofMinutes(1));
        assertArrayEquals(new byte[] { 5 }, tier.get(after).orElseThrow());
        assertTrue(tier.get(before).isEmpty(), "the restarted server kept nothing");
        assertEquals(1, tier.invalidate("acme:*"));
        assertTrue(tier.stats().available());
    }

    @Test
    void aTierWhoseRedisIsNotThereActivatesAndFailsFast() throws IOException {
        tier = new RedisCacheTier(TestConfigurations.redis(Map.of("port", freePort(), "keyPrefix", "outage:")));
        assertFailsFast(() -> tier.get(new CacheKey("acme", "b1", "op", "h")));
        assertFalse(tier.stats().available());
    }

    private static void assertFailsFast(Executable call) {
        long start = System.nanoTime();
        IllegalStateException e = assertThrows(IllegalStateException.class, call);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(FAST) < 0, "failing took " + took);
        assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Process startRedis(int port) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", folder.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(folder.resolve("redis-" + port + ".log").toFile())
                    .start();
        } catch (IOException e) {
            throw new IOException("cannot start redis-server (install the redis-server package): " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        try (RedisClient probe = RedisClient.create("127.0.0.1", port)) {
            while (true) {
                try {
                    probe.ping();
                    return process;
                } catch (RuntimeException notYet) {
                    if (!process.isAlive() || System.nanoTime() > deadline) {
                        process.destroyForcibly();
                        fail("redis-server did not start on port " + port + "; see its log in " + folder);
                    }
                    Thread.sleep(20);
                }
            }
        }
    }
}
