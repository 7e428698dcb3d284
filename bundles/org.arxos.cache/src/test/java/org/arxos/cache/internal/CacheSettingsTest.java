package org.arxos.cache.internal;

import static org.arxos.cache.internal.CacheFixtures.key;
import static org.arxos.cache.internal.CacheFixtures.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;

import org.arxos.cache.internal.CacheSettings.WriteMode;
import org.junit.jupiter.api.Test;

class CacheSettingsTest {

    @Test
    void theDefaultsWriteTheDatabaseBehindAndCallTheHeapDirectly() {
        CacheSettings settings = settings();
        assertEquals(Duration.ofHours(1), settings.ttlFor(key("acme", "render.tile", "h")));
        assertEquals(WriteMode.THROUGH, settings.writeModeAt(1));
        assertEquals(WriteMode.BEHIND, settings.writeModeAt(4));
        assertEquals(Duration.ZERO, settings.timeoutAt(1));
        assertEquals(Duration.ofMillis(250), settings.timeoutAt(2));
        assertEquals(Duration.ofSeconds(1), settings.timeoutAt(7));
        assertEquals(Map.of(), settings.pins());
    }

    @Test
    void readsPerOperationAndPerLevelEntries() {
        CacheSettings settings = settings("operation.ttls", new String[] {"render.tile=PT24H", " calc.area = PT5M "},
                "tiers", new String[] {"1=caffeine"}, "write.modes", new String[] {"2=BEHIND", "4=through"});
        assertEquals(Duration.ofHours(24), settings.ttlFor(key("acme", "render.tile", "h")));
        assertEquals(Duration.ofMinutes(5), settings.ttlFor(key("acme", "calc.area", "h")));
        assertEquals(Duration.ofHours(1), settings.ttlFor(key("acme", "calc.takeoff", "h")));
        assertEquals(Map.of(1, "caffeine"), settings.pins());
        assertEquals(WriteMode.BEHIND, settings.writeModeAt(2));
        assertEquals(WriteMode.THROUGH, settings.writeModeAt(4));
    }

    @Test
    void everyProblemIsReportedWithTheSettingItIsIn() {
        assertProblem("org.arxos.cache: default.ttl must be an ISO-8601 duration such as PT1H or PT0.5S, was '1h'",
                "default.ttl", "1h");
        assertProblem("org.arxos.cache: default.ttl must be longer than zero, was PT0S", "default.ttl", "PT0S");
        assertProblem("org.arxos.cache: operation.ttls entry 'render.tile' must be key=value, e.g. "
                + "render.tile=PT24H", "operation.ttls", new String[] {"render.tile"});
        assertProblem("org.arxos.cache: write.modes entry 'L4=behind': a level is a whole number from 1, was 'L4'",
                "write.modes", new String[] {"L4=behind"});
        assertProblem("org.arxos.cache: write.modes entry '4=later': the write mode is through or behind, was "
                + "'later'", "write.modes", new String[] {"4=later"});
        assertProblem("org.arxos.cache: tiers names 1 twice", "tiers", new String[] {"1=caffeine", "1=ehcache"});
        assertProblem("org.arxos.cache: tier.timeouts entry 2 must not be negative, was PT-1S", "tier.timeouts",
                new String[] {"2=-PT1S"});
        assertProblem("org.arxos.cache: outage.backoff.max (PT1S) must not be shorter than outage.backoff.min "
                + "(PT5S)", "outage.backoff.min", "PT5S", "outage.backoff.max", "PT1S");
        assertProblem("org.arxos.cache: write.behind.queue must be at least 1, was 0", "write.behind.queue", 0);
        assertProblem("org.arxos.cache: max.value.size must be at least 1, was 0", "max.value.size", 0);
    }

    private static void assertProblem(String message, Object... namesAndValues) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> settings(namesAndValues))
                .getMessage());
    }
}
