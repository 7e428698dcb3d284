package org.arxos.http.internal.collab;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.arxos.api.io.ImportException;
import org.arxos.io.json.BuildingJson;
import org.arxos.io.json.ChangeDocument;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.Revision;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Changes and buildings inside protocol messages, in the native JSON format that the REST API reads and writes
 * (org.arxos.io.json): a message's {@code "changes"} array is the {@code "changes"} array of a change document, and
 * a snapshot is a building document.
 */
final class ChangeJson {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final String SOURCE = "frame";
    private static final String DOCUMENT_START = "{\"format\":\"" + BuildingJson.CHANGES_FORMAT + "\",\"version\":"
            + BuildingJson.VERSION + ",\"changes\":";

    private ChangeJson() {
    }

    /** The changes of a change set as the JSON array a change document holds. */
    static String changesArray(ChangeSet changes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 96 * changes.changes().size());
        try {
            BuildingJson.writeChanges(ChangeDocument.of(changes), out);
            String document = out.toString(StandardCharsets.UTF_8);
            try (JsonParser p = FACTORY.createParser(document)) {
                p.nextToken();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    boolean isChanges = p.currentName().equals("changes");
                    p.nextToken();
                    int start = (int) p.currentTokenLocation().getCharOffset();
                    p.skipChildren();
                    if (isChanges) {
                        return withoutLineBreaks(document.substring(start,
                                (int) p.currentTokenLocation().getCharOffset() + 1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing changes to memory failed", e);
        }
        throw new IllegalStateException("the change document writer wrote no changes array");
    }

    /** A building document of the revision, on one line. */
    static String building(Revision revision) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try {
            BuildingJson.writeBuilding(revision, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a building to memory failed", e);
        }
        return withoutLineBreaks(out.toString(StandardCharsets.UTF_8));
    }

    /**
     * The writer puts each element of a document's top-level arrays on a line of its own, which a file wants and a
     * message does not. A line break in JSON text can only be such whitespace: inside strings it is escaped.
     */
    private static String withoutLineBreaks(String json) {
        return json.replace("\n", "");
    }

    /**
     * Reads the changes array that spans {@code [start, end)} of a frame with the reader of change documents, so
     * that changes are checked exactly as the REST API checks them. The array is read where it stands (what precedes
     * it blanked, the document header on a line of its own), so the reader's columns are the frame's.
     *
     * @param sequence the operation's sequence number, for the error
     */
    static List<Change> readChanges(String frame, int start, int end, int maxChanges, long sequence)
            throws MalformedMessageException {
        StringBuilder document = new StringBuilder(DOCUMENT_START.length() + end + 2).append(DOCUMENT_START)
                .append('\n');
        for (int i = 0; i < start; i++) {
            char c = frame.charAt(i);
            document.append(c == '\n' || c == '\r' ? c : ' ');
        }
        document.append(frame, start, end).append('}');
        try {
            return BuildingJson.readChanges(new ByteArrayInputStream(document.toString()
                    .getBytes(StandardCharsets.UTF_8)), SOURCE, maxChanges).changes().changes();
        } catch (ImportException e) {
            throw new MalformedMessageException(problem(e), sequence);
        } catch (IOException e) {
            throw new UncheckedIOException("reading changes from memory failed", e);
        }
    }

    /** The reader's problem, with the field it names and the line in the frame (one less than in the document). */
    private static String problem(ImportException e) {
        String head = SOURCE + (e.line() > 0 ? ":" + e.line() : "") + (e.field() != null ? " (" + e.field() + ")" : "")
                + ": ";
        String problem = e.getMessage().startsWith(head) ? e.getMessage().substring(head.length()) : e.getMessage();
        String field = e.field() == null || e.field().isEmpty() ? "changes" : e.field();
        return "'" + field + "': " + problem + (e.line() > 2 ? " on line " + (e.line() - 1) : "");
    }
}
