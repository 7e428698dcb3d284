package org.arxos.collab.rules.internal;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

import org.arxos.api.collab.Conflict;
import org.arxos.api.collab.FieldWrite;
import org.arxos.api.collab.Operation;
import org.arxos.api.security.Role;
import org.arxos.collab.lww.ChangeGuard;
import org.arxos.collab.lww.ConcurrentWrite;
import org.arxos.collab.lww.FieldPolicy;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;
import org.arxos.model.Rule;
import org.arxos.model.Violation;

/**
 * The configured rules of one deployment: the role that structural changes of each object type and writes of each
 * field need, and the value policy of each field and object type (the field first, then the type, then the default).
 */
final class RuleSet implements FieldPolicy, ChangeGuard {

    /** The key of {@code structuralRoles} that covers every object type without its own entry. */
    static final String ANY_TYPE = "*";

    private final Map<ObjectType, Role> structuralRoles = new EnumMap<>(ObjectType.class);
    private Role anyTypeRole;
    private final Map<String, Role> propertyRoles;
    private final Map<String, ValuePolicy> propertyPolicies;
    private final Map<ObjectType, ValuePolicy> typePolicies = new EnumMap<>(ObjectType.class);
    private final ValuePolicy defaultPolicy;

    /** @throws IllegalArgumentException naming the setting and the entry that is not understood */
    RuleSet(RulesConflictResolver.Config config) {
        parse("structuralRoles", config.structuralRoles(), RuleSet::role).forEach((type, role) -> {
            if (type.equals(ANY_TYPE)) {
                anyTypeRole = role;
            } else {
                structuralRoles.put(type(type, "structuralRoles"), role);
            }
        });
        propertyRoles = parse("propertyRoles", config.propertyRoles(), RuleSet::role);
        propertyPolicies = parse("propertyPolicies", config.propertyPolicies(), ValuePolicy::named);
        parse("typePolicies", config.typePolicies(), ValuePolicy::named)
                .forEach((type, policy) -> typePolicies.put(type(type, "typePolicies"), policy));
        defaultPolicy = ValuePolicy.named(config.defaultPolicy(), "defaultPolicy '" + config.defaultPolicy() + "'");
    }

    @Override
    public Conflict.Outcome decide(ConcurrentWrite write) {
        ValuePolicy byProperty = propertyPolicies.get(write.incoming().field());
        ValuePolicy policy = byProperty != null ? byProperty
                : typePolicies.getOrDefault(write.target().type(), defaultPolicy);
        return policy.decide(write);
    }

    @Override
    public Violation refuse(int index, Change change, Operation operation, Role role, Revision head) {
        String author = operation.changes().author();
        if (!role.includes(Role.EDITOR)) {
            return new Violation(index, change.targetId(), Rule.INVALID_VALUE, author + " has the " + role
                    + " role, and changing the building needs " + Role.EDITOR);
        }
        ObjectType type = structuralType(change, head);
        if (type != null) {
            Role required = structuralRoles.getOrDefault(type, anyTypeRole);
            String entry = structuralRoles.containsKey(type) ? type.name() : ANY_TYPE;
            if (required != null && !role.includes(required)) {
                return new Violation(index, change.targetId(), Rule.INVALID_VALUE, verb(change) + " " + type
                        + " '" + change.targetId() + "' needs the " + required + " role (rule structuralRoles " + entry
                        + "=" + required + "), and " + author + " has " + role);
            }
        }
        FieldWrite write = FieldWrite.of(change);
        Role required = write == null ? null : propertyRoles.get(write.field());
        if (required != null && !role.includes(required)) {
            return new Violation(index, change.targetId(), Rule.INVALID_VALUE, "writing " + write.field() + " of '"
                    + write.targetId() + "' needs the " + required + " role (rule propertyRoles " + write.field() + "="
                    + required + "), and " + author + " has " + role);
        }
        return null;
    }

    /** The type of the object a change adds, removes or moves, or {@code null} for other changes and unknown objects. */
    private static ObjectType structuralType(Change change, Revision head) {
        if (change instanceof Change.AddObject a) {
            return a.object().type();
        } else if (change instanceof Change.RemoveObject || change instanceof Change.MoveObject) {
            return head.find(change.targetId()).map(BuildingObject::type).orElse(null);
        }
        return null;
    }

    private static String verb(Change change) {
        return change instanceof Change.AddObject ? "adding" : change instanceof Change.RemoveObject ? "removing" : "moving";
    }

    /** Parses {@code name=value} entries; {@code value} gets the value and the entry, for its messages. */
    private static <V> Map<String, V> parse(String setting, String[] entries, BiFunction<String, String, V> value) {
        Map<String, V> parsed = new HashMap<>();
        for (String entry : entries == null ? new String[0] : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException(setting + " entry '" + entry + "' must be name=value");
            }
            String k = entry.substring(0, eq).trim();
            if (parsed.put(k, value.apply(entry.substring(eq + 1).trim(), setting + " entry '" + entry + "'")) != null) {
                throw new IllegalArgumentException(setting + " names '" + k + "' twice");
            }
        }
        return parsed;
    }

    private static Role role(String name, String entry) {
        try {
            return Role.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(entry + " names the unknown role '" + name + "'; use VIEWER, EDITOR or OWNER");
        }
    }

    private static ObjectType type(String name, String setting) {
        try {
            return ObjectType.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + " names the unknown object type '" + name + "'; use one of "
                    + Arrays.toString(ObjectType.values()) + (setting.equals("structuralRoles") ? " or *" : ""));
        }
    }
}
