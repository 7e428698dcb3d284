package org.arxos.http.internal.websocket;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.arxos.api.event.BuildingEvent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON frames of {@code /ws/events} (see docs/messaging.md): events and answers out, requests in. */
final class EventFrames {

    /** What a client asks: to start or stop receiving the events of some buildings. */
    record Request(boolean subscribe, List<String> buildings) {
    }

    /** A frame from a client that is not a request; its message goes back in an error frame. */
    static final class BadRequestException extends Exception {
        private static final long serialVersionUID = 1L;

        BadRequestException(String message) {
            super(message);
        }
    }

    /** Subscribes to every building of the user's tenant that the user may see. */
    static final String EVERY_BUILDING = "*";

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventFrames() {
    }

    static String event(BuildingEvent event) {
        ObjectNode frame = JSON.createObjectNode();
        frame.put("type", "event");
        frame.put("topic", event.topic());
        frame.put("tenant", event.tenant());
        frame.put("buildingId", event.buildingId());
        frame.put("revision", event.revision());
        ObjectNode attributes = frame.putObject("attributes");
        event.attributes().forEach(attributes::put);
        frame.put("time", event.time().toString());
        return write(frame);
    }

    static String subscribed(Collection<String> buildings) {
        ObjectNode frame = JSON.createObjectNode();
        frame.put("type", "subscribed");
        ArrayNode list = frame.putArray("buildings");
        buildings.stream().sorted().forEach(list::add);
        return write(frame);
    }

    static String error(String message) {
        ObjectNode frame = JSON.createObjectNode();
        frame.put("type", "error");
        frame.put("message", message);
        return write(frame);
    }

    static Request request(String text) throws BadRequestException {
        JsonNode frame;
        try {
            frame = JSON.readTree(text);
        } catch (IOException e) {
            throw new BadRequestException("the frame is not JSON: "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
        if (frame == null || !frame.isObject()) {
            throw new BadRequestException("a request is a JSON object such as "
                    + "{\"type\":\"subscribe\",\"buildings\":[\"b1\"]}");
        }
        String type = frame.path("type").asText("");
        if (!type.equals("subscribe") && !type.equals("unsubscribe")) {
            throw new BadRequestException("unknown request type '" + type + "': use subscribe or unsubscribe");
        }
        JsonNode buildings = frame.get("buildings");
        if (buildings == null || !buildings.isArray() || buildings.isEmpty()) {
            throw new BadRequestException("'buildings' must be a non-empty array of building ids, or [\"*\"] for "
                    + "every building of your tenant");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode id : buildings) {
            if (!id.isTextual() || id.asText().isBlank()) {
                throw new BadRequestException("'buildings' holds " + id + ", which is not a building id");
            }
            ids.add(id.asText());
        }
        return new Request(type.equals("subscribe"), ids);
    }

    private static String write(ObjectNode frame) {
        try {
            return JSON.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("an object of strings and numbers did not serialize", e);
        }
    }
}
