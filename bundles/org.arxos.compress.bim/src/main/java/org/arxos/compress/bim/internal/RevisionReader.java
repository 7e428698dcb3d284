package org.arxos.compress.bim.internal;

import java.util.Arrays;

import org.arxos.compress.bim.column.ByteSource;
import org.arxos.compress.bim.column.ColumnSet;
import org.arxos.compress.bim.column.ElevationColumn;
import org.arxos.compress.bim.column.FootprintColumn;
import org.arxos.compress.bim.column.IdColumn;
import org.arxos.compress.bim.column.MalformedDataException;
import org.arxos.compress.bim.column.PropertyColumns;
import org.arxos.compress.bim.column.StringColumn;
import org.arxos.compress.bim.column.Vocabulary;
import org.arxos.model.BuildingObject;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.Connection;
import org.arxos.model.ObjectType;
import org.arxos.model.Properties;
import org.arxos.model.Revision;

/** Reads what {@link RevisionWriter} wrote, column for column, and restores the revision through the model's rules. */
public final class RevisionReader {

    private static final ObjectType[] TYPES = ObjectType.values();

    private final ColumnSet.Reader columns;
    private final ByteSource types;
    private final ByteSource childCounts;
    private final IdColumn.Reader ids;
    private final StringColumn.Reader kinds;
    private final StringColumn.Reader names;
    private final FootprintColumn.Reader footprints;
    private final ElevationColumn.Reader elevations;
    private final PropertyColumns.Reader properties;
    private final IdColumn.Reader connectionIds;
    private final ByteSource fromSteps;
    private final ByteSource toSteps;
    private final StringColumn.Reader connectionKinds;
    private final PropertyColumns.Reader connectionProperties;

    private RevisionReader(ByteSource payload) {
        columns = new ColumnSet.Reader(payload);
        types = columns.next("type");
        childCounts = columns.next("child count");
        ids = new IdColumn.Reader(columns, "id");
        kinds = new StringColumn.Reader(columns, "kind");
        names = new StringColumn.Reader(columns, "name");
        footprints = new FootprintColumn.Reader(columns, "footprint");
        elevations = new ElevationColumn.Reader(columns, "elevation", Vocabulary.EMPTY);
        properties = new PropertyColumns.Reader(columns, "property", Vocabulary.EMPTY);
        connectionIds = new IdColumn.Reader(columns, "connection id");
        fromSteps = columns.next("connection from");
        toSteps = columns.next("connection to");
        connectionKinds = new StringColumn.Reader(columns, "connection kind");
        connectionProperties = new PropertyColumns.Reader(columns, "connection property", Vocabulary.EMPTY);
    }

    /**
     * @throws MalformedDataException      when a column does not hold what the counts promise
     * @throws ChangeRejectedException     when the decoded content breaks a model rule
     * @throws IllegalArgumentException    when a decoded value is not a valid model value
     */
    public static Revision read(ByteSource payload, long number, int objectCount, int connectionCount)
            throws ChangeRejectedException {
        RevisionReader reader = new RevisionReader(payload);
        BuildingObject[] objects = reader.objects(objectCount);
        Connection[] connections = reader.connections(connectionCount, objects);
        reader.columns.expectEnd();
        return Revision.restore(number, Arrays.stream(objects), Arrays.stream(connections));
    }

    private BuildingObject[] objects(int count) {
        Properties[] props = properties.read(count);
        BuildingObject[] objects = new BuildingObject[count];
        TreeWalk tree = new TreeWalk();
        for (int i = 0; i < count; i++) {
            String parent = tree.enter();
            if (parent == null && i > 0) {
                throw new MalformedDataException("object " + i + " lies outside the tree");
            }
            int type = types.read();
            if (type >= TYPES.length) {
                throw new MalformedDataException("the type column has an unknown type " + type);
            }
            int children = childCounts.readVarInt(count - 1 - i);
            String id = ids.read(tree.reference());
            tree.record(id, children);
            String kind = kinds.readNonNull();
            objects[i] = new BuildingObject(id, TYPES[type], kind, parent, names.read(), footprints.read(kind),
                    elevations.read(), props[i]);
        }
        tree.expectComplete();
        return objects;
    }

    private Connection[] connections(int count, BuildingObject[] objects) {
        Properties[] props = connectionProperties.read(count);
        Connection[] connections = new Connection[count];
        String previousId = "";
        long from = 0;
        long to = 0;
        for (int i = 0; i < count; i++) {
            String id = connectionIds.read(previousId);
            from += fromSteps.readSigned();
            to += toSteps.readSigned();
            if (from < 0 || from >= objects.length || to < 0 || to >= objects.length) {
                throw new MalformedDataException("connection '" + id + "' joins objects " + from + " and " + to
                        + " of " + objects.length);
            }
            connections[i] = new Connection(id, objects[(int) from].id(), objects[(int) to].id(),
                    connectionKinds.readNonNull(), props[i]);
            previousId = id;
        }
        return connections;
    }
}
