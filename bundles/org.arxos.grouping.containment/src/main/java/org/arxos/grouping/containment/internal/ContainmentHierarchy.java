package org.arxos.grouping.containment.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.arxos.api.grouping.GroupNode;
import org.arxos.api.grouping.Hierarchy;
import org.arxos.model.BuildingObject;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;

/**
 * The revision's own tree as a hierarchy. Nothing is copied: nodes are made when asked for, and the subtree totals
 * of a node are computed the first time it is shown, then kept.
 */
final class ContainmentHierarchy implements Hierarchy {

    private record Totals(int objects, Bounds bounds) {
    }

    private final Revision revision;
    private final Map<String, Totals> totals = new ConcurrentHashMap<>();

    ContainmentHierarchy(Revision revision) {
        this.revision = revision;
    }

    @Override
    public long revision() {
        return revision.number();
    }

    @Override
    public GroupNode root() {
        return revision.root().map(this::nodeOf)
                .orElseGet(() -> new GroupNode("", "(empty)", "empty", null, 0, 0, null));
    }

    @Override
    public Optional<GroupNode> node(String nodeId) {
        return revision.find(nodeId).map(this::nodeOf);
    }

    @Override
    public Optional<GroupNode> parent(String nodeId) {
        return revision.find(nodeId).map(BuildingObject::parentId).flatMap(revision::find).map(this::nodeOf);
    }

    @Override
    public List<GroupNode> children(String nodeId, int offset, int limit) {
        List<BuildingObject> children = revision.children(nodeId);
        int from = Math.min(Math.max(offset, 0), children.size());
        int to = Math.min(children.size(), from + Math.max(limit, 0));
        return children.subList(from, to).stream().map(this::nodeOf).toList();
    }

    private GroupNode nodeOf(BuildingObject object) {
        Totals t = totals.computeIfAbsent(object.id(), id -> totalsOf(object));
        return new GroupNode(object.id(), object.name() != null ? object.name() : object.id(), object.type().id(),
                object.id(), revision.childCount(object.id()), t.objects(), t.bounds());
    }

    private Totals totalsOf(BuildingObject top) {
        int count = 0;
        Bounds bounds = null;
        Deque<BuildingObject> pending = new ArrayDeque<>();
        pending.push(top);
        while (!pending.isEmpty()) {
            BuildingObject object = pending.pop();
            count++;
            if (object.footprint() != null) {
                bounds = bounds == null ? object.footprint().bounds() : bounds.union(object.footprint().bounds());
            }
            revision.children(object.id()).forEach(pending::push);
        }
        return new Totals(count, bounds);
    }
}
