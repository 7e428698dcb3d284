package org.arxos.calculations.internal;

import java.util.ArrayList;
import java.util.List;

import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.ChangeSet;
import org.arxos.model.Connection;
import org.arxos.model.ObjectType;
import org.arxos.model.Properties;
import org.arxos.model.PropertyValue;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;
import org.arxos.model.geometry.ElevationRange;
import org.arxos.model.geometry.Footprint;

/** Small hand-made buildings with explicit geometry, in the order they are written. */
final class Model {

    private final List<Change> changes = new ArrayList<>();

    static Model building() {
        Model m = new Model();
        m.add(new BuildingObject("b", ObjectType.BUILDING, "building", null, "Test", null, null, Properties.EMPTY));
        return m;
    }

    Model floor(String id, float bottom, float top) {
        return add(new BuildingObject(id, ObjectType.FLOOR, "floor", "b", null, null, new ElevationRange(bottom, top),
                Properties.EMPTY));
    }

    Model zone(String id, String floor) {
        return add(new BuildingObject(id, ObjectType.ZONE, "zone", floor, null, null, null, Properties.EMPTY));
    }

    Model system(String id, String parent, String discipline) {
        return add(new BuildingObject(id, ObjectType.SYSTEM, discipline, parent, null, null, null, Properties.EMPTY));
    }

    Model space(String id, String parent, String kind, Footprint footprint, float bottom, float top) {
        return add(new BuildingObject(id, ObjectType.SPACE, kind, parent, null, footprint,
                new ElevationRange(bottom, top), Properties.EMPTY));
    }

    Model space(String id, String parent, String kind, float minX, float minY, float maxX, float maxY) {
        return space(id, parent, kind, new Bounds(minX, minY, maxX, maxY), 0, 3);
    }

    Model component(String id, String parent, String kind, Footprint footprint, float bottom, float top) {
        return component(id, parent, kind, footprint, bottom, top, Properties.EMPTY);
    }

    Model component(String id, String parent, String kind, Footprint footprint, float bottom, float top,
            Properties properties) {
        return add(new BuildingObject(id, ObjectType.COMPONENT, kind, parent, null, footprint,
                new ElevationRange(bottom, top), properties));
    }

    /** A component without geometry carrying one number property. */
    Model load(String id, String parent, String kind, String property, double value, String unit) {
        return add(new BuildingObject(id, ObjectType.COMPONENT, kind, parent, null, null, null,
                Properties.of(property, PropertyValue.of(value, unit))));
    }

    Model connect(String id, String from, String to, String kind) {
        changes.add(new Change.Connect(new Connection(id, from, to, kind, Properties.EMPTY)));
        return this;
    }

    Model add(BuildingObject o) {
        changes.add(new Change.AddObject(o));
        return this;
    }

    Revision revision() {
        try {
            return Revision.EMPTY.apply(new ChangeSet("test", "", changes));
        } catch (ChangeRejectedException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static Bounds box(float minX, float minY, float maxX, float maxY) {
        return new Bounds(minX, minY, maxX, maxY);
    }
}
