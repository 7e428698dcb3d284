package org.arxos.messaging.activemq.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.arxos.api.event.BuildingEvent;
import org.arxos.api.event.EventBridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An event on the wire: one JSON object with the node it was published on ({@code origin}) and the event's fields,
 * the time as an ISO-8601 instant. JSON rather than Java serialization, so a message from the network can never make
 * this node instantiate a class.
 */
final class EventCodec {

    /** A message whose body cannot be read as an event. */
    static final class UnreadableEventException extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableEventException(String message) {
            super(message);
        }
    }

    /** An event received from another node. */
    record Received(String origin, BuildingEvent event) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventCodec() {
    }

    static String encode(String origin, BuildingEvent event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("origin", origin);
        node.put("topic", event.topic());
        node.put("tenant", event.tenant());
        node.put("buildingId", event.buildingId());
        node.put("revision", event.revision());
        ObjectNode attributes = node.putObject("attributes");
        event.attributes().forEach(attributes::put);
        node.put("time", event.time().toString());
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("an object of strings and numbers did not serialize", e);
        }
    }

    /** The event, with the node it came from as its {@link EventBridge#ORIGIN} attribute. */
    static Received decode(String json) throws UnreadableEventException {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (IOException e) {
            throw new UnreadableEventException("not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (node == null || !node.isObject()) {
            throw new UnreadableEventException("not a JSON object");
        }
        String origin = text(node, "origin");
        Map<String, String> attributes = new LinkedHashMap<>();
        JsonNode given = node.path("attributes");
        if (!given.isMissingNode() && !given.isObject()) {
            throw new UnreadableEventException("'attributes' is not an object");
        }
        given.fields().forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
        attributes.put(EventBridge.ORIGIN, origin);
        JsonNode revision = node.path("revision");
        if (!revision.canConvertToLong()) {
            throw new UnreadableEventException("'revision' is not a number");
        }
        Instant time;
        try {
            time = Instant.parse(text(node, "time"));
        } catch (DateTimeParseException e) {
            throw new UnreadableEventException("'time' is not an ISO-8601 instant");
        }
        return new Received(origin, new BuildingEvent(text(node, "topic"), text(node, "tenant"),
                text(node, "buildingId"), revision.asLong(), attributes, time));
    }

    private static String text(JsonNode node, String field) throws UnreadableEventException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new UnreadableEventException("'" + field + "' is missing or not a string");
        }
        return value.asText();
    }
}
