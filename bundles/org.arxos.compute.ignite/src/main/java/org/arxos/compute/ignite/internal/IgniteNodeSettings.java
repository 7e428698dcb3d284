package org.arxos.compute.ignite.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How an Ignite node of this engine starts: the values of {@link IgniteEngineConfiguration}, checked, plus the folder
 * Ignite may write to.
 *
 * @param workDirectory Ignite's work folder (marshaller mappings, diagnostics); nothing else is written
 */
public record IgniteNodeSettings(String instanceName, boolean clientMode, List<String> addresses, String localAddress,
        int discoveryPort, int discoveryPortRange, int communicationPort, int communicationPortRange,
        long dataRegionBytes, int workers, int concurrentJobs, int jobsPerWorker, Duration jobTimeout,
        Duration stopDrain, Duration failureDetection, Path workDirectory) {

    static final long MEGABYTE = 1024L * 1024;
    /** Ignite's smallest data region. */
    static final long MIN_REGION_BYTES = 10 * MEGABYTE;

    public IgniteNodeSettings {
        Objects.requireNonNull(instanceName, "instanceName");
        Objects.requireNonNull(localAddress, "localAddress");
        Objects.requireNonNull(jobTimeout, "jobTimeout");
        Objects.requireNonNull(stopDrain, "stopDrain");
        Objects.requireNonNull(failureDetection, "failureDetection");
        Objects.requireNonNull(workDirectory, "workDirectory");
        addresses = List.copyOf(addresses);
        if (instanceName.isBlank()) {
            throw new IllegalArgumentException("instanceName: an Ignite instance needs a name");
        }
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("addresses: the static IP finder needs at least one address");
        }
        checkPort("discoveryPort", discoveryPort, discoveryPortRange);
        checkPort("communicationPort", communicationPort, communicationPortRange);
        if (dataRegionBytes < MIN_REGION_BYTES) {
            throw new IllegalArgumentException("dataRegionMegabytes: Ignite needs at least 10 MB, was "
                    + dataRegionBytes / MEGABYTE + " MB");
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers: must be at least 1, was " + workers);
        }
        if (concurrentJobs < 1) {
            throw new IllegalArgumentException("concurrentJobs: must be at least 1, was " + concurrentJobs);
        }
        if (jobsPerWorker < 1) {
            throw new IllegalArgumentException("jobsPerWorker: must be at least 1, was " + jobsPerWorker);
        }
        if (jobTimeout.isNegative() || jobTimeout.isZero()) {
            throw new IllegalArgumentException("jobTimeoutSeconds: must be positive, was " + jobTimeout);
        }
    }

    static IgniteNodeSettings of(IgniteEngineConfiguration configuration, Path workDirectory) {
        return new IgniteNodeSettings(configuration.instanceName(), configuration.clientMode(),
                List.of(configuration.addresses()), configuration.localAddress(), configuration.discoveryPort(),
                configuration.discoveryPortRange(), configuration.communicationPort(),
                configuration.communicationPortRange(), configuration.dataRegionMegabytes() * MEGABYTE,
                configuration.workers() > 0 ? configuration.workers() : Runtime.getRuntime().availableProcessors(),
                configuration.concurrentJobs(), configuration.jobsPerWorker(),
                Duration.ofSeconds(configuration.jobTimeoutSeconds()),
                Duration.ofSeconds(configuration.stopDrainSeconds()),
                Duration.ofMillis(configuration.failureDetectionMillis()), workDirectory);
    }

    /** A node on the loopback with the configuration's defaults except these; for tests and benchmarks. */
    public static IgniteNodeSettings loopback(String instanceName, boolean clientMode, int discoveryPort,
            int communicationPort, int workers, Path workDirectory) {
        return new IgniteNodeSettings(instanceName, clientMode,
                List.of("127.0.0.1:" + discoveryPort + ".." + (discoveryPort + 9)), "127.0.0.1", discoveryPort, 9,
                communicationPort, 9, 64 * MEGABYTE, workers, 4, 2, Duration.ofHours(1), Duration.ofSeconds(30),
                Duration.ofSeconds(10), workDirectory);
    }

    private static void checkPort(String name, int port, int range) {
        if (port < 1 || port > 65535 || range < 0 || port + range > 65535) {
            throw new IllegalArgumentException(name + ": " + port + " with a range of " + range
                    + " is not within 1..65535");
        }
    }
}
