package org.arxos.api.collab;

import java.util.List;

import org.arxos.model.ChangeSet;
import org.arxos.model.Revision;

/**
 * @param base       the revision the incoming change set was made against
 * @param head       the current head revision
 * @param incoming   the change set to resolve
 * @param concurrent the change sets applied after {@code base}, oldest first
 */
public record ConflictContext(Revision base, Revision head, ChangeSet incoming, List<ChangeSet> concurrent) {

    public ConflictContext {
        concurrent = List.copyOf(concurrent);
    }
}
