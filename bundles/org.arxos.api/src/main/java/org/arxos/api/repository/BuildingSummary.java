package org.arxos.api.repository;

import java.time.Instant;

/** What a listing shows of a building: its head revision without the content. */
public record BuildingSummary(String id, String tenant, String name, long headRevision, String contentHash,
        int objectCount, int connectionCount, Instant updated) {
}
