package org.arxos.grouping.functional.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.arxos.model.BuildingObject;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;

/**
 * The group each object of one revision goes into: building → function → floor → object, every object a leaf.
 * <pre>
 * building
 *   /lighting               a function, from the rules
 *     /lighting/f3          the function on floor f3 ({@link Floors})
 *       f3z2e-c9            an object
 *     be-c7                 an object on no floor sits in the function itself
 * </pre>
 * The function comes from the object's type, its kind and the kind of the system it is in. It is worked out once per
 * combination, so one instance serves one pass over one revision.
 */
final class FunctionalPlacements {

    private record ObjectClass(ObjectType type, String kind, String systemKind) {
    }

    private final Revision revision;
    private final FunctionRules rules;
    private final Floors floors;
    private final Map<String, String> systemKinds = new HashMap<>();
    private final Map<ObjectClass, String> functions = new HashMap<>();
    private final Map<String, FunctionGroup> functionGroups = new HashMap<>();
    private final Map<FunctionGroup, Map<String, FunctionGroup>> floorGroups = new HashMap<>();

    FunctionalPlacements(Revision revision, FunctionRules rules) {
        this.revision = revision;
        this.rules = rules;
        this.floors = new Floors(revision);
    }

    Floors floors() {
        return floors;
    }

    /** The group the object goes into; {@code null} for the building, which is the root. */
    FunctionGroup groupOf(BuildingObject object) {
        if (object.parentId() == null) {
            return null;
        }
        String systemKind = systemKinds.computeIfAbsent(object.parentId(), id -> {
            BuildingObject parent = revision.get(id);
            return parent.type() == ObjectType.SYSTEM ? parent.kind() : "";
        });
        String function = functions.computeIfAbsent(new ObjectClass(object.type(), object.kind(), systemKind),
                c -> rules.functionOf(c.type(), c.kind(), c.systemKind().isEmpty() ? null : c.systemKind()));
        FunctionGroup group = functionGroups.computeIfAbsent(function,
                f -> new FunctionGroup("/" + f, label(f), "function", null));
        String floor = floors.of(object);
        return floor == null ? group : floorGroups.computeIfAbsent(group, g -> new HashMap<>())
                .computeIfAbsent(floor, f -> new FunctionGroup(group.id() + "/" + f,
                        revision.find(f).map(BuildingObject::name).orElse(f), "floor", group));
    }

    /** {@code hvac-terminals} → "HVAC terminals". */
    private static String label(String function) {
        String words = function.replace('-', ' ').replace("hvac", "HVAC");
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
