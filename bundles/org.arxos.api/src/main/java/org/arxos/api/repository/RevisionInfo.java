package org.arxos.api.repository;

import java.time.Instant;

/** One entry of a building's history. */
public record RevisionInfo(long number, String contentHash, String author, String message, int changeCount,
        Instant created) {
}
