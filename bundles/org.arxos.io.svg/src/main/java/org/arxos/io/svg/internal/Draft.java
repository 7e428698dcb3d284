package org.arxos.io.svg.internal;

import java.util.TreeMap;

import org.arxos.model.BuildingObject;
import org.arxos.model.ObjectType;
import org.arxos.model.Properties;
import org.arxos.model.PropertyValue;
import org.arxos.model.geometry.Bounds;
import org.arxos.model.geometry.Footprint;
import org.arxos.model.geometry.Polygon;

/** An object being mapped: mutable until the whole file is read, because labels can turn a component into a space. */
final class Draft {
    final String id;
    ObjectType type;
    String kind;
    Draft parent;
    String name;
    Footprint footprint;
    final TreeMap<String, PropertyValue> properties = new TreeMap<>();
    /** The element it came from, for the report; {@code null} for objects the mapper made (building, floors). */
    final String element;
    /** The floor it lies on, {@code null} for the building and systems directly under it. */
    Draft floor;
    /** For closed shapes: area in square metres, for picking the smallest shape around a label. */
    double area;

    Draft(String id, ObjectType type, String kind, Draft parent, String element) {
        this.id = id;
        this.type = type;
        this.kind = kind;
        this.parent = parent;
        this.element = element;
    }

    boolean closed() {
        return footprint instanceof Polygon;
    }

    Bounds bounds() {
        return footprint == null ? null : footprint.bounds();
    }

    BuildingObject toObject() {
        return new BuildingObject(id, type, kind, parent == null ? null : parent.id, name, footprint, null,
                properties.isEmpty() ? Properties.EMPTY : Properties.of(properties));
    }
}
