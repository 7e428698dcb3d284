package org.arxos.http.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.arxos.api.cache.Cache;
import org.arxos.api.cache.CacheKey;
import org.arxos.api.cache.CachedOperation;
import org.arxos.api.cache.ValueCodec;
import org.arxos.api.grouping.GroupNode;
import org.arxos.api.grouping.HierarchyView;
import org.arxos.api.grouping.HierarchyViews;
import org.arxos.api.repository.BuildingRepository;
import org.arxos.api.security.Principal;
import org.arxos.api.security.Role;
import org.arxos.api.selection.Capability;
import org.arxos.api.selection.CapabilityStatus;
import org.arxos.api.selection.Implementation;
import org.arxos.api.selection.ImplementationSelector;
import org.arxos.model.Revision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code GET /api/buildings/{id}/hierarchy}: one node of a grouped view with its parent and a page of its children,
 * so a client opens the tree one level at a time. Pages are cached as the JSON they are sent as, keyed by the
 * revision (number and content hash), the strategy instance the selector calls first, the node and the page; a page
 * another instance answered (the first failed) is dropped again, so the key never serves another strategy's groups.
 */
final class HierarchyEndpoint {

    static final CachedOperation<byte[]> PAGES = new CachedOperation<>("hierarchy.page", new ValueCodec<>() {
        @Override
        public byte[] encode(byte[] json) {
            return json;
        }

        @Override
        public byte[] decode(byte[] bytes) {
            return bytes;
        }
    });

    record HierarchyPage(String building, long revision, String strategy, GroupNode node, GroupNode parent,
            int offset, int limit, List<GroupNode> children) {
    }

    private final ImplementationSelector selector;
    private final HierarchyViews views;
    private final ObjectMapper mapper;

    HierarchyEndpoint(ImplementationSelector selector, HierarchyViews views, ObjectMapper mapper) {
        this.selector = selector;
        this.views = views;
        this.mapper = mapper;
    }

    ApiResponse get(ApiRequest request, String buildingId, ApiSettings settings) {
        BuildingRepository repository = selector.require(BuildingRepository.class);
        Principal principal = request.principal();
        BuildingAccess.require(repository, principal, buildingId, Role.VIEWER, "reading");
        PageRequest page = settings.page(request);
        String revisionName = request.parameter("revision");
        Revision revision = RevisionEndpoints.revision(repository, principal.tenant(), buildingId,
                revisionName == null ? "head" : revisionName);
        String strategy = request.parameter("strategy");
        String nodeId = request.parameter("node");

        AtomicReference<HierarchyView> grouped = new AtomicReference<>();
        Supplier<byte[]> compute = () -> {
            HierarchyView view = views.view(principal.tenant(), buildingId, revision, strategy);
            grouped.set(view);
            return json(page(view, buildingId, revision, nodeId, page));
        };
        Optional<Implementation> expected = firstCalled(strategy);
        byte[] body;
        if (expected.isEmpty()) {
            body = compute.get();
        } else {
            Optional<Cache> cache = selector.select(Cache.class);
            CacheKey key = PAGES.key(principal.tenant(), buildingId, revision.number(), revision.contentHash(),
                    expected.get().name(), expected.get().serviceId(), nodeId, page.offset(), page.limit());
            body = PAGES.get(cache, key, compute);
            if (grouped.get() != null && grouped.get().implementation() != expected.get().serviceId()) {
                cache.ifPresent(c -> c.invalidate(key.toString()));
            }
        }
        return new ApiResponse.Streamed(200, MediaTypes.JSON, out -> out.write(body), Map.of());
    }

    private static HierarchyPage page(HierarchyView view, String buildingId, Revision revision, String nodeId,
            PageRequest page) {
        GroupNode node = nodeId == null ? view.hierarchy().root() : view.hierarchy().node(nodeId)
                .orElseThrow(() -> ProblemException.notFound("unknown node '" + nodeId + "' in the '"
                        + view.strategy() + "' hierarchy of building '" + buildingId + "' at revision "
                        + revision.number()));
        List<GroupNode> children = view.hierarchy().children(node.id(), page.offset(), page.limit());
        return new HierarchyPage(buildingId, revision.number(), view.strategy(), node,
                view.hierarchy().parent(node.id()).orElse(null), page.offset(), page.limit(), children);
    }

    /** The named strategy (empty when none has the name: the view will say so), else the serving one. */
    private Optional<Implementation> firstCalled(String strategy) {
        CapabilityStatus status = selector.capability(Capability.GROUPING);
        String name = strategy != null ? strategy : status.serving();
        return status.implementations().stream().filter(i -> i.name().equals(name)).findFirst();
    }

    private byte[] json(HierarchyPage page) {
        try {
            return mapper.writeValueAsBytes(page);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the hierarchy page could not be written as JSON: " + e.getMessage(), e);
        }
    }
}
