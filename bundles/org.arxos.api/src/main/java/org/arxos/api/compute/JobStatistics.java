package org.arxos.api.compute;

import java.util.List;

/**
 * What the job service did since it started.
 *
 * @param queued    jobs waiting to run
 * @param running   jobs running
 * @param succeeded jobs that ended with a result
 * @param failed    jobs that ended with an error
 * @param cancelled jobs cancelled before they ended
 * @param cached    of the succeeded jobs, those whose result came from the cache
 * @param engines   latencies of the ended jobs per engine that ran them, by engine name
 */
public record JobStatistics(int queued, int running, long succeeded, long failed, long cancelled, long cached,
        List<EngineJobs> engines) {

    public JobStatistics {
        engines = List.copyOf(engines);
    }

    /**
     * @param engine     the engine's {@code arxos.impl} name
     * @param jobs       jobs it ran that ended
     * @param p50Seconds median time from a job's start to its end, over the most recent jobs
     * @param p99Seconds 99th percentile of that time
     */
    public record EngineJobs(String engine, long jobs, double p50Seconds, double p99Seconds) {
    }
}
