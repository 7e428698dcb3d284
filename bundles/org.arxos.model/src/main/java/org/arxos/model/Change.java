package org.arxos.model;

import org.arxos.model.geometry.ElevationRange;
import org.arxos.model.geometry.Footprint;

/** One small operation of a {@link ChangeSet}. */
public sealed interface Change permits Change.AddObject, Change.RemoveObject, Change.MoveObject, Change.SetProperty,
        Change.ClearProperty, Change.SetGeometry, Change.Rename, Change.Connect, Change.Disconnect {

    /** The id of the object or connection this change is about. */
    String targetId();

    /** Adds a new object under its {@link BuildingObject#parentId() parent}. */
    record AddObject(BuildingObject object) implements Change {
        @Override
        public String targetId() {
            return object.id();
        }
    }

    /** Removes an object that has no children and no connections left. */
    record RemoveObject(String id) implements Change {
        @Override
        public String targetId() {
            return id;
        }
    }

    /** Moves an object, with its subtree, to another parent. */
    record MoveObject(String id, String newParentId) implements Change {
        @Override
        public String targetId() {
            return id;
        }
    }

    record SetProperty(String id, String name, PropertyValue value) implements Change {
        @Override
        public String targetId() {
            return id;
        }
    }

    record ClearProperty(String id, String name) implements Change {
        @Override
        public String targetId() {
            return id;
        }
    }

    /** Replaces an object's footprint and elevation; either may be {@code null} to clear it. */
    record SetGeometry(String id, Footprint footprint, ElevationRange elevation) implements Change {
        @Override
        public String targetId() {
            return id;
        }
    }

    /** Sets an object's name; {@code null} clears it. */
    record Rename(String id, String name) implements Change {
        @Override
        public String targetId() {
            return id;
        }
    }

    record Connect(Connection connection) implements Change {
        @Override
        public String targetId() {
            return connection.id();
        }
    }

    record Disconnect(String connectionId) implements Change {
        @Override
        public String targetId() {
            return connectionId;
        }
    }
}
