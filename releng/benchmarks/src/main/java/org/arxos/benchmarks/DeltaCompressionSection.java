package org.arxos.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.compress.bim.BimCodec;
import org.arxos.compress.bim.column.ColumnFrame;
import org.arxos.compress.delta.RevisionDeltaCodec;
import org.arxos.compress.delta.internal.ChangeDictionary;
import org.arxos.compress.delta.internal.ChangeSetCoding;
import org.arxos.compress.delta.testing.EditSession;
import org.arxos.io.json.BuildingJson;
import org.arxos.io.json.ChangeDocument;
import org.arxos.model.ChangeSet;
import org.arxos.model.Revision;

/**
 * The delta part of {@link BimCompressionBenchmark}. Edits come from the delta tests' {@link EditSession}, the mix of
 * the benchmarks' {@code RandomEdits} scaled to a share of the building: of every 100 objects touched, 15 components
 * copied beside a sibling (and fed like it), 20 moved to another parent of the same kind, 20 footprints shifted by a
 * random amount of up to 2 m (not on any grid), 30 given a new text property, 15 removed with their connections. The
 * baseline is what the JDBC repository stores today: the change set as native JSON, gzip'd (here at level 9).
 */
final class DeltaCompressionSection {

    private final RevisionDeltaCodec codec = new RevisionDeltaCodec();
    private final TextTable edits = new TextTable("Deltas (MAX): an edit touching 1 % of the items",
            "building", "objects touched", "changes", "full BIM B", "delta B", "delta / full %",
            "JSON changes gzip-9 B", "encode ms", "decode ms");

    void onePercentEdit(BimCompressionSource source) throws Exception {
        Revision base = source.revision();
        int touched = (base.objectCount() + base.connectionCount()) / 100;
        ChangeSet edit = new EditSession(7).edit(base, touched);
        Revision target = base.apply(edit);
        int full = new BimCodec().encode(base, CompressionLevel.MAX).length;
        long t0 = System.nanoTime();
        byte[] delta = codec.encode(base, target, CompressionLevel.MAX);
        long t1 = System.nanoTime();
        Revision decoded = codec.decode(base, delta);
        long t2 = System.nanoTime();
        check(target, decoded, source.name());
        edits.add(source.name(), touched, edit.size(), full, delta.length, 100.0 * delta.length / full,
                jsonChanges(edit), (t1 - t0) / 1e6, (t2 - t1) / 1e6);
    }

    void printEdits(PrintStream out) {
        edits.print(out);
    }

    /** A chain of revisions, each a 1 % edit of the one before: stored as the first whole and a delta per step. */
    void history(BimCompressionSource source, int revisions, PrintStream out) throws Exception {
        Revision first = source.revision();
        int touched = (first.objectCount() + first.connectionCount()) / 100;
        EditSession session = new EditSession(12);
        long one = new BimCodec().encode(first, CompressionLevel.MAX).length;
        long stored = one;
        long json = BimCompressionSource.gzip9(source.json());
        long encodeNanos = 0;
        long decodeNanos = 0;
        Revision previous = first;
        Revision decodedPrevious = first;
        for (int i = 2; i <= revisions; i++) {
            ChangeSet edit = session.edit(previous, touched);
            Revision next = previous.apply(edit);
            long t0 = System.nanoTime();
            byte[] delta = codec.encode(previous, next, CompressionLevel.MAX);
            long t1 = System.nanoTime();
            Revision decoded = codec.decode(decodedPrevious, delta);
            long t2 = System.nanoTime();
            check(next, decoded, source.name() + " revision " + i);
            stored += delta.length;
            json += jsonChanges(edit);
            encodeNanos += t1 - t0;
            decodeNanos += t2 - t1;
            previous = next;
            decodedPrevious = decoded;
        }
        TextTable table = new TextTable("History (MAX): " + revisions + " revisions of " + source.name()
                + ", each a 1 % edit of the one before; every revision decoded from the one decoded before",
                "one revision B", "history B", "history / one", "as full copies B", "JSON gzip-9 B", "JSON / history",
                "encode s", "decode s");
        table.add(one, stored, (double) stored / one, one * revisions, json, (double) json / stored,
                encodeNanos / 1e9, decodeNanos / 1e9);
        table.print(out);
    }

    /** Small change sets coded alone, with and without the trained dictionary, on a building it was not trained on. */
    void dictionary(PrintStream out) {
        Revision base = BimCompressionSource.generatedRevision(100_000);
        TextTable table = new TextTable("Trained dictionary: columns of small change sets alone against a generated "
                + "100 000-item building, mean zstd frame bytes of 100 sets (MAX)",
                "objects touched", "without dictionary B", "with dictionary B", "saves %");
        EditSession session = new EditSession(21);
        for (int objects : new int[] {1, 10, 100, 1_000}) {
            long plain = 0;
            long withDictionary = 0;
            for (int i = 0; i < 100; i++) {
                byte[] columns = new ChangeSetCoding(base).write(session.edit(base, objects));
                plain += ColumnFrame.encode(columns, CompressionLevel.MAX).length;
                withDictionary += ColumnFrame.encode(columns, CompressionLevel.MAX, ChangeDictionary.bytes()).length;
            }
            table.add(objects, plain / 100.0, withDictionary / 100.0, BimCompressionBenchmark.saving(withDictionary,
                    plain));
        }
        table.print(out);
    }

    private static long jsonChanges(ChangeSet edit) throws IOException {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        BuildingJson.writeChanges(ChangeDocument.of(edit), json);
        return BimCompressionSource.gzip9(json.toByteArray());
    }

    private static void check(Revision expected, Revision decoded, String what) {
        if (!decoded.contentHash().equals(expected.contentHash())) {
            throw new IllegalStateException(String.format(Locale.ROOT, "%s decoded to content %s, not %s", what,
                    decoded.contentHash(), expected.contentHash()));
        }
    }
}
