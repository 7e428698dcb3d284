package org.arxos.model;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What an object is in the building tree. The allowed parent types are the containment rules every revision obeys.
 */
public enum ObjectType {
    BUILDING,
    FLOOR,
    ZONE,
    SPACE,
    SYSTEM,
    COMPONENT;

    /** {@link #allowedParents()} as a table: checked for every object a load adds. */
    private static final boolean[][] ALLOWED_PARENTS = new boolean[values().length][values().length];

    static {
        for (ObjectType child : values()) {
            for (ObjectType parent : child.allowedParents()) {
                ALLOWED_PARENTS[child.ordinal()][parent.ordinal()] = true;
            }
        }
    }

    private final String id = name().toLowerCase(Locale.ROOT);

    /** The types an object of this type may be a child of; empty for {@link #BUILDING}, the root. */
    public Set<ObjectType> allowedParents() {
        return switch (this) {
            case BUILDING -> EnumSet.noneOf(ObjectType.class);
            case FLOOR -> EnumSet.of(BUILDING);
            case ZONE -> EnumSet.of(FLOOR, ZONE);
            case SPACE -> EnumSet.of(FLOOR, ZONE);
            case SYSTEM -> EnumSet.of(BUILDING, ZONE, SYSTEM);
            case COMPONENT -> EnumSet.of(FLOOR, ZONE, SPACE, SYSTEM);
        };
    }

    public boolean canBeChildOf(ObjectType parent) {
        return parent != null && ALLOWED_PARENTS[ordinal()][parent.ordinal()];
    }

    /** The lower-case name used in files and URLs, e.g. {@code "floor"}. */
    public String id() {
        return id;
    }

    public static ObjectType of(String id) {
        try {
            return valueOf(id.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown object type '" + id + "'");
        }
    }
}
