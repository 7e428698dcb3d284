package org.arxos.api.collab;

import java.util.Map;

import org.arxos.model.Change;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;

/**
 * Which policy ({@code arxos.impl} of a {@link ConflictResolver}) resolves which changes of one building: a property
 * by its name first, then any change by the type of the object it is about, then the building's default.
 *
 * @param buildingDefault the policy for everything not named below, e.g. {@code "crdt"}
 * @param byProperty      property name to policy, e.g. {@code "fire-rating" -> "rules"}
 * @param byType          object type to policy, e.g. {@code SYSTEM -> "merge"}
 */
public record ResolverSelection(String buildingDefault, Map<String, String> byProperty, Map<ObjectType, String> byType) {

    public ResolverSelection {
        if (buildingDefault == null || buildingDefault.isBlank()) {
            throw new IllegalArgumentException("a resolver selection needs a default policy");
        }
        byProperty = Map.copyOf(byProperty);
        byType = Map.copyOf(byType);
    }

    public static ResolverSelection of(String buildingDefault) {
        return new ResolverSelection(buildingDefault, Map.of(), Map.of());
    }

    /** The policy for one change, looking the object's type up in {@code head}. */
    public String policyFor(Change change, Revision head) {
        String property = change instanceof Change.SetProperty p ? p.name()
                : change instanceof Change.ClearProperty p ? p.name() : null;
        if (property != null && byProperty.containsKey(property)) {
            return byProperty.get(property);
        }
        ObjectType type = change instanceof Change.AddObject a ? a.object().type()
                : head.find(change.targetId()).map(o -> o.type()).orElse(null);
        return type != null && byType.containsKey(type) ? byType.get(type) : buildingDefault;
    }
}
