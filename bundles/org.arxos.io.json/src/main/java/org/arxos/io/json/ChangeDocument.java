package org.arxos.io.json;

import java.util.OptionalLong;

import org.arxos.model.ChangeSet;

/**
 * A change set as the native format carries it.
 *
 * @param changes      the change set
 * @param baseRevision the revision the changes were made against, when the writer knew it
 */
public record ChangeDocument(ChangeSet changes, OptionalLong baseRevision) {

    public ChangeDocument {
        if (changes == null) {
            throw new IllegalArgumentException("a change document needs a change set");
        }
        baseRevision = baseRevision == null ? OptionalLong.empty() : baseRevision;
    }

    public static ChangeDocument of(ChangeSet changes) {
        return new ChangeDocument(changes, OptionalLong.empty());
    }
}
