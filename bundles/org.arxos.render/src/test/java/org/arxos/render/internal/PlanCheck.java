package org.arxos.render.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.arxos.api.grouping.GroupNode;
import org.arxos.api.grouping.Hierarchy;
import org.arxos.model.BuildingObject;
import org.arxos.model.geometry.Bounds;
import org.arxos.render.internal.DrawingPlan.Aggregate;
import org.arxos.render.internal.DrawingPlan.Drawn;

/**
 * Checks a drawing plan against brute force over the floor's objects: every object in the viewport is drawn or
 * counted by exactly one aggregate (that of its nearest aggregated group), never more elements than the cap, and
 * without the cap exactly the objects above the threshold are drawn and every aggregate is its objects' parent group.
 */
final class PlanCheck {

    private PlanCheck() {
    }

    static void check(DrawingPlan plan, List<BuildingObject> floorObjects, Hierarchy hierarchy, double minPixels,
            int maxElements) {
        String what = "viewport " + plan.viewport() + " at " + plan.scale() + " px/m, threshold " + minPixels
                + " px, cap " + maxElements;
        List<BuildingObject> inView = TestBuildings.intersecting(floorObjects, plan.viewport());
        Set<String> inViewIds = inView.stream().map(BuildingObject::id).collect(Collectors.toSet());

        Set<String> drawn = new HashSet<>();
        for (Drawn d : plan.drawn()) {
            String id = d.object().id();
            assertTrue(drawn.add(id), what + ": " + id + " drawn twice");
            assertTrue(inViewIds.contains(id), what + ": " + id + " drawn but not in the viewport");
            assertEquals(hierarchy.parent(id).orElseThrow().id(), d.group().id(), what + ": the group of " + id);
        }
        Map<String, Integer> counts = new HashMap<>();
        for (Aggregate a : plan.aggregates()) {
            assertTrue(a.count() > 0, what + ": empty aggregate " + a.group().id());
            assertNotNull(a.outline(), what);
            assertEquals(null, counts.put(a.group().id(), a.count()), what + ": two aggregates of " + a.group().id());
        }
        assertTrue(plan.drawn().size() + plan.aggregates().size() <= maxElements,
                what + ": " + plan.drawn().size() + " drawn + " + plan.aggregates().size() + " aggregates");

        Map<String, Integer> expected = new HashMap<>();
        for (BuildingObject o : inView) {
            if (!drawn.contains(o.id())) {
                String group = nearestAggregated(hierarchy, o.id(), counts.keySet());
                assertNotNull(group, what + ": " + o.id() + " is neither drawn nor counted");
                expected.merge(group, 1, Integer::sum);
            }
        }
        assertEquals(expected, counts, what + ": aggregate counts");
        assertEquals(inView.size() - drawn.size(), plan.summarized(), what);

        Set<String> large = new HashSet<>();
        Set<String> smallGroups = new HashSet<>();
        for (BuildingObject o : inView) {
            if (pixels(o, plan.scale()) >= minPixels) {
                large.add(o.id());
            } else {
                smallGroups.add(hierarchy.parent(o.id()).orElseThrow().id());
            }
        }
        assertEquals(large.size() + smallGroups.size() > maxElements, plan.capped(), what + ": capped");
        if (!plan.capped()) {
            assertEquals(large, drawn, what + ": drawn objects");
            for (BuildingObject o : inView) {
                if (!drawn.contains(o.id())) {
                    assertTrue(counts.containsKey(hierarchy.parent(o.id()).orElseThrow().id()),
                            what + ": " + o.id() + " is not counted by its own group");
                }
            }
        } else {
            double smallestDrawn = plan.drawn().stream().mapToDouble(d -> pixels(d.object(), plan.scale())).min()
                    .orElse(Double.POSITIVE_INFINITY);
            double largestDemoted = inView.stream().filter(o -> large.contains(o.id()) && !drawn.contains(o.id()))
                    .mapToDouble(o -> pixels(o, plan.scale())).max().orElse(0);
            assertTrue(largestDemoted <= smallestDrawn,
                    what + ": an object of " + largestDemoted + " px was summarised while one of " + smallestDrawn
                            + " px was drawn");
        }
    }

    static double pixels(BuildingObject o, double scale) {
        Bounds b = o.footprint().bounds();
        return Math.max(b.width(), b.height()) * scale;
    }

    private static String nearestAggregated(Hierarchy hierarchy, String objectId, Set<String> groups) {
        for (Optional<GroupNode> g = hierarchy.parent(objectId); g.isPresent(); g = hierarchy.parent(g.get().id())) {
            if (groups.contains(g.get().id())) {
                return g.get().id();
            }
        }
        return null;
    }
}
