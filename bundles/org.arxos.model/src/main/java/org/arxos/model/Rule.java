package org.arxos.model;

/** The model rules a change set is checked against. */
public enum Rule {
    /** Ids are unique among objects, and among connections. */
    UNIQUE_ID,
    /** The object or connection a change names must exist. */
    UNKNOWN_ID,
    /** The parent an object is added or moved to must exist. */
    UNKNOWN_PARENT,
    /** An object's type must be allowed under its parent's type ({@link ObjectType#allowedParents()}). */
    PARENT_TYPE,
    /** An object cannot become its own ancestor. */
    CYCLE,
    /** A building has exactly one root, of type building, and it cannot be moved. */
    SINGLE_ROOT,
    /** An object with children cannot be removed; remove or move them first. */
    HAS_CHILDREN,
    /** Connections join two existing objects; an object with connections cannot be removed. */
    DANGLING_CONNECTION,
    /** A value in the change is not acceptable (bad id, empty name, ...). */
    INVALID_VALUE
}
