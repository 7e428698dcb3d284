package org.arxos.api.collab;

import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.PropertyValue;

/**
 * The one field of an object a change writes, as conflicts name it: {@code "parent"} (a move), {@code "name"},
 * {@code "geometry"} or a property name, with the written value as text ({@code null} for a cleared value).
 *
 * @param targetId the object written
 * @param field    the field
 * @param value    the value written, as text
 */
public record FieldWrite(String targetId, String field, String value) {

    public static final String PARENT = "parent";
    public static final String NAME = "name";
    public static final String GEOMETRY = "geometry";

    /** The field the change writes, or {@code null} for a change that writes no single field (add, remove, connect). */
    public static FieldWrite of(Change c) {
        if (c instanceof Change.MoveObject m) {
            return new FieldWrite(m.id(), PARENT, m.newParentId());
        } else if (c instanceof Change.SetProperty p) {
            return new FieldWrite(p.id(), p.name(), text(p.value()));
        } else if (c instanceof Change.ClearProperty p) {
            return new FieldWrite(p.id(), p.name(), null);
        } else if (c instanceof Change.Rename r) {
            return new FieldWrite(r.id(), NAME, r.name());
        } else if (c instanceof Change.SetGeometry g) {
            return new FieldWrite(g.id(), GEOMETRY, g.footprint() + " " + g.elevation());
        }
        return null;
    }

    /** The field's value on an object as text, as {@link #of(Change)} gives it; {@code null} for no object or value. */
    public static String current(BuildingObject o, String field) {
        if (o == null) {
            return null;
        }
        return switch (field) {
            case PARENT -> o.parentId();
            case NAME -> o.name();
            case GEOMETRY -> o.footprint() + " " + o.elevation();
            default -> o.properties().get(field).map(FieldWrite::text).orElse(null);
        };
    }

    /** A property value as text: the text, the number with its unit, {@code true} or {@code false}. */
    public static String text(PropertyValue v) {
        if (v instanceof PropertyValue.Text t) {
            return t.value();
        } else if (v instanceof PropertyValue.Number n) {
            return n.unit() == null ? Double.toString(n.value()) : n.value() + " " + n.unit();
        } else if (v instanceof PropertyValue.Flag f) {
            return Boolean.toString(f.value());
        }
        return null;
    }
}
