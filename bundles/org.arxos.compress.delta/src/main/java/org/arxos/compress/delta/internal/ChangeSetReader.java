package org.arxos.compress.delta.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.arxos.compress.bim.column.ByteSource;
import org.arxos.compress.bim.column.ColumnSet;
import org.arxos.compress.bim.column.ElevationColumn;
import org.arxos.compress.bim.column.FootprintColumn;
import org.arxos.compress.bim.column.IdColumn;
import org.arxos.compress.bim.column.MalformedDataException;
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
import org.arxos.model.Properties;
import org.arxos.model.Revision;
import org.arxos.model.geometry.ElevationRange;
import org.arxos.model.geometry.Footprint;

/** Reads what {@link ChangeSetWriter} wrote, against the same base. */
final class ChangeSetReader {

    private static final ObjectType[] TYPES = ObjectType.values();

    private final Revision base;
    private final IdTable objects;
    private final IdTable connections;
    private final ObjectClasses classes;
    private final Map<String, BuildingObject> templates = new HashMap<>();
    private final ColumnSet.Reader columns;
    private final StringColumn.Reader texts;
    private final ByteSource ops;
    private final RefColumn.Reader targets;
    private final RefColumn.Reader disconnects;
    private final RefColumn.Reader parents;
    private final ByteSource moveFlags;
    private final SizedLongColumn.Reader classPlaces;
    private final ByteSource addFlags;
    private final RefColumn.Reader templateRefs;
    private final IdColumn.Reader objectIds;
    private final ByteSource types;
    private final StringColumn.Reader kinds;
    private final StringColumn.Reader names;
    private final ByteSource geometryFlags;
    private final FootprintColumn.Reader footprints;
    private final ElevationColumn.Reader elevations;
    private final PropertyColumns.Reader objectProperties;
    private final StringColumn.Reader propertyNames;
    private final ValueColumn.Reader values;
    private final IdColumn.Reader connectionIds;
    private final RefColumn.Reader tos;
    private final ByteSource connectFlags;
    private final RefColumn.Reader froms;
    private final StringColumn.Reader connectionKinds;
    private final PropertyColumns.Reader connectionProperties;
    private String previousObjectId = "";
    private String previousConnectionId = "";

    ChangeSetReader(ByteSource payload, Revision base, IdTable objects, IdTable connections, Vocabulary vocabulary) {
        this.base = base;
        this.objects = objects;
        this.connections = connections;
        this.classes = new ObjectClasses(base);
        columns = new ColumnSet.Reader(payload);
        texts = new StringColumn.Reader(columns, "author and message");
        ops = columns.next("ops");
        targets = new RefColumn.Reader(columns, "target", objects);
        disconnects = new RefColumn.Reader(columns, "disconnected", connections);
        parents = new RefColumn.Reader(columns, "parent", objects);
        moveFlags = columns.next("move flags");
        classPlaces = new SizedLongColumn.Reader(columns, "class place");
        addFlags = columns.next("add flags");
        templateRefs = new RefColumn.Reader(columns, "template", objects);
        objectIds = new IdColumn.Reader(columns, "object id");
        types = columns.next("type");
        kinds = new StringColumn.Reader(columns, "kind", vocabulary.kinds());
        names = new StringColumn.Reader(columns, "name");
        geometryFlags = columns.next("geometry flags");
        footprints = new FootprintColumn.Reader(columns, "footprint");
        elevations = new ElevationColumn.Reader(columns, "elevation", vocabulary);
        objectProperties = new PropertyColumns.Reader(columns, "object property", vocabulary);
        propertyNames = new StringColumn.Reader(columns, "property name", vocabulary.propertyNames());
        values = new ValueColumn.Reader(columns, "property value", vocabulary);
        connectionIds = new IdColumn.Reader(columns, "connection id");
        tos = new RefColumn.Reader(columns, "connection to", objects);
        connectFlags = columns.next("connect flags");
        froms = new RefColumn.Reader(columns, "connection from", objects);
        connectionKinds = new StringColumn.Reader(columns, "connection kind", vocabulary.kinds());
        connectionProperties = new PropertyColumns.Reader(columns, "connection property", vocabulary);
    }

    /**
     * The changes, of which the ops column holds at most {@code maxOps}; fails with a {@link MalformedDataException}
     * when the columns do not hold what the ops promise.
     */
    ChangeSet read(long maxOps) {
        int count = ops.remaining();
        if (count > maxOps) {
            throw new MalformedDataException("the delta holds " + count + " changes, more than the limit of " + maxOps);
        }
        String author = texts.readNonNull();
        String message = texts.readNonNull();
        ChangeOp[] opList = new ChangeOp[count];
        int adds = 0;
        int connects = 0;
        for (int i = 0; i < count; i++) {
            opList[i] = ChangeOp.ofCode(ops.read());
            adds += opList[i] == ChangeOp.ADD_OBJECT ? 1 : 0;
            connects += opList[i] == ChangeOp.CONNECT ? 1 : 0;
        }
        int[] flags = new int[adds];
        int withProperties = 0;
        for (int i = 0; i < adds; i++) {
            flags[i] = addFlags.read();
            if (flags[i] > AddFlags.ALL || (flags[i] != 0 && !AddFlags.has(flags[i], AddFlags.TEMPLATE))) {
                throw new MalformedDataException("the add flags column has " + flags[i]);
            }
            withProperties += AddFlags.has(flags[i], AddFlags.SAME_PROPERTIES) ? 0 : 1;
        }
        Properties[] objectProps = objectProperties.read(withProperties);
        Properties[] connectionProps = connectionProperties.read(connects);
        List<Change> changes = new ArrayList<>(count);
        adds = 0;
        withProperties = 0;
        connects = 0;
        for (ChangeOp op : opList) {
            switch (op) {
                case ADD_OBJECT -> {
                    int f = flags[adds++];
                    changes.add(new Change.AddObject(add(f, AddFlags.has(f, AddFlags.SAME_PROPERTIES) ? null
                            : objectProps[withProperties++])));
                }
                case REMOVE_OBJECT -> changes.add(new Change.RemoveObject(targets.read()));
                case MOVE_OBJECT -> {
                    String id = targets.read();
                    changes.add(new Change.MoveObject(id, newParent(id)));
                }
                case SET_PROPERTY -> {
                    String id = targets.read();
                    String name = propertyNames.readNonNull();
                    changes.add(new Change.SetProperty(id, name, values.read(name)));
                }
                case CLEAR_PROPERTY -> {
                    String id = targets.read();
                    changes.add(new Change.ClearProperty(id, propertyNames.readNonNull()));
                }
                case SET_GEOMETRY -> changes.add(geometry(targets.read()));
                case RENAME -> changes.add(new Change.Rename(targets.read(), names.read()));
                case CONNECT -> changes.add(new Change.Connect(connect(connectionProps[connects++])));
                case DISCONNECT -> changes.add(new Change.Disconnect(disconnects.read()));
                case REMOVE_WITH_CONNECTIONS -> {
                    String id = targets.read();
                    for (String connection : ConnectionsOf.sorted(base, id)) {
                        changes.add(new Change.Disconnect(connection));
                    }
                    changes.add(new Change.RemoveObject(id));
                }
            }
        }
        columns.expectEnd();
        return new ChangeSet(author, message, changes);
    }

    /** @param properties the object's properties, or {@code null} when they are its template's */
    private BuildingObject add(int flags, Properties properties) {
        String id = objectIds.read(previousObjectId);
        BuildingObject template = null;
        ObjectType type;
        if (AddFlags.has(flags, AddFlags.TEMPLATE)) {
            template = base.find(templateRefs.read()).orElseThrow(
                    () -> new MalformedDataException("the template of '" + id + "' is not in the base"));
            templates.put(id, template);
            type = template.type();
        } else {
            int code = types.read();
            if (code >= TYPES.length) {
                throw new MalformedDataException("the type column has an unknown type " + code);
            }
            type = TYPES[code];
        }
        String kind = AddFlags.has(flags, AddFlags.SAME_KIND) ? template.kind() : kinds.readNonNull();
        String parent = AddFlags.has(flags, AddFlags.SAME_PARENT) ? template.parentId()
                : type == ObjectType.BUILDING ? null : parents.read();
        objects.add(id);
        String name = AddFlags.has(flags, AddFlags.SAME_NAME) ? template.name() : names.read();
        Footprint footprint = template != null && template.footprint() != null
                ? footprints.read(template.footprint().bounds()) : footprints.read(kind);
        ElevationRange elevation = AddFlags.has(flags, AddFlags.SAME_ELEVATION) ? template.elevation()
                : elevations.read();
        previousObjectId = id;
        return new BuildingObject(id, type, kind, parent, name, footprint, elevation,
                properties != null ? properties : template.properties());
    }

    private String newParent(String id) {
        int flag = moveFlags.read();
        if (flag == 0) {
            return parents.read();
        }
        BuildingObject moved = base.find(id).orElse(null);
        if (flag != 1 || moved == null || moved.parentId() == null) {
            throw new MalformedDataException("the move flags column has " + flag + " for '" + id + "'");
        }
        List<String> like = classes.of(base.get(moved.parentId()));
        long place = classPlaces.read();
        if (place >= like.size()) {
            throw new MalformedDataException("'" + id + "' moves to place " + place + " of " + like.size());
        }
        return like.get((int) place);
    }

    private Change.SetGeometry geometry(String id) {
        BuildingObject old = base.find(id).orElse(null);
        int flags = geometryFlags.read();
        if (flags > (GeometryFlags.SAME_FOOTPRINT | GeometryFlags.SAME_ELEVATION) || (old == null && flags != 0)) {
            throw new MalformedDataException("the geometry flags column has " + flags + " for '" + id + "'");
        }
        Footprint footprint;
        if ((flags & GeometryFlags.SAME_FOOTPRINT) != 0) {
            footprint = old.footprint();
        } else if (old != null && old.footprint() != null) {
            footprint = footprints.read(old.footprint().bounds());
        } else {
            footprint = footprints.read();
        }
        ElevationRange elevation = (flags & GeometryFlags.SAME_ELEVATION) != 0 ? old.elevation() : elevations.read();
        return new Change.SetGeometry(id, footprint, elevation);
    }

    private Connection connect(Properties properties) {
        String id = connectionIds.read(previousConnectionId);
        String to = tos.read();
        int flag = connectFlags.read();
        Connection c;
        if (flag == 1) {
            BuildingObject template = templates.get(to);
            Connection feed = template == null ? null : Templates.feedOf(base, template.id());
            if (feed == null) {
                throw new MalformedDataException("connection '" + id + "' copies the feed of a template '" + to
                        + "' does not have");
            }
            c = new Connection(id, feed.fromId(), to, feed.kind(), properties);
        } else if (flag == 0) {
            c = new Connection(id, froms.read(), to, connectionKinds.readNonNull(), properties);
        } else {
            throw new MalformedDataException("the connect flags column has " + flag);
        }
        connections.add(id);
        previousConnectionId = id;
        return c;
    }
}
