package org.arxos.model;

import org.arxos.model.geometry.ElevationRange;
import org.arxos.model.geometry.Footprint;

/**
 * One node of the building tree.
 *
 * @param id         stable id, unique within the building: letters, digits and {@code . _ : -}, at most 128 characters
 * @param type       what the object is; decides which parents it may have
 * @param kind       a finer, lower-case classification: a system's discipline id ({@code "electrical"}), a space's use
 *                   ({@code "corridor"}), a component's class ({@code "light-fixture"}, {@code "ifcwall"})
 * @param parentId   the containing object's id; {@code null} only for the building itself
 * @param name       a human-readable name, or {@code null}
 * @param footprint  the shape on its floor, or {@code null} where the object has none (a building, a system)
 * @param elevation  the vertical extent, or {@code null} where unknown
 * @param properties typed properties, never {@code null}
 */
public record BuildingObject(String id, ObjectType type, String kind, String parentId, String name,
        Footprint footprint, ElevationRange elevation, Properties properties) {

    public BuildingObject {
        requireId(id, "id");
        if (type == null) {
            throw new IllegalArgumentException("object '" + id + "' has no type");
        }
        if (kind == null || kind.isEmpty()) {
            throw new IllegalArgumentException("object '" + id + "' has no kind");
        }
        // the message is built only on failure: a million-object load creates a million objects
        if (parentId != null && !isValidId(parentId)) {
            requireId(parentId, "parent of '" + id + "'");
        }
        if (properties == null) {
            properties = Properties.EMPTY;
        }
    }

    static void requireId(String id, String what) {
        if (!isValidId(id)) {
            throw new IllegalArgumentException(what + " must be 1 to 128 letters, digits or . _ : - but was '" + id + "'");
        }
    }

    /** Whether the string is a valid object or connection id: 1 to 128 letters, digits or {@code . _ : -}. */
    public static boolean isValidId(String id) {
        // A loop rather than a regular expression: ids are checked for every object a million-object load creates.
        if (id == null || id.isEmpty() || id.length() > 128) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c >= ID_CHARS.length || !ID_CHARS[c]) {
                return false;
            }
        }
        return true;
    }

    private static final boolean[] ID_CHARS = new boolean[128];

    static {
        for (char c : "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:-".toCharArray()) {
            ID_CHARS[c] = true;
        }
    }

    public BuildingObject withParent(String newParentId) {
        return new BuildingObject(id, type, kind, newParentId, name, footprint, elevation, properties);
    }

    public BuildingObject withName(String newName) {
        return new BuildingObject(id, type, kind, parentId, newName, footprint, elevation, properties);
    }

    public BuildingObject withGeometry(Footprint newFootprint, ElevationRange newElevation) {
        return new BuildingObject(id, type, kind, parentId, name, newFootprint, newElevation, properties);
    }

    public BuildingObject withProperties(Properties newProperties) {
        return new BuildingObject(id, type, kind, parentId, name, footprint, elevation, newProperties);
    }
}
