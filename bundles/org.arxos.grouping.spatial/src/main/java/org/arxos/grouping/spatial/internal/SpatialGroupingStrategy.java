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
 * then balanced clusters of nearby objects, then the objects.
 *
 * <ul>
 * <li>Floors and zones are groups that stand for their objects, ordered lowest first (by the bottom of their
 * elevation, then by id).</li>
 * <li>Every other object belongs to its nearest floor or zone ancestor: a space to its zone, a component of a zone's
 * system to that zone, a space or component directly under a floor to that floor. Objects with no floor above them
 * (the building-wide systems and their switchboard, risers, air handler, water main) belong to the pure group
 * {@code <building>/building-wide}, the root's last child group, made only when it has members.</li>
 * <li>A floor's or zone's (or the building-wide group's) objects with a footprint are packed by sort-tile-recursive
 * into clusters of at most {@code fanOut} children, every leaf cluster at the same depth, after the floor's or zone's
 * own zones. Cluster ids are their position in STR order ({@code f3z2/c2.5.1}); objects enter the STR tree in an order
 * of their own (centre of footprint, then id), so the same content gives the same clusters however it was built. A
 * home with no more than {@code fanOut} such objects holds them directly.</li>
 * <li>Objects without a footprint (systems, mostly) are in the pure group {@code <home>/no-footprint}, after the
 * clusters.</li>
 * </ul>
 * Every object appears exactly once. {@link #regroup} packs again only the floors and zones a change set reaches and
 * gives the tree {@link #group} gives; a hierarchy it did not make (or made with another fan-out), or one not of the
 * revision just before or not of the same building, is grouped afresh.
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
