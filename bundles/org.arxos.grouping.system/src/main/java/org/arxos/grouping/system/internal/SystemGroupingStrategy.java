package org.arxos.grouping.system.internal;

import java.util.Objects;

import org.arxos.api.grouping.GroupingStrategy;
import org.arxos.api.grouping.Hierarchy;
import org.arxos.grouping.GroupTree;
import org.arxos.model.BuildingObject;
import org.arxos.model.ChangeSet;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;
import org.osgi.service.component.annotations.Component;

/**
 * Groups a building by discipline, system, and the circuits and branches its connections form: building →
 * discipline → system → source → what it feeds → ... → component, with everything in no system under
 * {@code /not-in-a-system} by floor and zone. {@link SystemPlacements} says where each object goes and
 * {@link SystemLayout} how a system's connections are followed.
 *
 * <p>{@link #regroup} edits a tree of this layout ({@link SystemTreeEdit}); any other hierarchy, or a revision with
 * another building than the tree's, is grouped afresh.
 */
@Component(property = {"arxos.impl=system", "service.ranking:Integer=10"})
public final class SystemGroupingStrategy implements GroupingStrategy {

    /** Marks the trees this strategy made; a new way of placing objects must change it. */
    static final String LAYOUT = "system";

    @Override
    public GroupTree group(Revision revision) {
        GroupTree.Builder builder = GroupTree.builder(revision, LAYOUT);
        SystemPlacements placements = new SystemPlacements(revision);
        GroupPlacer placer = new GroupPlacer(builder, placements);
        // parents come first, so a system is placed before its components, which then go in feed order
        revision.objects().forEach(object -> {
            if (object.parentId() == null || placements.inSystem(object)) {
                return;
            }
            placer.add(object, placements.of(object));
            if (object.type() == ObjectType.SYSTEM) {
                SystemLayout layout = placements.layout(object.id());
                layout.components().forEach(c -> placer.add(c, layout.placementOf(c.id())));
            }
        });
        return builder.build();
    }

    @Override
    public Hierarchy regroup(Hierarchy previous, Revision revision, ChangeSet changes) {
        if (!(previous instanceof GroupTree tree) || !tree.layout().equals(LAYOUT)
                || tree.revision() + 1 != revision.number() || !sameBuilding(tree.source(), revision)) {
            return group(revision);
        }
        return SystemTreeEdit.apply(tree, revision, ChangeScope.of(changes, tree.source(), revision));
    }

    /** Whether both revisions have the same building (or none): a tree is edited only for its own root. */
    private static boolean sameBuilding(Revision a, Revision b) {
        return Objects.equals(a.root().map(BuildingObject::id), b.root().map(BuildingObject::id));
    }
}
