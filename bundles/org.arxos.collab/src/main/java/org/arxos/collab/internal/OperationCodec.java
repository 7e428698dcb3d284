package org.arxos.collab.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.arxos.api.collab.VersionVector;
import org.arxos.api.io.ImportException;
import org.arxos.io.json.BuildingJson;
import org.arxos.io.json.ChangeDocument;
import org.arxos.model.ChangeSet;

/**
 * Change sets in the log as the native JSON change document, so an operator can read them with the same tools as any
 * other change of a building; version vectors as {@code client=sequence} pairs separated by {@code ;} (client ids have
 * neither character).
 */
final class OperationCodec {

    private OperationCodec() {
    }

    static String encode(ChangeSet changes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try {
            BuildingJson.writeChanges(ChangeDocument.of(changes), out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a change set in memory", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static ChangeSet decode(String json, String source) {
        try {
            return BuildingJson.readChanges(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), source,
                    Long.MAX_VALUE).changes();
        } catch (ImportException e) {
            throw new IllegalStateException("the operation log holds an unreadable change set at " + source + ": "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String encode(VersionVector vector) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(vector.seen()).forEach((client, sequence) -> {
            if (!text.isEmpty()) {
                text.append(';');
            }
            text.append(client).append('=').append(sequence);
        });
        return text.toString();
    }

    static VersionVector decodeVector(String text) {
        if (text == null || text.isEmpty()) {
            return VersionVector.EMPTY;
        }
        Map<String, Long> seen = new HashMap<>();
        for (String pair : text.split(";")) {
            int eq = pair.indexOf('=');
            seen.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
        }
        return new VersionVector(seen);
    }
}
