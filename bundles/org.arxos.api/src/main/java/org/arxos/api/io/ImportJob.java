package org.arxos.api.io;

import java.time.Instant;

/**
 * One import as it stands: a snapshot, taken when asked for.
 *
 * @param id               the job id, unique in the server's life
 * @param tenant           the tenant that receives the building
 * @param user             who imports, or {@code null} for an operator at the console
 * @param sourceName       the file name
 * @param state            where the job is
 * @param bytesRead        bytes of the file read so far
 * @param totalBytes       the file's length, or -1 when unknown
 * @param percent          {@code bytesRead} of {@code totalBytes} in percent (0 to 100), or {@code null} when the
 *                         length is unknown
 * @param objectsRead      objects and connections read so far (as the importer reports them; at the end, all)
 * @param objectsPerSecond {@code objectsRead} per second since the job started running
 * @param submitted        when the job was made
 * @param started          when it started running, or {@code null} while queued
 * @param finished         when it succeeded or failed, or {@code null}
 * @param result           the building and the importer's report once it succeeded, else {@code null}
 * @param problem          what stopped it once it failed (for bad input: source, line, field and problem), else
 *                         {@code null}
 */
public record ImportJob(String id, String tenant, String user, String sourceName, State state, long bytesRead,
        long totalBytes, Double percent, long objectsRead, double objectsPerSecond, Instant submitted,
        Instant started, Instant finished, ImportedBuilding result, String problem) {

    public enum State {
        /** Waiting for a free import thread. */
        QUEUED,
        /** Reading the file or storing the building. */
        RUNNING,
        /** The building was created: see {@link ImportJob#result()}. */
        SUCCEEDED,
        /** Nothing was stored: see {@link ImportJob#problem()}. */
        FAILED;

        public boolean finished() {
            return this == SUCCEEDED || this == FAILED;
        }
    }
}
