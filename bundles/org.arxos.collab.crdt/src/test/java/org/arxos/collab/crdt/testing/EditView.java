package org.arxos.collab.crdt.testing;

import java.util.Random;

import org.arxos.model.BuildingObject;

/** What an editor sees of its replica when it picks something to edit. */
public interface EditView {

    /** The live object, or {@code null}. */
    BuildingObject find(String id);

    /** A live object's id at random, or {@code null} when there is none. */
    String randomObject(Random random);

    /** A connection's id at random, or {@code null} when there is none. */
    String randomConnection(Random random);

    int childCount(String id);

    int connectionCount(String id);

    int objectCount();
}
