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
 * @param changes   the raw {@code changes} array, or null (also when the frame was read without texts)
 * @param effect    the raw {@code effect} array (null when it is the same as {@code changes}, or not kept)
 * @param appliedHash the {@link String#hashCode()} of the text of what a replica applies (the effect when sent,
 *                  else the changes), kept or not; 0 when there is neither
 * @param snapshot  the raw snapshot of a welcome, or null
 * @param catchUp   the applied operations of a welcome
 * @param rejected  how many changes an acknowledgement lists as rejected
 * @param conflicts how many conflicts an acknowledgement lists
 * @param code      the code of an error, or null
 * @param text      the message of an error or the reason of {@code closed}, the id of a pong, or null
 */
record ServerMessage(String type, long revision, String client, long sequence, String changes, String effect,
        int appliedHash, String snapshot, List<ServerMessage> catchUp, int rejected, int conflicts, String code, String text) {

    private static final JsonFactory JSON = new JsonFactory();

    /** What a replica that mirrors the server applies: the effect when sent, else the changes. */
    String appliedChanges() {
        return effect != null ? effect : changes;
    }

    /**
     * The messages of one text frame: one message object or an array of them.
     *
     * @param keepTexts whether the changes and effects are wanted as text (a mirror applies them); without, only their
     *                  hash is kept, and no copy of them is made
     */
    static List<ServerMessage> parseFrame(String frame, boolean keepTexts) throws IOException {
        List<ServerMessage> messages = new ArrayList<>(1);
        try (JsonParser parser = JSON.createParser(frame)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    messages.add(read(parser, frame, null, keepTexts));
                }
            } else if (first == JsonToken.START_OBJECT) {
                messages.add(read(parser, frame, null, keepTexts));
            } else {
                throw new IOException("a frame must hold a JSON object or array, not " + first);
            }
        }
        return messages;
    }

    /** Reads the object the parser is at the start of; {@code impliedType} names messages nested without a type. */
    private static ServerMessage read(JsonParser parser, String frame, String impliedType, boolean keepTexts)
            throws IOException {
        String type = impliedType;
        long revision = -1;
        String client = null;
        long sequence = 0;
        String changes = null;
        String effect = null;
        int changesHash = 0;
        int effectHash = 0;
        boolean hasEffect = false;
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
                case "changes" -> {
                    long span = span(parser);
                    changesHash = hash(frame, span);
                    changes = keepTexts ? text(frame, span) : null;
                }
                case "effect" -> {
                    long span = span(parser);
                    effectHash = hash(frame, span);
                    effect = keepTexts ? text(frame, span) : null;
                    hasEffect = true;
                }
                case "snapshot" -> snapshot = value == JsonToken.VALUE_NULL ? null : text(frame, span(parser));
                case "catchUp" -> catchUp = readApplied(parser, frame, keepTexts);
                case "rejected" -> rejected = count(parser);
                case "conflicts" -> conflicts = count(parser);
                case "code" -> code = parser.getText();
                case "message", "reason", "id" -> text = value == JsonToken.VALUE_STRING ? parser.getText() : text;
                default -> parser.skipChildren();
            }
        }
        return new ServerMessage(type, revision, client, sequence, changes, effect, hasEffect ? effectHash
                : changesHash, snapshot, catchUp, rejected, conflicts, code, text);
    }

    private static List<ServerMessage> readApplied(JsonParser parser, String frame, boolean keepTexts)
            throws IOException {
        List<ServerMessage> applied = new ArrayList<>();
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return applied;
        }
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            applied.add(read(parser, frame, "applied", keepTexts));
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

    /**
     * Where the array or object the parser is at stands in the frame: its first character's offset in the high half,
     * the offset after its last in the low half; the parser is left at its end.
     */
    private static long span(JsonParser parser) throws IOException {
        if (!parser.currentToken().isStructStart()) {
            throw new IOException("expected an array or object for '" + parser.currentName() + "', not "
                    + parser.currentToken());
        }
        long start = parser.currentTokenLocation().getCharOffset();
        parser.skipChildren();
        return start << 32 | parser.currentTokenLocation().getCharOffset() + 1;
    }

    private static String text(String frame, long span) {
        return frame.substring((int) (span >>> 32), (int) span);
    }

    /** The {@link String#hashCode()} the text at {@code span} would have, without copying it. */
    private static int hash(String frame, long span) {
        int h = 0;
        for (int i = (int) (span >>> 32), end = (int) span; i < end; i++) {
            h = 31 * h + frame.charAt(i);
        }
        return h;
    }
}
