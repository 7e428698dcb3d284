package org.arxos.render.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.arxos.api.grouping.GroupNode;
import org.arxos.model.BuildingObject;
import org.arxos.render.internal.DrawingPlan.Aggregate;
import org.arxos.render.internal.DrawingPlan.Drawn;

/**
 * A plan's drawn objects and aggregates nested along their hierarchy chains: one node per hierarchy level from the
 * root down. A node is a drawn object, a group, or both (a zone drawn itself with its drawn spaces inside); a group
 * node may carry an aggregate. Children are in painting order: drawn objects larger first, so that smaller ones are
 * painted on top of them (components over the rooms they stand in), then groups that are not drawn themselves
 * (systems, clusters), whose outlines are translucent; ties by id, which makes the order, and so the output, the same
 * for the same plan.
 */
final class DrawingTree {

    static final class Node {
        final String id;
        GroupNode group;
        BuildingObject drawn;
        Aggregate aggregate;
        final List<Node> children = new ArrayList<>();

        Node(String id) {
            this.id = id;
        }

        /** What the node paints under its children: its own footprint's area, 0 when it is only a group. */
        double area() {
            return drawn == null ? 0 : drawn.footprint().bounds().area();
        }
    }

    private static final Comparator<Node> PAINTING_ORDER = Comparator.comparingDouble(Node::area).reversed()
            .thenComparing(n -> n.id);

    private final Ancestry ancestry;
    /** Group nodes only: a drawing has thousands of objects but few groups. */
    private final Map<String, Node> groups = new HashMap<>();
    private final List<Node> roots = new ArrayList<>();

    private DrawingTree(Ancestry ancestry) {
        this.ancestry = ancestry;
    }

    /** The top nodes (the hierarchy's root, unless it is odd), each with its subtree, in painting order. */
    static List<Node> of(DrawingPlan plan) {
        DrawingTree tree = new DrawingTree(plan.ancestry());
        // Groups first, so that an object drawn in a node that is also a group (a zone) joins that node.
        for (Drawn d : plan.drawn()) {
            tree.group(d.group());
        }
        for (Aggregate aggregate : plan.aggregates()) {
            tree.group(aggregate.group()).aggregate = aggregate;
        }
        for (Drawn d : plan.drawn()) {
            Node node = tree.groups.get(d.object().id());
            if (node == null) {
                node = new Node(d.object().id());
                tree.group(d.group()).children.add(node);
            }
            node.drawn = d.object();
        }
        tree.groups.values().forEach(n -> n.children.sort(PAINTING_ORDER));
        tree.roots.sort(PAINTING_ORDER);
        return tree.roots;
    }

    private Node group(GroupNode group) {
        Node node = groups.get(group.id());
        if (node == null) {
            node = new Node(group.id());
            node.group = group;
            groups.put(group.id(), node);
            Optional<GroupNode> parent = ancestry.parent(group.id());
            (parent.isPresent() ? group(parent.get()).children : roots).add(node);
        }
        return node;
    }
}
