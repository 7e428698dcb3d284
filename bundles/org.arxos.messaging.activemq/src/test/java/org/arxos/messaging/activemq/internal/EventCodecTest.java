package org.arxos.messaging.activemq.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;

import org.arxos.api.event.BuildingEvent;
import org.arxos.api.event.EventBridge;
import org.arxos.messaging.activemq.internal.EventCodec.UnreadableEventException;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    @Test
    void anEventComesBackWithItsOriginAsAnAttribute() throws Exception {
        BuildingEvent event = new BuildingEvent(BuildingEvent.REVISION_APPLIED, "acme", "tower", 42,
                Map.of("author", "alice"), Instant.parse("2026-11-27T21:50:03.112Z"));
        EventCodec.Received received = EventCodec.decode(EventCodec.encode("node-a", event));
        assertEquals("node-a", received.origin());
        assertEquals(new BuildingEvent(event.topic(), event.tenant(), event.buildingId(), event.revision(),
                Map.of("author", "alice", EventBridge.ORIGIN, "node-a"), event.time()), received.event());
    }

    @Test
    void unreadableMessagesNameWhatIsWrong() {
        assertTrue(problem("{").startsWith("not JSON"), problem("{"));
        assertTrue(problem("[]").contains("not a JSON object"));
        assertTrue(problem("{\"topic\":\"t\"}").contains("'origin'"));
        String noTime = "{\"origin\":\"a\",\"topic\":\"t\",\"tenant\":\"x\",\"buildingId\":\"b\",\"revision\":1,"
                + "\"time\":\"yesterday\"}";
        assertTrue(problem(noTime).contains("'time'"), problem(noTime));
        String javaObject = "{\"origin\":\"a\",\"topic\":\"t\",\"tenant\":\"x\",\"buildingId\":\"b\",\"revision\":"
                + "{\"@class\":\"java.io.File\"},\"time\":\"2026-11-27T21:50:03Z\"}";
        assertTrue(problem(javaObject).contains("'revision'"), problem(javaObject));
    }

    private static String problem(String json) {
        return assertThrows(UnreadableEventException.class, () -> EventCodec.decode(json)).getMessage();
    }
}
