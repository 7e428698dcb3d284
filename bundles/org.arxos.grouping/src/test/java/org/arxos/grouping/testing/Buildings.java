package org.arxos.grouping.testing;

import java.util.ArrayList;
import java.util.List;

import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.ChangeSet;
import org.arxos.model.Connection;
import org.arxos.model.ObjectType;
import org.arxos.model.Properties;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;

/** Small hand-made buildings: objects and connections in the order they are written. */
public final class Buildings {

    private final List<Change> changes = new ArrayList<>();

    public static Buildings building(String id) {
        Buildings b = new Buildings();
        b.changes.add(new Change.AddObject(new BuildingObject(id, ObjectType.BUILDING, "building", null, "Test", null,
                null, Properties.EMPTY)));
        return b;
    }

    public Buildings add(String id, ObjectType type, String kind, String parent) {
        return add(id, type, kind, parent, Properties.EMPTY);
    }

    public Buildings add(String id, ObjectType type, String kind, String parent, Properties properties) {
        // a spot that depends on the id only, so that bounds say something and the content not on the order
        float x = Math.floorMod(id.hashCode(), 97);
        Bounds spot = type == ObjectType.SYSTEM ? null : new Bounds(x, 0, x + 1, 1);
        changes.add(new Change.AddObject(new BuildingObject(id, type, kind, parent,
                type == ObjectType.FLOOR ? "Level " + id : null, spot, null, properties)));
        return this;
    }

    public Buildings connect(String id, String from, String to, String kind) {
        changes.add(new Change.Connect(new Connection(id, from, to, kind, Properties.EMPTY)));
        return this;
    }

    public Revision revision() {
        try {
            return Revision.EMPTY.apply(new ChangeSet("test", "", changes));
        } catch (ChangeRejectedException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
