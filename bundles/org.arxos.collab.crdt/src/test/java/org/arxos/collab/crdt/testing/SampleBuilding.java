package org.arxos.collab.crdt.testing;

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

/**
 * A small building that many editors fight over: 3 floors with nested zones, spaces and fixtures, and nested systems
 * with equipment joined by connections (about 230 objects), so that concurrent edits hit the same objects often.
 */
public final class SampleBuilding {

    private SampleBuilding() {
    }

    public static Revision create() {
        List<Change> changes = new ArrayList<>();
        changes.add(add("b", ObjectType.BUILDING, "office", null));
        for (int f = 1; f <= 3; f++) {
            String floor = "f" + f;
            changes.add(add(floor, ObjectType.FLOOR, "storey", "b"));
            for (int z = 1; z <= 3; z++) {
                String zone = floor + "z" + z;
                changes.add(add(zone, ObjectType.ZONE, "fire-zone", floor));
                String inner = zone + "i";
                changes.add(add(inner, ObjectType.ZONE, "hvac-zone", zone));
                for (String parent : List.of(zone, inner)) {
                    for (int s = 1; s <= 2; s++) {
                        String space = parent + "s" + s;
                        changes.add(add(space, ObjectType.SPACE, "office", parent));
                        for (int c = 1; c <= 3; c++) {
                            changes.add(add(space + "c" + c, ObjectType.COMPONENT, "light-fixture", space));
                        }
                    }
                }
            }
        }
        for (int s = 1; s <= 4; s++) {
            String system = "sys" + s;
            changes.add(add(system, ObjectType.SYSTEM, "electrical", "b"));
            for (int u = 1; u <= 2; u++) {
                String sub = system + "u" + u;
                changes.add(add(sub, ObjectType.SYSTEM, "electrical", system));
                for (int c = 1; c <= 3; c++) {
                    changes.add(add(sub + "e" + c, ObjectType.COMPONENT, "panel", sub));
                }
                changes.add(new Change.Connect(new Connection(sub + "-feed", sub + "e1", sub + "e2", "power",
                        Properties.EMPTY)));
            }
        }
        try {
            return Revision.EMPTY.apply(new ChangeSet("seed", "sample building", changes));
        } catch (ChangeRejectedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Change add(String id, ObjectType type, String kind, String parent) {
        return new Change.AddObject(new BuildingObject(id, type, kind, parent, null, null, null,
                Properties.of("area", new PropertyValue.Number(10, "m2"))));
    }
}
