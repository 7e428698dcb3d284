package org.arxos.grouping.system.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.arxos.model.BuildingObject;
import org.arxos.model.Discipline;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;

/**
 * Where each object of one revision goes in the system hierarchy:
 * <pre>
 * building
 *   /electrical                     a discipline: the top-level systems of that kind
 *     f3z2e                         a system; nested systems nest
 *       f3z2e-c1                    a source (panel), a group standing for itself
 *         f3z2e-c2                  a circuit it feeds
 *           f3z2e-c9                a light on that circuit
 *       f3z2e/unconnected           components with no flow connection
 *   /not-in-a-system
 *     f3                            floors, zones (nested zones nest) as groups standing for themselves
 *       f3z2
 *         f3z2s5                    spaces, and components not in a system (a component in a space goes to the
 *                                   space's floor or zone)
 * </pre>
 * A system is top-level when its parent is not a system; the components of a system are its own component children
 * ({@link SystemLayout}). Every object but the building, which is the root, has exactly one placement. Layouts are
 * worked out once per system, when first needed, and kept, so one instance serves one pass over one revision.
 */
final class SystemPlacements {

    private final Revision revision;
    private final GroupRef root;
    private final GroupRef.Pure notInASystem;
    private final Map<String, GroupRef.Pure> disciplines = new HashMap<>();
    private final Map<String, SystemLayout> layouts = new HashMap<>();
    private final Map<String, Placement> known = new HashMap<>();
    private final Map<String, BuildingObject> parents = new HashMap<>();

    SystemPlacements(Revision revision) {
        this.revision = revision;
        this.root = new GroupRef.OfObject(revision.root().map(BuildingObject::id).orElse("/"));
        this.notInASystem = new GroupRef.Pure("/not-in-a-system", "Not in a system", "not-in-a-system", root);
    }

    Revision revision() {
        return revision;
    }

    /** The object's placement, or {@code null} for the building and for an id the revision does not have. */
    Placement of(String id) {
        BuildingObject object = revision.find(id).orElse(null);
        return object == null ? null : of(object);
    }

    Placement of(BuildingObject object) {
        return switch (object.type()) {
            case BUILDING -> null;
            case FLOOR -> new Placement(notInASystem, true);
            case ZONE -> new Placement(new GroupRef.OfObject(object.parentId()), true);
            case SPACE -> new Placement(new GroupRef.OfObject(object.parentId()), false);
            case SYSTEM -> new Placement(parent(object).type() == ObjectType.SYSTEM
                    ? new GroupRef.OfObject(object.parentId()) : discipline(object.kind()), true);
            case COMPONENT -> ofComponent(object);
        };
    }

    private Placement ofComponent(BuildingObject component) {
        BuildingObject parent = parent(component);
        return switch (parent.type()) {
            case SYSTEM -> {
                Placement placement = known.get(component.id());
                yield placement != null ? placement : layout(parent.id()).placementOf(component.id());
            }
            case SPACE -> new Placement(new GroupRef.OfObject(parent.parentId()), false);
            default -> new Placement(new GroupRef.OfObject(parent.id()), false);
        };
    }

    /** Takes placements of system components worked out otherwise ({@link LocalLayoutChange}) as they are. */
    void assume(Map<String, Placement> placements) {
        known.putAll(placements);
    }

    /** The layout of the system's own components. */
    SystemLayout layout(String systemId) {
        return layouts.computeIfAbsent(systemId, id -> SystemLayout.of(revision, id));
    }

    /** Whether the object is a component of a system: then its system's layout places it. */
    boolean inSystem(BuildingObject object) {
        return object.type() == ObjectType.COMPONENT && parent(object).type() == ObjectType.SYSTEM;
    }

    private BuildingObject parent(BuildingObject object) {
        return parents.computeIfAbsent(object.parentId(), revision::get);
    }

    private GroupRef.Pure discipline(String kind) {
        return disciplines.computeIfAbsent(kind,
                k -> new GroupRef.Pure("/" + k, disciplineLabel(k), "discipline", root));
    }

    private static String disciplineLabel(String kind) {
        return Discipline.of(kind).map(d -> {
            String words = d.id().replace('-', ' ');
            return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
        }).orElse(kind);
    }

    /** What a group standing for the object is called. */
    static String label(BuildingObject object) {
        return object.name() != null ? object.name() : object.id();
    }
}
