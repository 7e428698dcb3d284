package org.arxos.http.internal.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.arxos.api.event.BuildingEvent;
import org.arxos.http.internal.websocket.EventFrames.BadRequestException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class EventFramesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anEventFrameCarriesTheEventAsItIs() throws Exception {
        Instant time = Instant.parse("2026-11-27T21:50:03.112Z");
        JsonNode frame = JSON.readTree(EventFrames.event(new BuildingEvent(BuildingEvent.REVISION_APPLIED, "acme",
                "tower", 7, Map.of("author", "alice", "origin", "node-a"), time)));
        assertEquals("event", frame.path("type").asText());
        assertEquals("revision/applied", frame.path("topic").asText());
        assertEquals("acme", frame.path("tenant").asText());
        assertEquals("tower", frame.path("buildingId").asText());
        assertEquals(7, frame.path("revision").asLong());
        assertEquals("node-a", frame.at("/attributes/origin").asText());
        assertEquals(time.toString(), frame.path("time").asText());
    }

    @Test
    void requestsAreReadWithTheirBuildings() throws Exception {
        EventFrames.Request subscribe = EventFrames.request("{\"type\":\"subscribe\",\"buildings\":[\"a\",\"*\"]}");
        assertTrue(subscribe.subscribe());
        assertEquals(List.of("a", "*"), subscribe.buildings());
        EventFrames.Request unsubscribe = EventFrames.request("{\"type\":\"unsubscribe\",\"buildings\":[\"a\"]}");
        assertFalse(unsubscribe.subscribe());
    }

    @Test
    void badRequestsNameTheirProblem() {
        assertTrue(problem("not json").startsWith("the frame is not JSON"), problem("not json"));
        assertTrue(problem("[1]").contains("JSON object"));
        assertTrue(problem("{\"type\":\"watch\",\"buildings\":[\"a\"]}").contains("'watch'"));
        assertTrue(problem("{\"type\":\"subscribe\"}").contains("'buildings'"));
        assertTrue(problem("{\"type\":\"subscribe\",\"buildings\":[]}").contains("non-empty"));
        assertTrue(problem("{\"type\":\"subscribe\",\"buildings\":[3]}").contains("3"));
    }

    private static String problem(String text) {
        return assertThrows(BadRequestException.class, () -> EventFrames.request(text)).getMessage();
    }
}
