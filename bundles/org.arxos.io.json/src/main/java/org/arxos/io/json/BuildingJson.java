package org.arxos.io.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.arxos.api.io.ImportException;
import org.arxos.api.io.ImportOptions;
import org.arxos.api.io.ImportResult;
import org.arxos.io.json.internal.JsonDocumentReader;
import org.arxos.io.json.internal.JsonDocumentWriter;
import org.arxos.model.Revision;

/**
 * Reads and writes the native JSON format, streaming: neither direction holds the document as one string or tree.
 * Thread safe. The streams passed in are neither closed nor buffered beyond what Jackson does; output is flushed.
 */
public final class BuildingJson {

    public static final String BUILDING_FORMAT = "arxos.building";
    public static final String CHANGES_FORMAT = "arxos.changes";
    /** The format version this code writes and the only one it reads. */
    public static final int VERSION = 1;
    public static final String MEDIA_TYPE = "application/vnd.arxos.building+json";
    public static final String CHANGES_MEDIA_TYPE = "application/vnd.arxos.changes+json";
    public static final String EXTENSION = "json";

    private BuildingJson() {
    }

    /** Writes a building document: the objects depth-first (parents first), then the connections. */
    public static void writeBuilding(Revision revision, OutputStream out) throws IOException {
        JsonDocumentWriter.writeBuilding(revision, out);
    }

    /**
     * Reads a building document into the change set that creates it: one AddObject per object in file order, then
     * one Connect per connection.
     *
     * @throws ImportException naming the source, line, field and problem (the column is in the problem text)
     */
    public static ImportResult readBuilding(InputStream in, ImportOptions options) throws ImportException, IOException {
        return new JsonDocumentReader(in, options.sourceName()).readBuilding(options);
    }

    public static void writeChanges(ChangeDocument document, OutputStream out) throws IOException {
        JsonDocumentWriter.writeChanges(document, out);
    }

    /**
     * Reads a change set document.
     *
     * @param maxChanges the most changes to accept before failing
     * @throws ImportException naming the source, line, field and problem
     */
    public static ChangeDocument readChanges(InputStream in, String sourceName, long maxChanges)
            throws ImportException, IOException {
        return new JsonDocumentReader(in, sourceName).readChanges(maxChanges);
    }
}
