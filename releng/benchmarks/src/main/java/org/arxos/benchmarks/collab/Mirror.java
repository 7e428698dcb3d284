package org.arxos.benchmarks.collab;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.arxos.api.io.ImportException;
import org.arxos.api.io.ImportOptions;
import org.arxos.io.json.BuildingJson;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.ChangeSet;
import org.arxos.model.Revision;

/**
 * A replica that only mirrors the server: it applies the effect of every applied operation, in revision order, to
 * the model. Its content hash must end equal to the server's head.
 */
final class Mirror {

    private Revision content;
    private String failure;

    Mirror(Revision start) {
        this.content = start;
    }

    /** Reads a building document (the server's head through REST, or a welcome's snapshot). */
    static Revision readBuilding(InputStream in, String source) throws IOException {
        try {
            return Revision.EMPTY.apply(BuildingJson.readBuilding(in,
                    new ImportOptions(source, null, "collab-load", ImportOptions.DEFAULT_MAX_OBJECTS)).content());
        } catch (ImportException | ChangeRejectedException e) {
            throw new IOException(source + ": " + e.getMessage(), e);
        }
    }

    static Revision readBuilding(String json, String source) throws IOException {
        return readBuilding(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), source);
    }

    /** Starts again from a welcome's snapshot (a building document). */
    synchronized void restart(String snapshot) {
        try {
            content = readBuilding(snapshot, "snapshot");
        } catch (IOException e) {
            failure = e.getMessage();
        }
    }

    /** Applies one effect, a JSON array of changes; the first failure stops the mirror and is kept. */
    synchronized void apply(long revision, String changesArray) {
        if (failure != null) {
            return;
        }
        String document = "{\"format\":\"" + BuildingJson.CHANGES_FORMAT + "\",\"version\":" + BuildingJson.VERSION
                + ",\"changes\":" + changesArray + "}";
        try {
            ChangeSet changes = BuildingJson.readChanges(
                    new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)), "revision " + revision,
                    Long.MAX_VALUE).changes();
            content = content.apply(changes);
        } catch (ImportException | IOException | ChangeRejectedException e) {
            failure = "revision " + revision + ": " + e.getMessage();
        }
    }

    synchronized String contentHash() {
        return content.contentHash();
    }

    /** Why the mirror stopped following, or null. */
    synchronized String failure() {
        return failure;
    }
}
