package org.arxos.http.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.arxos.api.io.ImportOptions;
import org.arxos.api.repository.BuildingRepository;
import org.arxos.api.repository.ConcurrentChangeException;
import org.arxos.api.repository.RevisionInfo;
import org.arxos.api.repository.UnknownBuildingException;
import org.arxos.api.security.Principal;
import org.arxos.api.security.Role;
import org.arxos.api.selection.ImplementationSelector;
import org.arxos.io.json.BuildingJson;
import org.arxos.io.json.ChangeDocument;
import org.arxos.model.ChangeSet;
import org.arxos.model.Revision;

/** A building's history, the content of one revision, and new change sets. */
final class RevisionEndpoints {

    static final String REVISION_HEADER = "Arxos-Revision";

    record RevisionPage(String building, int offset, int limit, List<RevisionInfo> items) {
    }

    record AppliedChanges(String building, long revision, String contentHash, int objectCount, int connectionCount) {
    }

    private final ImplementationSelector selector;

    RevisionEndpoints(ImplementationSelector selector) {
        this.selector = selector;
    }

    ApiResponse history(ApiRequest request, String buildingId, ApiSettings settings) {
        BuildingRepository repository = selector.require(BuildingRepository.class);
        Principal principal = request.principal();
        BuildingAccess.require(repository, principal, buildingId, Role.VIEWER, "reading");
        PageRequest page = settings.page(request);
        List<RevisionInfo> items = repository.history(principal.tenant(), buildingId, page.offset(), page.limit());
        return ApiResponse.ok(new RevisionPage(buildingId, page.offset(), page.limit(), items));
    }

    ApiResponse content(ApiRequest request, String buildingId, String revisionName) {
        BuildingRepository repository = selector.require(BuildingRepository.class);
        Principal principal = request.principal();
        BuildingAccess.require(repository, principal, buildingId, Role.VIEWER, "reading");
        Revision revision = revision(repository, principal.tenant(), buildingId, revisionName);
        String etag = EntityTags.of(revision.contentHash());
        Map<String, String> headers = ApiResponse.headers("ETag", etag, REVISION_HEADER,
                Long.toString(revision.number()));
        if (EntityTags.noneMatchFails(request.header("If-None-Match"), etag)) {
            return new ApiResponse.Empty(304, headers);
        }
        return new ApiResponse.Streamed(200, BuildingJson.MEDIA_TYPE, out -> BuildingJson.writeBuilding(revision, out),
                headers);
    }

    ApiResponse apply(ApiRequest request, String buildingId, ApiSettings settings) throws Exception {
        BuildingRepository repository = selector.require(BuildingRepository.class);
        Principal principal = request.principal();
        BuildingAccess.require(repository, principal, buildingId, Role.EDITOR, "changing");
        RequestBodies.requireJson(request, Set.of(BuildingJson.CHANGES_MEDIA_TYPE));
        ChangeDocument document = BuildingEndpoints.readLimited(request, settings,
                in -> BuildingJson.readChanges(in, BuildingEndpoints.BODY_SOURCE, settings.maxObjects()));
        ChangeSet changes = new ChangeSet(principal.user(), document.changes().message(),
                document.changes().changes());
        Revision applied;
        try {
            applied = document.baseRevision().isPresent()
                    ? repository.apply(principal.tenant(), buildingId, document.baseRevision().getAsLong(), changes)
                    : repository.apply(principal.tenant(), buildingId, changes);
        } catch (ConcurrentChangeException e) {
            throw new ProblemException(ProblemType.CONCURRENT_CHANGE, "building '" + buildingId + "' is at revision "
                    + e.head() + ", not at baseRevision " + document.baseRevision().getAsLong()
                    + ": read the head again and rebase the changes")
                    .with("baseRevision", document.baseRevision().getAsLong()).with("headRevision", e.head());
        }
        return ApiResponse.created(
                request.contextPath() + "/api/buildings/" + buildingId + "/revisions/" + applied.number(),
                new AppliedChanges(buildingId, applied.number(), applied.contentHash(), applied.objectCount(),
                        applied.connectionCount()));
    }

    /** {@code head} or a revision number; anything else, or a number the building never had, is 404. */
    static Revision revision(BuildingRepository repository, String tenant, String buildingId, String name) {
        try {
            if (name.equals("head")) {
                return repository.head(tenant, buildingId);
            }
            long number = revisionNumber(name);
            if (number < 1) {
                throw unknownRevision(buildingId, name);
            }
            return repository.revision(tenant, buildingId, number);
        } catch (UnknownBuildingException e) {
            throw unknownRevision(buildingId, name);
        }
    }

    private static long revisionNumber(String name) {
        if (name.isEmpty() || name.length() > 18 || !name.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Long.parseLong(name);
    }

    private static ProblemException unknownRevision(String buildingId, String name) {
        return ProblemException.notFound("unknown revision '" + name + "' of building '" + buildingId
                + "': use a revision number from 1 or 'head'");
    }
}
