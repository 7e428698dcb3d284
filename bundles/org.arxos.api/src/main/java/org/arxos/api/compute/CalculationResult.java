package org.arxos.api.compute;

import java.io.Serializable;

/**
 * @param job    the job that produced it
 * @param value  the calculation's result
 * @param cached whether it came from the cache rather than being computed for this job
 */
public record CalculationResult(JobStatus job, Serializable value, boolean cached) {
}
