package org.arxos.render.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.arxos.api.grouping.GroupNode;
import org.arxos.api.grouping.Hierarchy;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;

/**
 * A test hierarchy with pure groups: the building's tree, except that the components of a system are grouped by kind
 * under it, in groups whose ids are {@code <system id>/<kind>} (and the odd {@code <system id>/by kind: <kind>} for
 * kinds starting with {@code w}, to have spaces and colons in ids). Built eagerly; for small buildings only.
 */
final class ClusteredHierarchy implements Hierarchy {

    private record Node(String id, String label, String kind, String objectId, String parentId) {
    }

    private final Revision revision;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, List<String>> children = new HashMap<>();
    private final Map<String, Integer> counts = new HashMap<>();
    private final Map<String, Bounds> bounds = new HashMap<>();
    private final String rootId;

    ClusteredHierarchy(Revision revision) {
        this.revision = revision;
        revision.objects().forEach(o -> {
            String parent = o.parentId();
            if (o.type() == ObjectType.COMPONENT && parent != null
                    && revision.get(parent).type() == ObjectType.SYSTEM) {
                String cluster = parent + (o.kind().startsWith("w") ? "/by kind: " : "/") + o.kind();
                if (!nodes.containsKey(cluster)) {
                    add(new Node(cluster, o.kind() + "s", "cluster", null, parent));
                }
                parent = cluster;
            }
            add(new Node(o.id(), o.name() == null ? o.id() : o.name(), o.type().id(), o.id(), parent));
        });
        rootId = revision.root().orElseThrow().id();
        revision.objects().forEach(o -> {
            for (String id = o.id(); id != null; id = nodes.get(id).parentId()) {
                counts.merge(id, 1, Integer::sum);
                if (o.footprint() != null) {
                    bounds.merge(id, o.footprint().bounds(), Bounds::union);
                }
            }
        });
    }

    private void add(Node node) {
        nodes.put(node.id(), node);
        if (node.parentId() != null) {
            children.computeIfAbsent(node.parentId(), p -> new ArrayList<>()).add(node.id());
        }
    }

    @Override
    public long revision() {
        return revision.number();
    }

    @Override
    public GroupNode root() {
        return groupNode(nodes.get(rootId));
    }

    @Override
    public Optional<GroupNode> node(String nodeId) {
        return Optional.ofNullable(nodes.get(nodeId)).map(this::groupNode);
    }

    @Override
    public Optional<GroupNode> parent(String nodeId) {
        Node node = nodes.get(nodeId);
        return node == null || node.parentId() == null ? Optional.empty() : node(node.parentId());
    }

    @Override
    public List<GroupNode> children(String nodeId, int offset, int limit) {
        List<String> ids = children.getOrDefault(nodeId, List.of());
        int from = Math.min(offset, ids.size());
        return ids.subList(from, Math.min(ids.size(), from + limit)).stream().map(id -> groupNode(nodes.get(id)))
                .toList();
    }

    private GroupNode groupNode(Node n) {
        return new GroupNode(n.id(), n.label(), n.kind(), n.objectId(),
                children.getOrDefault(n.id(), List.of()).size(), counts.get(n.id()), bounds.get(n.id()));
    }
}
