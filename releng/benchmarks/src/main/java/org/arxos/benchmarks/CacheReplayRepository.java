package org.arxos.benchmarks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.arxos.api.repository.BuildingRepository;
import org.arxos.api.repository.BuildingSummary;
import org.arxos.api.repository.RevisionInfo;
import org.arxos.api.repository.UnknownBuildingException;
import org.arxos.model.ChangeSet;
import org.arxos.model.Revision;

/**
 * The replayed building as the job service reads it: one tenant's one building at one revision, held in memory. The
 * replay only reads; a change is refused.
 */
final class CacheReplayRepository implements BuildingRepository {

    private final String tenant;
    private final String building;
    private final Revision revision;
    private final BuildingSummary summary;

    CacheReplayRepository(String tenant, String building, Revision revision) {
        this.tenant = tenant;
        this.building = building;
        this.revision = revision;
        this.summary = new BuildingSummary(building, tenant, building, revision.number(), revision.contentHash(),
                revision.objectCount(), revision.connectionCount(), Instant.EPOCH);
    }

    @Override
    public List<BuildingSummary> list(String tenant) {
        return find(tenant, building).stream().toList();
    }

    @Override
    public Optional<BuildingSummary> find(String tenant, String buildingId) {
        return this.tenant.equals(tenant) && building.equals(buildingId) ? Optional.of(summary) : Optional.empty();
    }

    @Override
    public Revision head(String tenant, String buildingId) {
        return revision(tenant, buildingId, revision.number());
    }

    @Override
    public Revision revision(String tenant, String buildingId, long number) {
        if (find(tenant, buildingId).isEmpty() || number != revision.number()) {
            throw new UnknownBuildingException("the replay holds only revision " + revision.number() + " of building '"
                    + building + "' of tenant '" + this.tenant + "', not revision " + number + " of '" + buildingId
                    + "' of '" + tenant + "'");
        }
        return revision;
    }

    @Override
    public BuildingSummary create(String tenant, ChangeSet content) {
        throw refused();
    }

    @Override
    public ChangeSet changes(String tenant, String buildingId, long number) {
        throw refused();
    }

    @Override
    public List<RevisionInfo> history(String tenant, String buildingId, int offset, int limit) {
        throw refused();
    }

    @Override
    public Revision apply(String tenant, String buildingId, ChangeSet changes) {
        throw refused();
    }

    @Override
    public Revision apply(String tenant, String buildingId, long baseRevision, ChangeSet changes) {
        throw refused();
    }

    @Override
    public boolean delete(String tenant, String buildingId) {
        throw refused();
    }

    private static UnsupportedOperationException refused() {
        return new UnsupportedOperationException("the replayed building is only read");
    }
}
