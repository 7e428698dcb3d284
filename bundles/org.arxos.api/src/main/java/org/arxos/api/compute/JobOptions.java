package org.arxos.api.compute;

import java.time.Duration;

/**
 * @param priority higher runs first when the engine queues work
 * @param timeout  how long the whole job may take before it fails
 */
public record JobOptions(int priority, Duration timeout) {

    public static final JobOptions DEFAULT = new JobOptions(0, Duration.ofMinutes(10));
}
