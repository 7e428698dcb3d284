package org.arxos.api.compute;

import java.time.Instant;

/**
 * A calculation job as it stands.
 *
 * @param id          the job's id, unique on this server
 * @param tenant      whose job it is; a tenant sees only its own jobs
 * @param calculation the calculation's name
 * @param building    the building's id
 * @param revision    the revision it runs on
 * @param priority    its priority
 * @param state       where it is
 * @param progress    from 0 to 1
 * @param engine      the engine that runs it, once it runs; none for a synchronous run answered from the cache
 * @param submitted   when it was submitted
 * @param started     when it started, or {@code null}
 * @param finished    when it ended, or {@code null}
 * @param error       why it failed, or {@code null}
 */
public record JobStatus(String id, String tenant, String calculation, String building, long revision, int priority, State state,
        double progress, String engine, Instant submitted, Instant started, Instant finished, String error) {

    public enum State {
        QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

        public boolean ended() {
            return this == SUCCEEDED || this == FAILED || this == CANCELLED;
        }
    }
}
