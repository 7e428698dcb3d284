package org.arxos.http.internal.collab;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.arxos.api.collab.HybridTimestamp;
import org.arxos.api.collab.Operation;
import org.arxos.api.collab.Presence;
import org.arxos.api.collab.VersionVector;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.geometry.Bounds;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the messages clients send. Every problem is a {@link MalformedMessageException} naming the field and, where
 * the parser knows it, the column in the frame.
 */
final class ClientMessages {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "op", Set.of("type", "seq", "ts", "base", "observed", "changes", "message"),
            "presence", Set.of("type", "selection", "floor", "viewport"),
            "undo", Set.of("type"),
            "redo", Set.of("type"),
            "parked", Set.of("type"),
            "ping", Set.of("type", "id"));

    /** A top-level field of a frame: its value (none for the changes array, read in place) and where it starts. */
    private record Field(JsonNode value, JsonLocation at) {
    }

    /** The frame of one message, its top-level fields read. */
    private record Frame(String text, Map<String, Field> fields, int changesStart, int changesEnd) {
    }

    private ClientMessages() {
    }

    /**
     * @param clientId   the session's client, which every operation belongs to
     * @param user       the authenticated user, the author of every operation
     * @param maxChanges the most changes one operation may hold
     */
    static ClientMessage read(String text, String clientId, String user, int maxChanges)
            throws MalformedMessageException {
        Frame frame = fields(text);
        Field typeField = frame.fields().get("type");
        if (typeField == null || !typeField.value().isTextual()) {
            throw new MalformedMessageException("'type' is missing or not a string: every message has a \"type\" "
                    + "(" + String.join(", ", FIELDS.keySet().stream().sorted().toList()) + ")", 0);
        }
        String type = typeField.value().asText();
        Set<String> allowed = FIELDS.get(type);
        if (allowed == null) {
            throw new MalformedMessageException("unknown message type '" + type + "'" + at(typeField.at())
                    + ": clients send " + String.join(", ", FIELDS.keySet().stream().sorted().toList()), 0);
        }
        long sequence = type.equals("op") ? sequenceIfReadable(frame) : 0;
        for (Map.Entry<String, Field> f : frame.fields().entrySet()) {
            if (!allowed.contains(f.getKey())) {
                throw new MalformedMessageException("unknown field '" + f.getKey() + "'" + at(f.getValue().at())
                        + ": a " + type + " message has " + String.join(", ", allowed.stream().sorted().toList()),
                        sequence);
            }
        }
        return switch (type) {
            case "op" -> new ClientMessage.Submit(operation(frame, clientId, user, maxChanges));
            case "presence" -> new ClientMessage.PresenceUpdate(presence(frame));
            case "undo" -> new ClientMessage.Undo();
            case "redo" -> new ClientMessage.Redo();
            case "parked" -> new ClientMessage.ListParked();
            default -> new ClientMessage.Ping(frame.fields().containsKey("id") ? frame.fields().get("id").value()
                    : null);
        };
    }

    private static Frame fields(String text) throws MalformedMessageException {
        Map<String, Field> fields = new LinkedHashMap<>();
        int changesStart = -1;
        int changesEnd = -1;
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedMessageException("a message is a JSON object with a \"type\", such as "
                        + "{\"type\":\"ping\",\"id\":\"1\"}", 0);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                JsonLocation at = p.currentTokenLocation();
                if (fields.containsKey(name)) {
                    throw new MalformedMessageException("'" + name + "' is given twice" + at(at), 0);
                }
                if (name.equals("changes") && value == JsonToken.START_ARRAY) {
                    changesStart = (int) at.getCharOffset();
                    p.skipChildren();
                    changesEnd = (int) p.currentTokenLocation().getCharOffset() + 1;
                    fields.put(name, new Field(null, at));
                } else {
                    fields.put(name, new Field(p.readValueAsTree(), at));
                }
            }
            if (p.nextToken() != null) {
                throw new MalformedMessageException("unexpected content after the message" + at(p
                        .currentTokenLocation()), 0);
            }
        } catch (JsonProcessingException e) {
            throw new MalformedMessageException("not JSON: " + e.getOriginalMessage() + at(e.getLocation()), 0);
        } catch (IOException e) {
            throw new MalformedMessageException("not readable: " + e.getMessage(), 0);
        }
        return new Frame(text, fields, changesStart, changesEnd);
    }

    private static long sequenceIfReadable(Frame frame) {
        Field seq = frame.fields().get("seq");
        return seq != null && seq.value().canConvertToLong() && seq.value().isIntegralNumber()
                ? Math.max(0, seq.value().longValue()) : 0;
    }

    private static Operation operation(Frame frame, String clientId, String user, int maxChanges)
            throws MalformedMessageException {
        long sequence = wholeNumber(frame, "seq", 1, 0);
        Field ts = required(frame, "ts", sequence);
        if (!ts.value().isObject()) {
            throw new MalformedMessageException("'ts' must be the client's hybrid clock reading, "
                    + "{\"wall\":<milliseconds>,\"counter\":<n>}" + at(ts.at()), sequence);
        }
        for (Iterator<String> names = ts.value().fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!name.equals("wall") && !name.equals("counter")) {
                throw new MalformedMessageException("unknown field 'ts." + name + "'" + at(ts.at())
                        + ": a timestamp has wall and counter", sequence);
            }
        }
        long wall = wholeNumber(ts.value().get("wall"), "ts.wall", 0, Long.MAX_VALUE, ts.at(), sequence);
        long counter = wholeNumber(ts.value().get("counter"), "ts.counter", 0, Integer.MAX_VALUE, ts.at(),
                sequence);
        long base = wholeNumber(frame, "base", 0, sequence);
        VersionVector observed = observed(frame.fields().get("observed"), sequence);
        Field message = frame.fields().get("message");
        if (message != null && !message.value().isTextual() && !message.value().isNull()) {
            throw new MalformedMessageException("'message' must be a string" + at(message.at()), sequence);
        }
        Field changes = required(frame, "changes", sequence);
        if (frame.changesStart() < 0) {
            throw new MalformedMessageException("'changes' must be an array of changes" + at(changes.at()),
                    sequence);
        }
        List<Change> read = ChangeJson.readChanges(frame.text(), frame.changesStart(), frame.changesEnd(),
                maxChanges, sequence);
        try {
            return new Operation(clientId, sequence, new HybridTimestamp(wall, (int) counter, clientId), base,
                    observed, new ChangeSet(user, message == null ? null : message.value().textValue(), read));
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException(e.getMessage(), sequence);
        }
    }

    private static VersionVector observed(Field observed, long sequence) throws MalformedMessageException {
        if (observed == null || observed.value().isNull()) {
            return VersionVector.EMPTY;
        }
        if (!observed.value().isObject()) {
            throw new MalformedMessageException("'observed' must map client ids to the highest sequence seen, "
                    + "such as {\"bob-1\":7}" + at(observed.at()), sequence);
        }
        Map<String, Long> seen = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> entries = observed.value().fields(); entries.hasNext();) {
            Map.Entry<String, JsonNode> entry = entries.next();
            seen.put(entry.getKey(), wholeNumber(entry.getValue(), "observed." + entry.getKey(), 0, Long.MAX_VALUE,
                    observed.at(), sequence));
        }
        return new VersionVector(seen);
    }

    private static Presence presence(Frame frame) throws MalformedMessageException {
        List<String> selection = new ArrayList<>();
        Field selected = frame.fields().get("selection");
        if (selected != null && !selected.value().isNull()) {
            if (!selected.value().isArray()) {
                throw new MalformedMessageException("'selection' must be an array of object ids" + at(selected.at()),
                        0);
            }
            for (JsonNode id : selected.value()) {
                if (!id.isTextual()) {
                    throw new MalformedMessageException("'selection' holds " + id + ", which is not an object id"
                            + at(selected.at()), 0);
                }
                selection.add(id.asText());
            }
        }
        Field floor = frame.fields().get("floor");
        if (floor != null && !floor.value().isTextual() && !floor.value().isNull()) {
            throw new MalformedMessageException("'floor' must be a floor id or null" + at(floor.at()), 0);
        }
        return new Presence(selection, floor == null ? null : floor.value().textValue(),
                viewport(frame.fields().get("viewport")));
    }

    private static Bounds viewport(Field viewport) throws MalformedMessageException {
        if (viewport == null || viewport.value().isNull()) {
            return null;
        }
        JsonNode v = viewport.value();
        if (!v.isArray() || v.size() != 4 || !v.get(0).isNumber() || !v.get(1).isNumber() || !v.get(2).isNumber()
                || !v.get(3).isNumber()) {
            throw new MalformedMessageException("'viewport' must be [minX,minY,maxX,maxY] or null" + at(viewport
                    .at()), 0);
        }
        try {
            return new Bounds(v.get(0).floatValue(), v.get(1).floatValue(), v.get(2).floatValue(),
                    v.get(3).floatValue());
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("'viewport': " + e.getMessage() + at(viewport.at()), 0);
        }
    }

    private static Field required(Frame frame, String name, long sequence) throws MalformedMessageException {
        Field field = frame.fields().get(name);
        if (field == null) {
            throw new MalformedMessageException("'" + name + "' is missing", sequence);
        }
        return field;
    }

    private static long wholeNumber(Frame frame, String name, long min, long sequence)
            throws MalformedMessageException {
        Field field = required(frame, name, sequence);
        return wholeNumber(field.value(), name, min, Long.MAX_VALUE, field.at(), sequence);
    }

    private static long wholeNumber(JsonNode value, String name, long min, long max, JsonLocation at, long sequence)
            throws MalformedMessageException {
        if (value == null) {
            throw new MalformedMessageException("'" + name + "' is missing" + at(at), sequence);
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < min
                || value.longValue() > max) {
            throw new MalformedMessageException("'" + name + "' must be a whole number from " + min
                    + (max == Long.MAX_VALUE ? "" : " to " + max) + ", not " + value + at(at), sequence);
        }
        return value.longValue();
    }

    private static String at(JsonLocation at) {
        if (at == null || at.getColumnNr() < 1) {
            return "";
        }
        return " (" + (at.getLineNr() > 1 ? "line " + at.getLineNr() + ", " : "") + "column " + at.getColumnNr()
                + ")";
    }
}
