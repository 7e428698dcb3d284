package org.arxos.api.repository;

import java.util.List;
import java.util.Optional;

import org.arxos.model.ChangeRejectedException;
import org.arxos.model.ChangeSet;
import org.arxos.model.Revision;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Stores buildings as chains of immutable revisions, partitioned by tenant: a tenant never sees another tenant's
 * buildings. Every method is safe to call from many threads; changes to one building are serialized.
 */
@ProviderType
public interface BuildingRepository {

    /** The tenant's buildings, ordered by id. */
    List<BuildingSummary> list(String tenant);

    Optional<BuildingSummary> find(String tenant, String buildingId);

    /**
     * Creates a building from its first change set, which must add the building object (whose id becomes the building
     * id) and may add everything else; the result is revision 1.
     *
     * @throws ChangeRejectedException  when the content breaks a model rule; nothing is stored
     * @throws BuildingExistsException  when the tenant already has a building with that id
     */
    BuildingSummary create(String tenant, ChangeSet content) throws ChangeRejectedException;

    /** @throws UnknownBuildingException when the tenant has no such building */
    Revision head(String tenant, String buildingId);

    /** @throws UnknownBuildingException when the tenant has no such building or revision */
    Revision revision(String tenant, String buildingId, long number);

    /**
     * The change set that made revision {@code number} from revision {@code number - 1}, as it was applied: what
     * consumers that keep derived state (hierarchies, indexes) need to update it instead of starting again.
     *
     * @throws UnknownBuildingException when the tenant has no such building or revision, or {@code number} is 1 (the
     *                                  first revision is made from nothing)
     */
    ChangeSet changes(String tenant, String buildingId, long number);

    /** Revision records, newest first. */
    List<RevisionInfo> history(String tenant, String buildingId, int offset, int limit);

    /**
     * Applies a change set to the head revision and stores the result as the new head.
     *
     * @throws ChangeRejectedException  when a change breaks a model rule; the stored head is unchanged
     * @throws UnknownBuildingException when the tenant has no such building
     */
    Revision apply(String tenant, String buildingId, ChangeSet changes) throws ChangeRejectedException;

    /**
     * Applies a change set only if the head is still {@code baseRevision} (optimistic concurrency).
     *
     * @throws ConcurrentChangeException when another change set was stored after {@code baseRevision}
     */
    Revision apply(String tenant, String buildingId, long baseRevision, ChangeSet changes)
            throws ChangeRejectedException;

    /** Deletes a building with its whole history; returns false when there was none. */
    boolean delete(String tenant, String buildingId);
}
