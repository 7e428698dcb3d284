package org.arxos.itests;

import org.arxos.model.BuildingObject;
import org.arxos.model.Change.AddObject;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.ChangeSet;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;

/** A small revision (a building with one floor and one room) for calls that need a revision, not its size. */
final class SampleRevision {

    private SampleRevision() {
    }

    static Revision create() throws ChangeRejectedException {
        return Revision.EMPTY.apply(ChangeSet.of("itests", "sample",
                new AddObject(new BuildingObject("b1", ObjectType.BUILDING, "building", null, "Test building",
                        null, null, null)),
                new AddObject(new BuildingObject("b1.f1", ObjectType.FLOOR, "floor", "b1", "Level 1",
                        null, null, null)),
                new AddObject(new BuildingObject("b1.f1.r1", ObjectType.SPACE, "room", "b1.f1", "Room 1",
                        null, null, null))));
    }
}
