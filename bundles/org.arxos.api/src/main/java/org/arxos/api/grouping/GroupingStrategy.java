package org.arxos.api.grouping;

import org.arxos.model.ChangeSet;
import org.arxos.model.Revision;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Arranges a revision's objects into a hierarchy of groups (by containment, space, system or function) without
 * copying them. Register with {@code arxos.impl} set to the strategy's name; callers pick one per call by name, or
 * take the selected default. The same revision must always give the same groups with the same ids.
 */
@ConsumerType
public interface GroupingStrategy {

    Hierarchy group(Revision revision);

    /**
     * The hierarchy of {@code revision}, which is {@code previous}'s revision with {@code changes} applied.
     * Strategies that can update only the groups a change touches override this; the default regroups.
     */
    default Hierarchy regroup(Hierarchy previous, Revision revision, ChangeSet changes) {
        return group(revision);
    }
}
