package org.arxos.api.compute;

import java.time.Duration;
import java.util.Objects;

/**
 * @param priority higher runs first where work queues (jobs waiting for a worker, tasks waiting for a node)
 * @param timeout  how long the whole job may take before it fails
 * @param label    what the job is, for status, logs and metrics (e.g. {@code calc.clearance b1@42})
 */
public record JobOptions(int priority, Duration timeout, String label) {

    public static final JobOptions DEFAULT = new JobOptions(0, Duration.ofMinutes(10), "job");

    public JobOptions {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(label, "label");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a job's timeout must be positive, was " + timeout);
        }
    }

    public JobOptions withPriority(int newPriority) {
        return new JobOptions(newPriority, timeout, label);
    }

    public JobOptions withLabel(String newLabel) {
        return new JobOptions(priority, timeout, newLabel);
    }
}
