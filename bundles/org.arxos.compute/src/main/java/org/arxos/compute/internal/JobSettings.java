package org.arxos.compute.internal;

import java.time.Duration;

/**
 * How the job service runs jobs, read once per configuration change.
 *
 * @param maxRunning jobs running at once at most
 * @param maxQueued  jobs waiting at most
 * @param history    ended jobs kept for reading
 * @param timeout    how long a job may run
 */
public record JobSettings(int maxRunning, int maxQueued, int history, Duration timeout) {

    public JobSettings {
        if (maxRunning < 1) {
            throw new IllegalArgumentException(JobsConfiguration.PID + ": maxRunning must be at least 1, was "
                    + maxRunning);
        }
        if (maxQueued < 1) {
            throw new IllegalArgumentException(JobsConfiguration.PID + ": maxQueued must be at least 1, was "
                    + maxQueued);
        }
        if (history < 0) {
            throw new IllegalArgumentException(JobsConfiguration.PID + ": history must be 0 or more, was " + history);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(JobsConfiguration.PID + ": timeoutSeconds must be positive, was "
                    + timeout.toSeconds());
        }
    }

    public static JobSettings defaults() {
        return new JobSettings(2, 1000, 200, Duration.ofMinutes(10));
    }

    static JobSettings of(JobsConfiguration configuration) {
        return new JobSettings(configuration.maxRunning(), configuration.maxQueued(), configuration.history(),
                Duration.ofSeconds(configuration.timeoutSeconds()));
    }
}
