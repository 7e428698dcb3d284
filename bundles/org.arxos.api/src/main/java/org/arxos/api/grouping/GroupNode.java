package org.arxos.api.grouping;

import org.arxos.model.geometry.Bounds;

/**
 * One node of a hierarchy.
 *
 * @param id          stable id, unique within the hierarchy
 * @param label       what a person sees
 * @param kind        what the group is ({@code "floor"}, {@code "cluster"}, {@code "circuit"}, ...)
 * @param objectId    the building object this node stands for, or {@code null} for a pure group
 * @param childCount  the number of direct children
 * @param objectCount the number of building objects in the subtree, this node's own included
 * @param bounds      the plan extent of the subtree, or {@code null} when nothing in it has a footprint
 */
public record GroupNode(String id, String label, String kind, String objectId, int childCount, int objectCount,
        Bounds bounds) {
}
