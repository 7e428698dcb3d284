package org.arxos.render.internal;

import java.util.List;

import org.arxos.api.grouping.GroupNode;
import org.arxos.model.BuildingObject;
import org.arxos.model.geometry.Bounds;

/**
 * What one drawing shows: objects drawn one by one and group outlines standing for the rest of the objects in the
 * viewport. Every object in the viewport is in exactly one of the two: drawn, or counted by exactly one aggregate,
 * the one of its nearest group that has an aggregate.
 *
 * @param viewport   the part of the floor drawn
 * @param scale      pixels per metre
 * @param drawn      objects drawn one by one with their groups, in no particular order
 * @param aggregates group outlines, by group id
 * @param capped     whether the element cap made the drawing coarser than the pixel threshold alone
 * @param ancestry   the groups above the drawn objects and aggregates, as looked up for this plan
 */
record DrawingPlan(Bounds viewport, double scale, List<Drawn> drawn, List<Aggregate> aggregates, boolean capped,
        Ancestry ancestry) {

    /** An object drawn one by one, and its group in the hierarchy. */
    record Drawn(BuildingObject object, GroupNode group) {
    }

    /**
     * A group drawn as its outline with the number of objects in the viewport it stands for.
     *
     * @param outline the group's bounds; the bounds of the objects it stands for where the group has none
     */
    record Aggregate(GroupNode group, int count, Bounds outline) {
    }

    /** Objects drawn only as part of an aggregate. */
    int summarized() {
        return aggregates.stream().mapToInt(Aggregate::count).sum();
    }
}
