package org.arxos.http.internal.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.arxos.api.collab.Acknowledgement;
import org.arxos.api.collab.AppliedOperation;
import org.arxos.api.collab.Conflict;
import org.arxos.api.collab.HybridTimestamp;
import org.arxos.api.collab.Member;
import org.arxos.api.collab.Operation;
import org.arxos.api.collab.Presence;
import org.arxos.api.collab.SessionError;
import org.arxos.api.collab.VersionVector;
import org.arxos.api.collab.Welcome;
import org.arxos.api.security.Role;
import org.arxos.io.json.BuildingJson;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.PropertyValue;
import org.arxos.model.Rule;
import org.arxos.model.Violation;
import org.arxos.model.geometry.Bounds;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ServerMessagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final ChangeSet SENT = new ChangeSet("alice", "tune", List.of(
            new Change.SetProperty("ahu-3", "power", PropertyValue.of(40.5, "W")),
            new Change.MoveObject("ahu-3", "floor-2")));
    private static final Operation OPERATION = new Operation("alice-1", 42,
            new HybridTimestamp(1795780800123L, 1, "alice-1"), 1180, new VersionVector(Map.of("bob-1", 7L)), SENT);

    private static JsonNode parse(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void anAppliedOperationCarriesItsMetadataAndTheChangesInTheNativeFormat() throws Exception {
        String message = ServerMessages.applied(new AppliedOperation(1181, OPERATION, SENT));
        assertFalse(message.contains("\n"), "one line: " + message);
        JsonNode applied = parse(message);
        assertEquals("applied", applied.path("type").asText());
        assertEquals(1181, applied.path("revision").asLong());
        assertEquals("alice-1", applied.path("client").asText());
        assertEquals(42, applied.path("seq").asLong());
        assertEquals(1795780800123L, applied.at("/ts/wall").asLong());
        assertEquals(1, applied.at("/ts/counter").asInt());
        assertEquals(1180, applied.path("base").asLong());
        assertEquals(7, applied.at("/observed/bob-1").asLong());
        assertEquals("alice", applied.path("author").asText());
        assertEquals("tune", applied.path("message").asText());
        assertFalse(applied.has("effect"));
        String document = "{\"format\":\"arxos.changes\",\"version\":1,\"changes\":" + applied.path("changes") + "}";
        assertEquals(SENT.changes(), BuildingJson.readChanges(new ByteArrayInputStream(document.getBytes(
                StandardCharsets.UTF_8)), "test", 10).changes().changes(), "the changes read back as they were");
    }

    @Test
    void anEffectOtherThanTheBroadcastIsSentBesideIt() throws Exception {
        ChangeSet effect = new ChangeSet("alice", "tune", List.of(SENT.changes().get(0)));
        JsonNode applied = parse(ServerMessages.applied(new AppliedOperation(1181, OPERATION, effect)));
        assertEquals(2, applied.path("changes").size());
        assertEquals(1, applied.path("effect").size());
        assertEquals("set", applied.at("/effect/0/op").asText());
        assertEquals(40.5, applied.at("/effect/0/value/number").asDouble());
    }

    @Test
    void aWelcomeHoldsItsCatchUpAsEncodedAndItsMembers() throws Exception {
        AppliedOperation caughtUp = new AppliedOperation(1181, OPERATION, SENT);
        Member bob = new Member("bob-1", "bob", Role.EDITOR, new Presence(List.of("ahu-3"), "floor-1",
                new Bounds(0, 0, 12.5f, 0.1f)), true);
        JsonNode welcome = parse(ServerMessages.welcome(new Welcome(1181, "crdt", null, List.of(caughtUp),
                List.of(bob)), a -> "{\"type\":\"applied\",\"revision\":" + a.revision() + "}"));
        assertTrue(welcome.path("snapshot").isNull());
        assertEquals(1181, welcome.at("/catchUp/0/revision").asLong());
        assertEquals("crdt", welcome.path("policy").asText());
        assertEquals("bob-1", welcome.at("/members/0/client").asText());
        assertEquals("EDITOR", welcome.at("/members/0/role").asText());
        assertEquals(12.5, welcome.at("/members/0/viewport/2").asDouble());
        assertEquals(0.1, welcome.at("/members/0/viewport/3").asDouble(), 0.0, "a float in its shortest form, "
                + "not widened to 0.10000000149011612");
    }

    @Test
    void anAcknowledgementListsRejectedChangesAndConflicts() throws Exception {
        Conflict conflict = new Conflict("ahu-3", "name", Conflict.Outcome.OVERWRITTEN,
                new Conflict.AuthoredValue("AHU 3", "alice", "alice-1#42"),
                new Conflict.AuthoredValue(null, "bob", "bob-1#7"));
        JsonNode ack = parse(ServerMessages.acknowledged(new Acknowledgement("alice-1", 42, 1181, List.of(
                new Violation(1, "ahu-3", Rule.UNKNOWN_PARENT, "no floor-2")), List.of(conflict))));
        assertEquals("alice-1", ack.path("client").asText());
        assertEquals(42, ack.path("seq").asLong());
        assertEquals(1, ack.at("/rejected/0/index").asInt());
        assertEquals("UNKNOWN_PARENT", ack.at("/rejected/0/rule").asText());
        assertEquals("no floor-2", ack.at("/rejected/0/message").asText());
        assertEquals("OVERWRITTEN", ack.at("/conflicts/0/outcome").asText());
        assertEquals("alice-1#42", ack.at("/conflicts/0/kept/operation").asText());
        assertTrue(ack.at("/conflicts/0/overwritten/value").isNull());
        assertEquals(conflict.message(), ack.at("/conflicts/0/message").asText());
    }

    @Test
    void errorsPongsAndClosesAreSmallObjects() throws Exception {
        JsonNode error = parse(ServerMessages.error(new SessionError(SessionError.Code.RATE_LIMITED, "slow down", 3)));
        assertEquals("{\"type\":\"error\",\"code\":\"RATE_LIMITED\",\"message\":\"slow down\",\"seq\":3}",
                error.toString());
        assertEquals("{\"type\":\"pong\",\"id\":null}", ServerMessages.pong(null));
        assertEquals("{\"type\":\"closed\",\"reason\":\"bye\"}", ServerMessages.closed("bye"));
    }
}
