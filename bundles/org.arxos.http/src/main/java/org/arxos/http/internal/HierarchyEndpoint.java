package org.arxos.http.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.arxos.api.grouping.GroupNode;
import org.arxos.api.grouping.GroupingStrategy;
import org.arxos.api.grouping.Hierarchy;
import org.arxos.api.repository.BuildingRepository;
import org.arxos.api.security.Principal;
import org.arxos.api.security.Role;
import org.arxos.api.selection.Capability;
import org.arxos.api.selection.CapabilityStatus;
import org.arxos.api.selection.Implementation;
import org.arxos.api.selection.ImplementationSelector;
import org.arxos.model.Revision;

/** {@code GET /api/buildings/{id}/hierarchy}: one node of a grouped view and a page of its children. */
final class HierarchyEndpoint {

    record HierarchyPage(String building, long revision, String strategy, GroupNode node, int offset, int limit,
            List<GroupNode> children) {
    }

    private final ImplementationSelector selector;
    private volatile HierarchyCache cache;

    HierarchyEndpoint(ImplementationSelector selector, int cacheSize) {
        this.selector = selector;
        this.cache = new HierarchyCache(cacheSize);
    }

    void resizeCache(int cacheSize) {
        cache = new HierarchyCache(cacheSize);
    }

    ApiResponse get(ApiRequest request, String buildingId, ApiSettings settings) {
        BuildingRepository repository = selector.require(BuildingRepository.class);
        Principal principal = request.principal();
        BuildingAccess.require(repository, principal, buildingId, Role.VIEWER, "reading");
        PageRequest page = settings.page(request);
        String revisionName = request.parameter("revision");
        Revision revision = RevisionEndpoints.revision(repository, principal.tenant(), buildingId,
                revisionName == null ? "head" : revisionName);

        CapabilityStatus grouping = selector.capability(Capability.GROUPING);
        String strategyName = request.parameter("strategy");
        if (strategyName == null) {
            strategyName = grouping.serving();
            if (strategyName == null) {
                throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE, "no implementation of grouping is running");
            }
        }
        String name = strategyName;
        Implementation implementation = grouping.implementations().stream().filter(i -> i.name().equals(name))
                .findFirst().orElseThrow(() -> unknownStrategy(name, grouping));
        GroupingStrategy strategy = selector.select(GroupingStrategy.class, name)
                .orElseThrow(() -> unknownStrategy(name, grouping));

        HierarchyCache.Key key = new HierarchyCache.Key(principal.tenant(), buildingId, revision.number(),
                revision.contentHash(), name, implementation.serviceId());
        Hierarchy hierarchy = cache.get(key, () -> strategy.group(revision));

        String nodeId = request.parameter("node");
        GroupNode node = nodeId == null ? hierarchy.root() : hierarchy.node(nodeId)
                .orElseThrow(() -> ProblemException.notFound("unknown node '" + nodeId + "' in the '" + name
                        + "' hierarchy of building '" + buildingId + "' at revision " + revision.number()));
        List<GroupNode> children = hierarchy.children(node.id(), page.offset(), page.limit());
        return ApiResponse.ok(new HierarchyPage(buildingId, revision.number(), name, node, page.offset(),
                page.limit(), children));
    }

    private static ProblemException unknownStrategy(String name, CapabilityStatus grouping) {
        List<String> known = grouping.implementations().stream().map(Implementation::name).distinct().sorted()
                .toList();
        return ProblemException.notFound("unknown grouping strategy '" + name + "'; running: "
                + (known.isEmpty() ? "none" : known.stream().collect(Collectors.joining(", "))))
                .with("strategies", known);
    }
}
