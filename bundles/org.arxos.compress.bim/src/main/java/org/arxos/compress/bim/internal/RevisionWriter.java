package org.arxos.compress.bim.internal;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import org.arxos.compress.bim.column.ByteSink;
import org.arxos.compress.bim.column.ColumnSet;
import org.arxos.compress.bim.column.ElevationColumn;
import org.arxos.compress.bim.column.FootprintColumn;
import org.arxos.compress.bim.column.IdColumn;
import org.arxos.compress.bim.column.PropertyColumns;
import org.arxos.compress.bim.column.StringColumn;
import org.arxos.compress.bim.column.Vocabulary;
import org.arxos.model.BuildingObject;
import org.arxos.model.Connection;
import org.arxos.model.Revision;

/**
 * Writes a revision's content as columns: objects depth-first (type, child count, id, kind, name, footprint,
 * elevation, properties), then connections (id, ends as steps between object positions, kind, properties).
 * {@link RevisionReader} reads the columns in the same order.
 */
public final class RevisionWriter {

    private final ColumnSet.Writer columns = new ColumnSet.Writer();
    private final ByteSink types = columns.add();
    private final ByteSink childCounts = columns.add();
    private final IdColumn.Writer ids = new IdColumn.Writer(columns);
    private final StringColumn.Writer kinds = new StringColumn.Writer(columns);
    private final StringColumn.Writer names = new StringColumn.Writer(columns);
    private final FootprintColumn.Writer footprints = new FootprintColumn.Writer(columns);
    private final ElevationColumn.Writer elevations = new ElevationColumn.Writer(columns, Vocabulary.EMPTY);
    private final PropertyColumns.Writer properties = new PropertyColumns.Writer(columns, Vocabulary.EMPTY);
    private final IdColumn.Writer connectionIds = new IdColumn.Writer(columns);
    private final ByteSink fromSteps = columns.add();
    private final ByteSink toSteps = columns.add();
    private final StringColumn.Writer connectionKinds = new StringColumn.Writer(columns);
    private final PropertyColumns.Writer connectionProperties = new PropertyColumns.Writer(columns, Vocabulary.EMPTY);

    private RevisionWriter() {
    }

    /** The columns of the revision's objects and connections. */
    public static void write(Revision revision, ByteSink out) {
        RevisionWriter writer = new RevisionWriter();
        Map<String, Integer> positions = writer.objects(revision);
        writer.connections(revision, positions);
        writer.columns.writeTo(out);
    }

    private Map<String, Integer> objects(Revision revision) {
        Map<String, Integer> positions = new HashMap<>(revision.objectCount() * 4 / 3 + 1);
        TreeWalk tree = new TreeWalk();
        Iterator<BuildingObject> all = revision.objects().iterator();
        while (all.hasNext()) {
            BuildingObject o = all.next();
            String parent = tree.enter();
            if (parent == null ? o.parentId() != null : !parent.equals(o.parentId())) {
                throw new IllegalStateException("revision " + revision.number() + " lists '" + o.id()
                        + "' where a child of '" + parent + "' belongs: its objects are not depth-first");
            }
            int children = revision.childCount(o.id());
            types.write(o.type().ordinal());
            childCounts.writeVarInt(children);
            ids.write(o.id(), tree.reference());
            tree.record(o.id(), children);
            kinds.write(o.kind());
            names.write(o.name());
            footprints.write(o.footprint(), o.kind());
            elevations.write(o.elevation());
            properties.write(o.properties());
            positions.put(o.id(), positions.size());
        }
        return positions;
    }

    private void connections(Revision revision, Map<String, Integer> positions) {
        String previousId = "";
        int previousFrom = 0;
        int previousTo = 0;
        Iterator<Connection> all = revision.connections().iterator();
        while (all.hasNext()) {
            Connection c = all.next();
            connectionIds.write(c.id(), previousId);
            int from = positions.get(c.fromId());
            int to = positions.get(c.toId());
            fromSteps.writeSigned(from - previousFrom);
            toSteps.writeSigned(to - previousTo);
            connectionKinds.write(c.kind());
            connectionProperties.write(c.properties());
            previousId = c.id();
            previousFrom = from;
            previousTo = to;
        }
    }
}
