package org.arxos.compress.bim.internal;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

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
     * Restores the revision while it decodes the columns: each object goes to the model right after it is made, while
     * it is still in the processor's cache, rather than after all of them.
     *
     * @throws MalformedDataException      when a column does not hold what the counts promise
     * @throws ChangeRejectedException     when the decoded content breaks a model rule
     * @throws IllegalArgumentException    when a decoded value is not a valid model value
     */
    public static Revision read(ByteSource payload, long number, int objectCount, int connectionCount)
            throws ChangeRejectedException {
        RevisionReader reader = new RevisionReader(payload);
        DecodedObjects objects = reader.new DecodedObjects(objectCount);
        Revision revision = Revision.restore(number, sized(objects, objectCount),
                sized(reader.new DecodedConnections(connectionCount, objects.idsByPosition), connectionCount));
        objects.tree.expectComplete();
        reader.columns.expectEnd();
        return revision;
    }

    /** A stream of known size, which lets the model size its tables once. */
    private static <T> Stream<T> sized(Iterator<T> items, int count) {
        return StreamSupport.stream(Spliterators.spliterator(items, count,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** The objects in depth-first order, decoded one at a time. */
    private final class DecodedObjects implements Iterator<BuildingObject> {

        private final Properties[] props;
        private final String[] idsByPosition;
        private final TreeWalk tree = new TreeWalk();
        private int next;

        DecodedObjects(int count) {
            props = properties.read(count);
            idsByPosition = new String[count];
        }

        @Override
        public boolean hasNext() {
            return next < idsByPosition.length;
        }

        @Override
        public BuildingObject next() {
            if (next >= idsByPosition.length) {
                throw new NoSuchElementException();
            }
            int i = next++;
            String parent = tree.enter();
            if (parent == null && i > 0) {
                throw new MalformedDataException("object " + i + " lies outside the tree");
            }
            int type = types.read();
            if (type >= TYPES.length) {
                throw new MalformedDataException("the type column has an unknown type " + type);
            }
            int children = childCounts.readVarInt(idsByPosition.length - 1 - i);
            String id = ids.read(tree.reference());
            tree.record(id, children);
            idsByPosition[i] = id;
            String kind = kinds.readNonNull();
            BuildingObject o = new BuildingObject(id, TYPES[type], kind, parent, names.read(), footprints.read(kind),
                    elevations.read(), props[i]);
            props[i] = null;
            return o;
        }
    }

    /** The connections in the order they were made, decoded one at a time; their ends are objects by position. */
    private final class DecodedConnections implements Iterator<Connection> {

        private final Properties[] props;
        private final String[] objectIds;
        private String previousId = "";
        private long from;
        private long to;
        private int next;

        DecodedConnections(int count, String[] objectIds) {
            props = connectionProperties.read(count);
            this.objectIds = objectIds;
        }

        @Override
        public boolean hasNext() {
            return next < props.length;
        }

        @Override
        public Connection next() {
            if (next >= props.length) {
                throw new NoSuchElementException();
            }
            int i = next++;
            String id = connectionIds.read(previousId);
            from += fromSteps.readSigned();
            to += toSteps.readSigned();
            if (from < 0 || from >= objectIds.length || to < 0 || to >= objectIds.length) {
                throw new MalformedDataException("connection '" + id + "' joins objects " + from + " and " + to
                        + " of " + objectIds.length);
            }
            previousId = id;
            Connection c = new Connection(id, objectIds[(int) from], objectIds[(int) to],
                    connectionKinds.readNonNull(), props[i]);
            props[i] = null;
            return c;
        }
    }
}
