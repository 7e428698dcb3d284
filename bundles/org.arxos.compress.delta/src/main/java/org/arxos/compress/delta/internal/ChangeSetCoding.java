package org.arxos.compress.delta.internal;

import java.util.Optional;

import org.arxos.compress.bim.column.ByteSink;
import org.arxos.compress.bim.column.ByteSource;
import org.arxos.compress.bim.column.Vocabulary;
import org.arxos.model.ChangeSet;
import org.arxos.model.Revision;

/**
 * Change sets coded against one base revision: its sorted ids and its vocabulary, built once. One instance codes one
 * change set, since coding adds the set's new ids to the tables.
 */
public final class ChangeSetCoding {

    private final Revision base;
    private final IdTable objects;
    private final IdTable connections;
    private final Vocabulary vocabulary;

    public ChangeSetCoding(Revision base) {
        this.base = base;
        this.objects = IdTable.ofObjects(base);
        this.connections = IdTable.ofConnections(base);
        this.vocabulary = Vocabulary.of(base);
    }

    /** The change set from the base to {@code target}; empty when none expresses the difference. */
    public Optional<ChangeSet> diff(Revision target) {
        return RevisionDiff.between(base, target, objects, connections, "", "");
    }

    /** The columns of a change set that applies to the base. */
    public byte[] write(ChangeSet changes) {
        ByteSink out = new ByteSink(256 + 16 * changes.size());
        new ChangeSetWriter(base, objects, connections, vocabulary).write(changes, out);
        return out.toByteArray();
    }

    /**
     * The change set in the columns, of at most {@code maxOps} coded changes.
     *
     * @throws org.arxos.compress.bim.column.MalformedDataException when the columns are not a change set
     */
    public ChangeSet read(ByteSource columns, long maxOps) {
        return new ChangeSetReader(columns, base, objects, connections, vocabulary).read(maxOps);
    }
}
