package org.arxos.api.compute;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs building calculations as jobs: queued by priority, run on the serving {@link ComputeEngine}, cached by the
 * revision's content hash, observable and cancellable.
 */
@ProviderType
public interface Calculations {

    /** The running calculations' names, sorted. */
    List<String> names();

    /** The running calculations with their descriptions, sorted by name. */
    List<CalculationInfo> calculations();

    /**
     * Queues a job.
     *
     * @return the job's status (queued); its result through {@link #result(String)}
     * @throws UnknownCalculationException naming the running ones
     * @throws org.arxos.api.repository.UnknownBuildingException when the building or revision does not exist
     * @throws JobQueueFullException       when as many jobs wait as the configuration allows
     */
    JobStatus submit(CalculationRequest request);

    /**
     * Submits and waits.
     *
     * @return the result
     * @throws JobFailedException when the job failed or was cancelled, with the job as it ended
     */
    CalculationResult run(CalculationRequest request);

    Optional<JobStatus> job(String id);

    /** Jobs not yet ended, then the most recent ended ones, newest first. */
    List<JobStatus> jobs();

    /**
     * The result of a job, completing when it ends; exceptionally with {@link JobFailedException} if it failed or was
     * cancelled.
     */
    Optional<CompletableFuture<CalculationResult>> result(String id);

    /** Cancels a queued or running job; false when it had already ended or is unknown. */
    boolean cancel(String id);

    /** Counters and latencies of the jobs since the service started, for metrics and health. */
    JobStatistics statistics();
}
