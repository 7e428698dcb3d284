package org.arxos.render.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.arxos.api.grouping.GroupNode;
import org.arxos.api.grouping.Hierarchy;

/**
 * The chains of groups above one drawing's groups, each link asked of the hierarchy once: a drawing walks the same
 * few chains again and again while it coarsens and nests its elements. Not thread safe: one per drawing.
 */
final class Ancestry {

    private final Hierarchy hierarchy;
    private final Map<String, Optional<GroupNode>> parents = new HashMap<>();
    private final Map<String, Integer> depths = new HashMap<>();

    Ancestry(Hierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    Hierarchy hierarchy() {
        return hierarchy;
    }

    /** The node's group; empty for the root and for a node the hierarchy does not know. */
    Optional<GroupNode> parent(String nodeId) {
        Optional<GroupNode> parent = parents.get(nodeId);
        if (parent == null) {
            parent = hierarchy.parent(nodeId);
            parents.put(nodeId, parent);
        }
        return parent;
    }

    /** Levels above the node: 0 for the root (or a node without a parent), 1 for its children, ... */
    int depth(String nodeId) {
        List<String> unknown = new ArrayList<>();
        String id = nodeId;
        int depth = 0;
        while (true) {
            Integer known = depths.get(id);
            if (known != null) {
                depth = known;
                break;
            }
            unknown.add(id);
            Optional<GroupNode> parent = parent(id);
            if (parent.isEmpty()) {
                depth = -1;
                break;
            }
            id = parent.get().id();
        }
        for (int i = unknown.size() - 1; i >= 0; i--) {
            depths.put(unknown.get(i), ++depth);
        }
        return depths.get(nodeId);
    }
}
