package org.arxos.grouping.spatial.internal;

import org.arxos.api.grouping.GroupingStrategy;
import org.arxos.api.grouping.Hierarchy;
import org.arxos.grouping.GroupTree;
import org.arxos.model.BuildingObject;
import org.arxos.model.ChangeSet;
import org.arxos.model.Revision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Groups a building by place, for finding things on a plan: building, then floors, then zones (nested zones nest),
 * then clusters of nearby objects cut from a fixed grid of cells, then the objects.
 *
 * <ul>
 * <li>Floors and zones are groups that stand for their objects, ordered lowest first (by the bottom of their
 * elevation, then by id).</li>
 * <li>Every other object belongs to its nearest floor or zone ancestor: a space to its zone, a component of a zone's
 * system to that zone, a space or component directly under a floor to that floor. Objects with no floor above them
 * (the building-wide systems and their switchboard, risers, air handler, water main) belong to the pure group
 * {@code <building>/building-wide}, the root's last child group, made only when it has members.</li>
 * <li>A floor's or zone's (or the building-wide group's) objects with a footprint are packed, after its own zones, by
 * the centres of their footprints into a compressed region quadtree on a grid that does not depend on the content
 * ({@link CellPacker}): at most {@code fanOut} objects are held directly, more are divided among the
 * {@code 2^floor(log2 fanOut)} sub-cells (4 × 4 at the default 16) of the smallest grid cell holding them. A sub-cell
 * of more than {@code fanOut} objects is a cluster named after the smallest cell holding its objects
 * ({@code f3z2/q48.12.7}: level 48, the 4 m square at (48 m, 28 m)), divided in turn; the other sub-cells are merged
 * in Morton order into leaf clusters of up to {@code fanOut} objects, so that leaves are full, each named after its
 * first sub-cell (or, when it has one, after the smallest cell holding its objects). Objects whose centres share a
 * millimetre cell are cut into chunks of at most {@code fanOut} in id order ({@code f3z2/q72.49152.28672.2}). A
 * cluster's label is its id.</li>
 * <li>Objects without a footprint (systems, mostly) are in the pure group {@code <home>/no-footprint}, after the
 * clusters.</li>
 * </ul>
 * Every object appears exactly once, and the tree is a function of the revision's content, whatever order it was
 * built in. No group has more than {@code fanOut} children. The depth follows density rather than being equal
 * everywhere: every divided cluster lies at least {@code floor(log2 fanOut)} grid levels inside its parent, so its
 * sides are at least 4 times smaller at fan-out 16, and a divided cluster spreads its centres at least as far as the
 * closest distinct centres; so a home's clusters are at most {@code 2 + log4(1.42 w / d)} deep at fan-out 16, for
 * {@code w} the size of its largest top cluster and {@code d} the smallest distance between distinct centres (about
 * {@code log16} of the extent over the spacing of features), and never more than 18 cell levels plus the chunks of
 * coincident objects.
 *
 * <p>Strict balance (every leaf at one depth, as sort-tile-recursive packing gives) was given up for locality: a cluster
 * depends only on the objects in its cell, so {@link #regroup} changes only the clusters on the paths of the objects
 * a change set adds, removes or moves (to another home or another centre), and the leaf clusters beside them, keeps
 * every other cluster with its id and gives the tree {@link #group} gives. A hierarchy it did not make (or made with
 * another fan-out), or one not of the revision just before or not of the same building, is grouped afresh.
 */
@Component(configurationPid = SpatialGroupingConfiguration.PID,
        property = {"arxos.impl=spatial", "service.ranking:Integer=20"})
@Designate(ocd = SpatialGroupingConfiguration.class)
public final class SpatialGroupingStrategy implements GroupingStrategy {

    private final int fanOut;
    private final String layout;

    @Activate
    public SpatialGroupingStrategy(SpatialGroupingConfiguration configuration) {
        this(configuration.fanOut());
    }

    public SpatialGroupingStrategy(int fanOut) {
        if (fanOut < 2) {
            throw new IllegalArgumentException("fanOut must be at least 2 but was " + fanOut);
        }
        this.fanOut = fanOut;
        this.layout = "spatial;fan-out=" + fanOut;
    }

    @Override
    public GroupTree group(Revision revision) {
        return new SpatialTreeBuilder(layout, fanOut).build(revision);
    }

    @Override
    public GroupTree regroup(Hierarchy previous, Revision revision, ChangeSet changes) {
        if (previous instanceof GroupTree tree && tree.layout().equals(layout)
                && tree.revision() + 1 == revision.number() && sameBuilding(tree, revision)) {
            return SpatialRegrouping.apply(tree, revision, changes, fanOut);
        }
        return group(revision);
    }

    private static boolean sameBuilding(GroupTree tree, Revision revision) {
        String building = revision.root().map(BuildingObject::id).orElse(null);
        return building != null && building.equals(tree.root().objectId());
    }
}
