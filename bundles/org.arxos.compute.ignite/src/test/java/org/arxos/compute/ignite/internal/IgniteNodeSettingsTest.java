package org.arxos.compute.ignite.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class IgniteNodeSettingsTest {

    private static IgniteNodeSettings withJobsPerWorker(int jobsPerWorker) {
        return new IgniteNodeSettings("n", false, List.of("127.0.0.1:48500"), "127.0.0.1", 48500, 9, 48600, 9,
                64 * IgniteNodeSettings.MEGABYTE, 1, 4, jobsPerWorker, Duration.ofMinutes(1), Duration.ofSeconds(1),
                Duration.ofSeconds(10), Path.of("work"));
    }

    @Test
    void jobsPerWorkerBelowOneIsRefusedNamingTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withJobsPerWorker(0));
        assertEquals("jobsPerWorker: must be at least 1, was 0", e.getMessage());
        assertEquals(3, withJobsPerWorker(3).jobsPerWorker());
    }
}
