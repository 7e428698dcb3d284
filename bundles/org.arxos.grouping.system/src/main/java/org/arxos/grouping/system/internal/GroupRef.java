package org.arxos.grouping.system.internal;

/** A group a placement names: one that stands for an object (the root is the building's), or a pure group. */
sealed interface GroupRef permits GroupRef.OfObject, GroupRef.Pure {

    String id();

    /** The group standing for the object with this id; it exists once that object is placed. */
    record OfObject(String id) implements GroupRef {
    }

    /** A group that stands for no object, made when the first object goes into it and removed when it is empty. */
    record Pure(String id, String label, String kind, GroupRef parent) implements GroupRef {
    }
}
