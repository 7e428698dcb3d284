package org.arxos.render.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.arxos.api.grouping.GroupNode;
import org.arxos.api.grouping.Hierarchy;
import org.arxos.model.BuildingObject;
import org.arxos.model.geometry.Bounds;
import org.arxos.render.internal.DrawingPlan.Aggregate;
import org.arxos.render.internal.DrawingPlan.Drawn;

/**
 * Decides what a drawing shows. Every object in the viewport whose larger side is at least {@code minPixels} on
 * screen is drawn; each smaller one is counted by an aggregate of its group in the hierarchy. When that makes more
 * elements than {@code maxElements}, the drawing is coarsened in steps, each keeping every object accounted for
 * exactly once:
 * <ol>
 * <li>aggregates are replaced by their parent groups' aggregates, deepest level first, up to the level of the
 * floor's own node;
 * <li>then the smallest drawn objects are moved into the aggregate of their nearest group that has one, else of their
 * own group;
 * <li>then aggregates rise again, to the floor's level and, when even that is too many, to the root.
 * </ol>
 * Step 3 always ends within the cap, because everything ends up in the root's single aggregate at worst. The cost
 * is in proportion to the objects in the viewport: one index query, one look at each object's group (a hierarchy
 * lookup the first time, see {@link ObjectGroups}) and one hierarchy lookup per group.
 */
final class LevelOfDetail {

    private static final Comparator<Candidate> SMALLEST_FIRST = Comparator.comparingDouble(Candidate::pixels)
            .thenComparing(c -> c.object().id());

    private record Candidate(BuildingObject object, GroupNode group, double pixels) {
    }

    /** An aggregate being made: its group, its depth in the hierarchy, its count and its members' bounds. */
    private static final class Group {
        final GroupNode node;
        final int depth;
        int count;
        float minX = Float.POSITIVE_INFINITY;
        float minY = Float.POSITIVE_INFINITY;
        float maxX = Float.NEGATIVE_INFINITY;
        float maxY = Float.NEGATIVE_INFINITY;

        Group(GroupNode node, int depth) {
            this.node = node;
            this.depth = depth;
        }

        void add(int objects, float x0, float y0, float x1, float y1) {
            count += objects;
            minX = Math.min(minX, x0);
            minY = Math.min(minY, y0);
            maxX = Math.max(maxX, x1);
            maxY = Math.max(maxY, y1);
        }

        Aggregate toAggregate() {
            Bounds outline = node.bounds() != null ? node.bounds() : new Bounds(minX, minY, maxX, maxY);
            return new Aggregate(node, count, outline);
        }
    }

    private final Ancestry ancestry;
    private final ObjectGroups objectGroups;
    private final int maxElements;
    private final List<Candidate> drawn = new ArrayList<>();
    private final Map<String, Group> aggregates = new HashMap<>();

    private LevelOfDetail(Hierarchy hierarchy, ObjectGroups objectGroups, int maxElements) {
        this.ancestry = new Ancestry(hierarchy);
        this.objectGroups = objectGroups;
        this.maxElements = maxElements;
    }

    /**
     * @throws IllegalStateException when the hierarchy has no group for an object of the floor, which happens only
     *                               when it was made from another revision
     */
    static DrawingPlan plan(FloorIndex index, Hierarchy hierarchy, Bounds viewport, double scale, double minPixels,
            int maxElements) {
        LevelOfDetail plan = new LevelOfDetail(hierarchy, index.groupsIn(hierarchy), maxElements);
        index.query(viewport, position -> plan.classify(index.object(position), position, scale, minPixels));
        boolean capped = plan.elements() > maxElements;
        if (capped) {
            int floorDepth = plan.ancestry.depth(index.floor().id());
            plan.lift(floorDepth);
            plan.demoteSmallest();
            plan.lift(floorDepth);
            plan.lift(0);
        }
        List<Aggregate> aggregates = plan.aggregates.values().stream().map(Group::toAggregate)
                .sorted(Comparator.comparing(a -> a.group().id())).toList();
        List<Drawn> drawn = plan.drawn.stream().map(c -> new Drawn(c.object(), c.group())).toList();
        return new DrawingPlan(viewport, scale, drawn, aggregates, capped, plan.ancestry);
    }

    private void classify(BuildingObject object, int position, double scale, double minPixels) {
        GroupNode group = objectGroups.groupOf(position, object.id(), ancestry.hierarchy())
                .orElseThrow(() -> new IllegalStateException("the hierarchy of revision "
                        + ancestry.hierarchy().revision() + " has no group for object '" + object.id() + "'"));
        Bounds b = object.footprint().bounds();
        double pixels = Math.max(b.width(), b.height()) * scale;
        if (pixels >= minPixels) {
            drawn.add(new Candidate(object, group, pixels));
        } else {
            add(group, 1, b);
        }
    }

    private int elements() {
        return drawn.size() + aggregates.size();
    }

    /** Replaces the deepest aggregates by their parents' until within the cap or none is below {@code ceiling}. */
    private void lift(int ceiling) {
        while (elements() > maxElements) {
            int deepest = aggregates.values().stream().mapToInt(g -> g.depth).max().orElse(ceiling);
            if (deepest <= ceiling) {
                return;
            }
            for (Group g : List.copyOf(aggregates.values())) {
                if (g.depth == deepest) {
                    aggregates.remove(g.node.id());
                    // A group below the ceiling has a parent: only the root has none, and it is at depth 0.
                    GroupNode parent = ancestry.parent(g.node.id()).orElseThrow();
                    group(parent).add(g.count, g.minX, g.minY, g.maxX, g.maxY);
                }
            }
        }
    }

    /** Moves drawn objects, smallest first, into aggregates until within the cap or nothing is drawn. */
    private void demoteSmallest() {
        drawn.sort(SMALLEST_FIRST);
        int demoted = 0;
        while (elements() - demoted > maxElements && demoted < drawn.size()) {
            Candidate candidate = drawn.get(demoted++);
            add(nearestAggregated(candidate.group()), 1, candidate.object().footprint().bounds());
        }
        drawn.subList(0, demoted).clear();
    }

    /** The group or its nearest ancestor that has an aggregate; the group itself when none has. */
    private GroupNode nearestAggregated(GroupNode group) {
        for (Optional<GroupNode> g = Optional.of(group); g.isPresent(); g = ancestry.parent(g.get().id())) {
            if (aggregates.containsKey(g.get().id())) {
                return g.get();
            }
        }
        return group;
    }

    private void add(GroupNode node, int objects, Bounds b) {
        group(node).add(objects, b.minX(), b.minY(), b.maxX(), b.maxY());
    }

    private Group group(GroupNode node) {
        return aggregates.computeIfAbsent(node.id(), id -> new Group(node, ancestry.depth(id)));
    }
}
