package org.arxos.http.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.arxos.api.io.BuildingExporter;
import org.arxos.api.io.BuildingExports;
import org.arxos.api.io.ExportFormatException;
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

/**
 * A building's history, the content of one revision (native JSON, or any format an exporter writes, chosen by the
 * core's {@link BuildingExports}, as the Gogo shell's {@code arxos:export} does), and new change sets.
 */
final class RevisionEndpoints {

    static final String REVISION_HEADER = "Arxos-Revision";

    record RevisionPage(String building, int offset, int limit, List<RevisionInfo> items) {
    }

    record AppliedChanges(String building, long revision, String contentHash, int objectCount, int connectionCount) {
    }

    private final ImplementationSelector selector;
    private final BuildingExports exports;

    RevisionEndpoints(ImplementationSelector selector, BuildingExports exports) {
        this.selector = selector;
        this.exports = exports;
    }

    ApiResponse history(ApiRequest request, String buildingId, ApiSettings settings) {
        BuildingRepository repository = selector.require(BuildingRepository.class);
        Principal principal = request.principal();
        BuildingAccess.require(repository, principal, buildingId, Role.VIEWER, "reading");
        PageRequest page = settings.page(request);
        List<RevisionInfo> items = repository.history(principal.tenant(), buildingId, page.offset(), page.limit());
        return ApiResponse.ok(new RevisionPage(buildingId, page.offset(), page.limit(), items));
    }

    /**
     * The revision in the format of {@code ?format=} (an extension or a media type), else the one the
     * {@code Accept} header prefers, else native JSON; {@code ?node=} exports the subtree of one object.
     */
    ApiResponse content(ApiRequest request, String buildingId, String revisionName) throws ExportFormatException {
        BuildingRepository repository = selector.require(BuildingRepository.class);
        Principal principal = request.principal();
        BuildingAccess.require(repository, principal, buildingId, Role.VIEWER, "reading");
        Revision revision = revision(repository, principal.tenant(), buildingId, revisionName);
        String node = request.parameter("node");
        if (node != null && revision.find(node).isEmpty()) {
            throw ProblemException.notFound("unknown node '" + node + "' in revision " + revision.number()
                    + " of building '" + buildingId + "'");
        }
        String format = request.parameter("format");
        BuildingExporter exporter = format != null && !format.isBlank() ? exports.exporterFor(format, null)
                : exports.exporterAccepting(request.header("Accept"));
        String extension = exporter.extension();
        String etag = EntityTags.of(revision.contentHash(), extension, node);
        Map<String, String> headers = ApiResponse.headers("ETag", etag, REVISION_HEADER,
                Long.toString(revision.number()), "Vary", "Accept");
        if (EntityTags.noneMatchFails(request.header("If-None-Match"), etag)) {
            return new ApiResponse.Empty(304, headers);
        }
        boolean part = node != null && revision.root().filter(root -> root.id().equals(node)).isEmpty();
        headers.put("Content-Disposition", "attachment; filename=\"" + buildingId + "-r" + revision.number()
                + (part ? "-" + node : "") + "." + extension + "\"");
        return new ApiResponse.Streamed(200, exporter.mediaType(), out -> write(exporter, revision, node, out),
                headers);
    }

    /**
     * Exporters check the node before they write; a node the format cannot export is the client's mistake (400), as
     * long as nothing went out yet.
     */
    private static void write(BuildingExporter exporter, Revision revision, String node, OutputStream out)
            throws IOException {
        boolean[] written = {false};
        OutputStream watched = new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                written[0] = true;
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                written[0] |= len > 0;
                out.write(b, off, len);
            }
        };
        try {
            exporter.write(revision, node, watched);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            if (written[0]) {
                throw e;
            }
            throw ProblemException.badRequest(e.getMessage() == null ? "the " + exporter.extension()
                    + " format cannot export node '" + node + "'" : e.getMessage());
        }
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

    static long revisionNumber(String name) {
        if (name.isEmpty() || name.length() > 18 || !name.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Long.parseLong(name);
    }

    static ProblemException unknownRevision(String buildingId, String name) {
        return ProblemException.notFound("unknown revision '" + name + "' of building '" + buildingId
                + "': use a revision number from 1 or 'head'");
    }
}
