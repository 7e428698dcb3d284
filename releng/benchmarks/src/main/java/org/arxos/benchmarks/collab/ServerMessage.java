package org.arxos.benchmarks.collab;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * One message of the collaboration protocol from the server, as much of it as the load tool reads. Changes, effects
 * and snapshots stay raw JSON text: the tool compares them by their text (the server encodes a broadcast once, so
 * every client gets the same characters) and only the mirrors parse them into the model.
 *
 * @param type      {@code welcome}, {@code applied}, {@code ack}, {@code error}, {@code pong}, ...
 * @param revision  the revision of a welcome, an applied operation or an acknowledgement; -1 otherwise
 * @param client    the client of an applied operation
 * @param sequence  the client sequence number of an applied operation, an acknowledgement or an error; 0 otherwise
 * @param changes   the raw {@code changes} array, or null
 * @param effect    the raw {@code effect} array (null when it is the same as {@code changes})
 * @param snapshot  the raw snapshot of a welcome, or null
 * @param catchUp   the applied operations of a welcome
 * @param rejected  how many changes an acknowledgement lists as rejected
 * @param conflicts how many conflicts an acknowledgement lists
 * @param code      the code of an error, or null
 * @param text      the message of an error or the reason of {@code closed}, the id of a pong, or null
 */
record ServerMessage(String type, long revision, String client, long sequence, String changes, String effect,
        String snapshot, List<ServerMessage> catchUp, int rejected, int conflicts, String code, String text) {

    private static final JsonFactory JSON = new JsonFactory();

    /** What a replica that mirrors the server applies: the effect when sent, else the changes. */
    String appliedChanges() {
        return effect != null ? effect : changes;
    }

    /** The messages of one text frame: one message object or an array of them. */
    static List<ServerMessage> parseFrame(String frame) throws IOException {
        List<ServerMessage> messages = new ArrayList<>(1);
        try (JsonParser parser = JSON.createParser(frame)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    messages.add(read(parser, frame, null));
                }
            } else if (first == JsonToken.START_OBJECT) {
                messages.add(read(parser, frame, null));
            } else {
                throw new IOException("a frame must hold a JSON object or array, not " + first);
            }
        }
        return messages;
    }

    /** Reads the object the parser is at the start of; {@code impliedType} names messages nested without a type. */
    private static ServerMessage read(JsonParser parser, String frame, String impliedType) throws IOException {
        String type = impliedType;
        long revision = -1;
        String client = null;
        long sequence = 0;
        String changes = null;
        String effect = null;
        String snapshot = null;
        List<ServerMessage> catchUp = List.of();
        int rejected = 0;
        int conflicts = 0;
        String code = null;
        String text = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "type" -> type = parser.getText();
                case "revision" -> revision = parser.getLongValue();
                case "client" -> client = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                case "seq" -> sequence = parser.getLongValue();
                case "changes" -> changes = raw(parser, frame);
                case "effect" -> effect = raw(parser, frame);
                case "snapshot" -> snapshot = value == JsonToken.VALUE_NULL ? null : raw(parser, frame);
                case "catchUp" -> catchUp = readApplied(parser, frame);
                case "rejected" -> rejected = count(parser);
                case "conflicts" -> conflicts = count(parser);
                case "code" -> code = parser.getText();
                case "message", "reason", "id" -> text = value == JsonToken.VALUE_STRING ? parser.getText() : text;
                default -> parser.skipChildren();
            }
        }
        return new ServerMessage(type, revision, client, sequence, changes, effect, snapshot, catchUp, rejected,
                conflicts, code, text);
    }

    private static List<ServerMessage> readApplied(JsonParser parser, String frame) throws IOException {
        List<ServerMessage> applied = new ArrayList<>();
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return applied;
        }
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            applied.add(read(parser, frame, "applied"));
        }
        return applied;
    }

    private static int count(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return 0;
        }
        int n = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            parser.skipChildren();
            n++;
        }
        return n;
    }

    /** The text of the array or object the parser is at, as it stands in the frame. */
    private static String raw(JsonParser parser, String frame) throws IOException {
        if (!parser.currentToken().isStructStart()) {
            throw new IOException("expected an array or object for '" + parser.currentName() + "', not "
                    + parser.currentToken());
        }
        int start = (int) parser.currentTokenLocation().getCharOffset();
        parser.skipChildren();
        int end = (int) parser.currentTokenLocation().getCharOffset() + 1;
        return frame.substring(start, end);
    }
}
