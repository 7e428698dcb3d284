package org.arxos.api.grouping;

import org.arxos.model.Revision;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Hierarchies of stored buildings for every client (REST, shell, renderers): kept between calls, and brought forward
 * to a newer revision through the strategy's incremental {@link GroupingStrategy#regroup regroup} with the stored
 * change sets, so that an edit costs what it touches rather than a regrouping of the building.
 */
@ProviderType
public interface HierarchyViews {

    /**
     * The hierarchy of a revision of a stored building.
     *
     * @param revision a revision of that building, as the repository gave it
     * @param strategy a strategy's {@code arxos.impl} name, or {@code null} for the one serving now
     * @throws UnknownStrategyException when no strategy of that name is running
     * @throws org.arxos.api.selection.NoImplementationException when no strategy at all is running
     */
    HierarchyView view(String tenant, String buildingId, Revision revision, String strategy);
}
