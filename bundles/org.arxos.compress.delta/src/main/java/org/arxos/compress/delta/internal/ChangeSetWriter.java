package org.arxos.compress.delta.internal;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.arxos.compress.bim.column.ByteSink;
import org.arxos.compress.bim.column.ColumnSet;
import org.arxos.compress.bim.column.ElevationColumn;
import org.arxos.compress.bim.column.FootprintColumn;
import org.arxos.compress.bim.column.IdColumn;
import org.arxos.compress.bim.column.PropertyColumns;
import org.arxos.compress.bim.column.SizedLongColumn;
import org.arxos.compress.bim.column.StringColumn;
import org.arxos.compress.bim.column.ValueColumn;
import org.arxos.compress.bim.column.Vocabulary;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.Connection;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;

/**
 * Writes a change set as columns, coded against its base: ids the base has (or the set added before) as numbers in
 * the {@link IdTable}s of objects and connections; kinds, property names, texts, units and elevations against the
 * base's {@link Vocabulary}; an added object as a copy of a {@link Templates template} sibling, writing only what
 * differs, and its feed as a copy of the template's; a new parent like the old one by its place among its like; a
 * changed footprint predicted from the old one; a removal with all its connections as one op. Only a change set that
 * applies to the base may be written; {@link ChangeSetReader} reads the columns in the same order.
 */
final class ChangeSetWriter {

    private final Revision base;
    private final IdTable objects;
    private final IdTable connections;
    private final ObjectClasses classes;
    private final Map<String, BuildingObject> templates = new HashMap<>();
    private final ColumnSet.Writer columns = new ColumnSet.Writer();
    private final StringColumn.Writer texts;
    private final ByteSink ops;
    private final RefColumn.Writer targets;
    private final RefColumn.Writer disconnects;
    private final RefColumn.Writer parents;
    private final ByteSink moveFlags;
    private final SizedLongColumn.Writer classPlaces;
    private final ByteSink addFlags;
    private final RefColumn.Writer templateRefs;
    private final IdColumn.Writer objectIds;
    private final ByteSink types;
    private final StringColumn.Writer kinds;
    private final StringColumn.Writer names;
    private final ByteSink geometryFlags;
    private final FootprintColumn.Writer footprints;
    private final ElevationColumn.Writer elevations;
    private final PropertyColumns.Writer objectProperties;
    private final StringColumn.Writer propertyNames;
    private final ValueColumn.Writer values;
    private final IdColumn.Writer connectionIds;
    private final RefColumn.Writer tos;
    private final ByteSink connectFlags;
    private final RefColumn.Writer froms;
    private final StringColumn.Writer connectionKinds;
    private final PropertyColumns.Writer connectionProperties;
    private String previousObjectId = "";
    private String previousConnectionId = "";

    ChangeSetWriter(Revision base, IdTable objects, IdTable connections, Vocabulary vocabulary) {
        this.base = base;
        this.objects = objects;
        this.connections = connections;
        this.classes = new ObjectClasses(base);
        texts = new StringColumn.Writer(columns);
        ops = columns.add();
        targets = new RefColumn.Writer(columns, objects);
        disconnects = new RefColumn.Writer(columns, connections);
        parents = new RefColumn.Writer(columns, objects);
        moveFlags = columns.add();
        classPlaces = new SizedLongColumn.Writer(columns);
        addFlags = columns.add();
        templateRefs = new RefColumn.Writer(columns, objects);
        objectIds = new IdColumn.Writer(columns);
        types = columns.add();
        kinds = new StringColumn.Writer(columns, vocabulary.kinds());
        names = new StringColumn.Writer(columns);
        geometryFlags = columns.add();
        footprints = new FootprintColumn.Writer(columns);
        elevations = new ElevationColumn.Writer(columns, vocabulary);
        objectProperties = new PropertyColumns.Writer(columns, vocabulary);
        propertyNames = new StringColumn.Writer(columns, vocabulary.propertyNames());
        values = new ValueColumn.Writer(columns, vocabulary);
        connectionIds = new IdColumn.Writer(columns);
        tos = new RefColumn.Writer(columns, objects);
        connectFlags = columns.add();
        froms = new RefColumn.Writer(columns, objects);
        connectionKinds = new StringColumn.Writer(columns, vocabulary.kinds());
        connectionProperties = new PropertyColumns.Writer(columns, vocabulary);
    }

    void write(ChangeSet changes, ByteSink out) {
        texts.write(changes.author());
        texts.write(changes.message());
        List<Change> list = changes.changes();
        int[] removalAt = removalsWithConnections(list);
        for (int i = 0; i < list.size(); i++) {
            if (removalAt[i] > 0) {
                ops.write(ChangeOp.REMOVE_WITH_CONNECTIONS.ordinal());
                i = removalAt[i];
                targets.write(list.get(i).targetId());
                continue;
            }
            Change change = list.get(i);
            ChangeOp op = ChangeOp.of(change);
            ops.write(op.ordinal());
            switch (op) {
                case ADD_OBJECT -> add(((Change.AddObject) change).object());
                case REMOVE_OBJECT -> targets.write(change.targetId());
                case DISCONNECT -> disconnects.write(change.targetId());
                case MOVE_OBJECT -> {
                    targets.write(change.targetId());
                    move((Change.MoveObject) change);
                }
                case SET_PROPERTY -> {
                    Change.SetProperty set = (Change.SetProperty) change;
                    targets.write(set.id());
                    propertyNames.write(set.name());
                    values.write(set.name(), set.value());
                }
                case CLEAR_PROPERTY -> {
                    targets.write(change.targetId());
                    propertyNames.write(((Change.ClearProperty) change).name());
                }
                case SET_GEOMETRY -> {
                    targets.write(change.targetId());
                    geometry((Change.SetGeometry) change);
                }
                case RENAME -> {
                    targets.write(change.targetId());
                    names.write(((Change.Rename) change).name());
                }
                case CONNECT -> connect(((Change.Connect) change).connection());
                case REMOVE_WITH_CONNECTIONS -> throw new IllegalStateException("not a change of its own");
            }
        }
        columns.writeTo(out);
    }

    /**
     * Where a run of disconnects is exactly the connections an object has in the base, sorted by id, followed by the
     * object's removal: at the run's first change, the index of the removal; elsewhere 0.
     */
    private int[] removalsWithConnections(List<Change> list) {
        int[] removalAt = new int[list.size()];
        for (int j = 0; j < list.size(); j++) {
            if (list.get(j) instanceof Change.RemoveObject remove) {
                List<String> connections = ConnectionsOf.sorted(base, remove.id());
                int start = j - connections.size();
                if (connections.isEmpty() || start < 0) {
                    continue;
                }
                boolean matches = true;
                for (int k = 0; k < connections.size() && matches; k++) {
                    matches = list.get(start + k) instanceof Change.Disconnect d
                            && d.connectionId().equals(connections.get(k));
                }
                if (matches) {
                    removalAt[start] = j;
                }
            }
        }
        return removalAt;
    }

    private void add(BuildingObject o) {
        if ((o.parentId() == null) != (o.type() == ObjectType.BUILDING)) {
            throw new IllegalArgumentException("only a building has no parent: '" + o.id() + "'");
        }
        BuildingObject template = Templates.siblingLike(base, o);
        int flags = AddFlags.of(o, template);
        addFlags.write(flags);
        objectIds.write(o.id(), previousObjectId);
        if (template != null) {
            templateRefs.write(template.id());
            templates.put(o.id(), template);
        } else {
            types.write(o.type().ordinal());
        }
        if (!AddFlags.has(flags, AddFlags.SAME_KIND)) {
            kinds.write(o.kind());
        }
        if (!AddFlags.has(flags, AddFlags.SAME_PARENT) && o.parentId() != null) {
            parents.write(o.parentId());
        }
        objects.add(o.id());
        if (!AddFlags.has(flags, AddFlags.SAME_NAME)) {
            names.write(o.name());
        }
        if (template != null && template.footprint() != null) {
            footprints.write(o.footprint(), template.footprint().bounds());
        } else {
            footprints.write(o.footprint(), o.kind());
        }
        if (!AddFlags.has(flags, AddFlags.SAME_ELEVATION)) {
            elevations.write(o.elevation());
        }
        if (!AddFlags.has(flags, AddFlags.SAME_PROPERTIES)) {
            objectProperties.write(o.properties());
        }
        previousObjectId = o.id();
    }

    /** A new parent like the old one is its place in the old parent's {@link ObjectClasses class}. */
    private void move(Change.MoveObject move) {
        BuildingObject moved = base.find(move.id()).orElse(null);
        BuildingObject oldParent = moved == null || moved.parentId() == null ? null : base.get(moved.parentId());
        BuildingObject newParent = base.find(move.newParentId()).orElse(null);
        if (oldParent != null && newParent != null && newParent.type() == oldParent.type()
                && newParent.kind().equals(oldParent.kind())) {
            moveFlags.write(1);
            classPlaces.write(Collections.binarySearch(classes.of(oldParent), newParent.id()));
        } else {
            moveFlags.write(0);
            parents.write(move.newParentId());
        }
    }

    /**
     * A footprint or elevation the object keeps from the base is a flag; a changed footprint is predicted from the
     * one the object had in the base, where it had one.
     */
    private void geometry(Change.SetGeometry set) {
        BuildingObject old = base.find(set.id()).orElse(null);
        int flags = GeometryFlags.of(old, set.footprint(), set.elevation());
        geometryFlags.write(flags);
        if ((flags & GeometryFlags.SAME_FOOTPRINT) == 0) {
            if (old != null && old.footprint() != null) {
                footprints.write(set.footprint(), old.footprint().bounds());
            } else {
                footprints.write(set.footprint());
            }
        }
        if ((flags & GeometryFlags.SAME_ELEVATION) == 0) {
            elevations.write(set.elevation());
        }
    }

    /** A connection into an added object that copies its template's feed (same source, same kind) is a flag. */
    private void connect(Connection c) {
        connectionIds.write(c.id(), previousConnectionId);
        tos.write(c.toId());
        Connection feed = templateFeed(c.toId());
        boolean likeFeed = feed != null && feed.fromId().equals(c.fromId()) && feed.kind().equals(c.kind());
        connectFlags.write(likeFeed ? 1 : 0);
        if (!likeFeed) {
            froms.write(c.fromId());
            connectionKinds.write(c.kind());
        }
        connectionProperties.write(c.properties());
        connections.add(c.id());
        previousConnectionId = c.id();
    }

    private Connection templateFeed(String objectId) {
        BuildingObject template = templates.get(objectId);
        return template == null ? null : Templates.feedOf(base, template.id());
    }
}
