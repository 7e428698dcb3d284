package org.arxos.http.internal.collab;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.arxos.api.collab.Acknowledgement;
import org.arxos.api.collab.AppliedOperation;
import org.arxos.api.collab.Conflict;
import org.arxos.api.collab.Member;
import org.arxos.api.collab.Operation;
import org.arxos.api.collab.SessionError;
import org.arxos.api.collab.Welcome;
import org.arxos.model.Violation;
import org.arxos.model.geometry.Bounds;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Writes the messages the server sends (docs/collaboration-protocol.md), each one JSON object. */
final class ServerMessages {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator gen) throws IOException;
    }

    private ServerMessages() {
    }

    /** @param applied the JSON of one applied operation, as {@link #applied(AppliedOperation)} writes it */
    static String welcome(Welcome welcome, Function<AppliedOperation, String> applied) {
        return message("welcome", gen -> {
            gen.writeNumberField("revision", welcome.revision());
            gen.writeStringField("policy", welcome.policy());
            gen.writeFieldName("snapshot");
            if (welcome.snapshot() == null) {
                gen.writeNull();
            } else {
                gen.writeRawValue(ChangeJson.building(welcome.snapshot()));
            }
            gen.writeArrayFieldStart("catchUp");
            for (AppliedOperation operation : welcome.catchUp()) {
                gen.writeRawValue(applied.apply(operation));
            }
            gen.writeEndArray();
            gen.writeArrayFieldStart("members");
            for (Member member : welcome.members()) {
                member(gen, member);
            }
            gen.writeEndArray();
        });
    }

    static String applied(AppliedOperation applied) {
        Operation operation = applied.operation();
        return message("applied", gen -> {
            gen.writeNumberField("revision", applied.revision());
            gen.writeStringField("client", operation.clientId());
            gen.writeNumberField("seq", operation.sequence());
            gen.writeObjectFieldStart("ts");
            gen.writeNumberField("wall", operation.timestamp().wallMillis());
            gen.writeNumberField("counter", operation.timestamp().counter());
            gen.writeEndObject();
            gen.writeNumberField("base", operation.baseRevision());
            gen.writeStringField("author", operation.changes().author());
            if (!operation.changes().message().isEmpty()) {
                gen.writeStringField("message", operation.changes().message());
            }
            if (!operation.observed().seen().isEmpty()) {
                gen.writeObjectFieldStart("observed");
                for (Map.Entry<String, Long> seen : new TreeMap<>(operation.observed().seen()).entrySet()) {
                    gen.writeNumberField(seen.getKey(), seen.getValue());
                }
                gen.writeEndObject();
            }
            gen.writeFieldName("changes");
            gen.writeRawValue(ChangeJson.changesArray(operation.changes()));
            if (!applied.effect().changes().equals(operation.changes().changes())) {
                gen.writeFieldName("effect");
                gen.writeRawValue(ChangeJson.changesArray(applied.effect()));
            }
        });
    }

    static String acknowledged(Acknowledgement ack) {
        return message("ack", gen -> {
            gen.writeStringField("client", ack.clientId());
            gen.writeNumberField("seq", ack.sequence());
            gen.writeNumberField("revision", ack.revision());
            gen.writeArrayFieldStart("rejected");
            for (Violation v : ack.rejected()) {
                gen.writeStartObject();
                gen.writeNumberField("index", v.changeIndex());
                gen.writeStringField("target", v.targetId());
                gen.writeStringField("rule", v.rule().name());
                gen.writeStringField("message", v.message());
                gen.writeEndObject();
            }
            gen.writeEndArray();
            conflicts(gen, ack.conflicts());
        });
    }

    static String presence(Member member) {
        return message("presence", gen -> {
            gen.writeFieldName("member");
            member(gen, member);
        });
    }

    static String error(SessionError error) {
        return message("error", gen -> {
            gen.writeStringField("code", error.code().name());
            gen.writeStringField("message", error.message());
            gen.writeNumberField("seq", error.sequence());
        });
    }

    static String parked(List<Conflict> conflicts) {
        return message("parked", gen -> conflicts(gen, conflicts));
    }

    /** @param id what the ping carried, or {@code null} */
    static String pong(JsonNode id) {
        return message("pong", gen -> {
            gen.writeFieldName("id");
            gen.writeTree(id);
        });
    }

    static String closed(String reason) {
        return message("closed", gen -> gen.writeStringField("reason", reason));
    }

    private static void member(JsonGenerator gen, Member member) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("client", member.clientId());
        gen.writeStringField("user", member.user());
        gen.writeStringField("role", member.role() == null ? null : member.role().name());
        gen.writeBooleanField("present", member.present());
        gen.writeArrayFieldStart("selection");
        for (String id : member.presence().selection()) {
            gen.writeString(id);
        }
        gen.writeEndArray();
        gen.writeStringField("floor", member.presence().floorId());
        gen.writeFieldName("viewport");
        Bounds viewport = member.presence().viewport();
        if (viewport == null) {
            gen.writeNull();
        } else {
            gen.writeStartArray();
            gen.writeNumber(viewport.minX());
            gen.writeNumber(viewport.minY());
            gen.writeNumber(viewport.maxX());
            gen.writeNumber(viewport.maxY());
            gen.writeEndArray();
        }
        gen.writeEndObject();
    }

    private static void conflicts(JsonGenerator gen, List<Conflict> conflicts) throws IOException {
        gen.writeArrayFieldStart("conflicts");
        for (Conflict c : conflicts) {
            gen.writeStartObject();
            gen.writeStringField("target", c.targetId());
            gen.writeStringField("field", c.field());
            gen.writeStringField("outcome", c.outcome().name());
            authored(gen, "kept", c.kept());
            authored(gen, "overwritten", c.overwritten());
            gen.writeStringField("message", c.message());
            gen.writeEndObject();
        }
        gen.writeEndArray();
    }

    private static void authored(JsonGenerator gen, String name, Conflict.AuthoredValue value) throws IOException {
        gen.writeObjectFieldStart(name);
        gen.writeStringField("value", value.value());
        gen.writeStringField("author", value.author());
        gen.writeStringField("operation", value.operation());
        gen.writeEndObject();
    }

    private static String message(String type, Body body) {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator gen = FACTORY.createGenerator(out)) {
            gen.writeStartObject();
            gen.writeStringField("type", type);
            body.write(gen);
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing a " + type + " message to memory failed", e);
        }
        return out.toString();
    }
}
