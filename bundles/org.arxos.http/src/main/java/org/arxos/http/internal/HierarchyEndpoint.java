package org.arxos.http.internal;

import java.util.List;

import org.arxos.api.grouping.GroupNode;
import org.arxos.api.grouping.HierarchyView;
import org.arxos.api.grouping.HierarchyViews;
import org.arxos.api.repository.BuildingRepository;
import org.arxos.api.security.Principal;
import org.arxos.api.security.Role;
import org.arxos.api.selection.ImplementationSelector;
import org.arxos.model.Revision;

/**
 * {@code GET /api/buildings/{id}/hierarchy}: one node of a grouped view with its parent and a page of its children,
 * so a client opens the tree one level at a time.
 */
final class HierarchyEndpoint {

    record HierarchyPage(String building, long revision, String strategy, GroupNode node, GroupNode parent,
            int offset, int limit, List<GroupNode> children) {
    }

    private final ImplementationSelector selector;
    private final HierarchyViews views;

    HierarchyEndpoint(ImplementationSelector selector, HierarchyViews views) {
        this.selector = selector;
        this.views = views;
    }

    ApiResponse get(ApiRequest request, String buildingId, ApiSettings settings) {
        BuildingRepository repository = selector.require(BuildingRepository.class);
        Principal principal = request.principal();
        BuildingAccess.require(repository, principal, buildingId, Role.VIEWER, "reading");
        PageRequest page = settings.page(request);
        String revisionName = request.parameter("revision");
        Revision revision = RevisionEndpoints.revision(repository, principal.tenant(), buildingId,
                revisionName == null ? "head" : revisionName);
        HierarchyView view = views.view(principal.tenant(), buildingId, revision, request.parameter("strategy"));

        String nodeId = request.parameter("node");
        GroupNode node = nodeId == null ? view.hierarchy().root() : view.hierarchy().node(nodeId)
                .orElseThrow(() -> ProblemException.notFound("unknown node '" + nodeId + "' in the '"
                        + view.strategy() + "' hierarchy of building '" + buildingId + "' at revision "
                        + revision.number()));
        List<GroupNode> children = view.hierarchy().children(node.id(), page.offset(), page.limit());
        return ApiResponse.ok(new HierarchyPage(buildingId, revision.number(), view.strategy(), node,
                view.hierarchy().parent(node.id()).orElse(null), page.offset(), page.limit(), children));
    }
}
