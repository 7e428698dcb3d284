package org.arxos.http.internal.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.arxos.api.collab.Conflict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The endpoint in a real Jetty WebSocket container, driven by real WebSocket clients, over an in-test host. */
class CollabEndpointTest {

    private CollabTestServer server;
    private OneBuildingCollaboration host;
    private final List<TestClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new CollabTestServer(CollabTestServer.limits());
        host = new OneBuildingCollaboration();
        server.servlet().bindCollaboration(host);
    }

    @AfterEach
    void stop() throws Exception {
        clients.forEach(TestClient::close);
        server.close();
    }

    private TestClient join(String token, String clientId) throws Exception {
        TestClient client = TestClient.connect(server.uri(OneBuildingCollaboration.BUILDING + "?client=" + clientId
                + "&since=-1"), token);
        clients.add(client);
        return client;
    }

    /** A client that joined and has taken its welcome. */
    private TestClient joined(String token, String clientId) throws Exception {
        TestClient client = join(token, clientId);
        client.next("welcome");
        return client;
    }

    static String op(long seq, long base, String changes) {
        return "{\"type\":\"op\",\"seq\":" + seq + ",\"ts\":{\"wall\":1795780800123,\"counter\":0},\"base\":" + base
                + ",\"changes\":" + changes + "}";
    }

    static String addFloor(String id) {
        return "[{\"op\":\"add\",\"object\":{\"id\":\"" + id + "\",\"type\":\"floor\",\"kind\":\"floor\","
                + "\"parent\":\"tower\",\"name\":\"Level " + id + "\"}}]";
    }

    @Test
    void aJoiningClientIsWelcomedWithTheBuildingAndWhoIsThere() throws Exception {
        TestClient alice = join(CollabTestServer.ALICE, "alice-1");
        JsonNode welcome = alice.next();
        assertEquals("welcome", welcome.path("type").asText());
        assertEquals(1, welcome.path("revision").asLong());
        assertEquals("lww", welcome.path("policy").asText());
        assertEquals("arxos.building", welcome.at("/snapshot/format").asText());
        assertEquals("tower", welcome.at("/snapshot/building/id").asText());
        assertEquals(0, welcome.path("catchUp").size());
        assertEquals("alice-1", welcome.at("/members/0/client").asText());
        assertEquals("EDITOR", welcome.at("/members/0/role").asText());
        assertFalse(alice.frames.get(0).contains("\n"), "a message is one line, its snapshot included");
    }

    @Test
    void anOperationIsAcknowledgedToItsClientAndAppliedAtTheOthersEncodedOnce() throws Exception {
        TestClient alice = joined(CollabTestServer.ALICE, "alice-1");
        TestClient bob = joined(CollabTestServer.BOB, "bob-1");
        TestClient victor = joined(CollabTestServer.VICTOR, "victor-1");
        long encodingsBefore = server.hub().encodings();

        alice.send(op(1, 1, addFloor("f1")));

        JsonNode ack = alice.next("ack");
        assertEquals(1, ack.path("seq").asLong());
        assertEquals(2, ack.path("revision").asLong());
        assertEquals(0, ack.path("rejected").size());
        for (TestClient other : List.of(bob, victor, alice)) {
            JsonNode applied = other.next("applied");
            assertEquals(2, applied.path("revision").asLong());
            assertEquals("alice-1", applied.path("client").asText());
            assertEquals(1, applied.path("seq").asLong());
            assertEquals(1795780800123L, applied.at("/ts/wall").asLong());
            assertEquals(1, applied.path("base").asLong());
            assertEquals("alice", applied.path("author").asText(), "the server sets the author");
            assertEquals("add", applied.at("/changes/0/op").asText());
            assertEquals("f1", applied.at("/changes/0/object/id").asText());
            assertFalse(applied.has("effect"), "the effect is left out when it is the operation's changes");
        }
        assertEquals(encodingsBefore + 1, server.hub().encodings(), "one encoding for the three sessions");
    }

    @Test
    void aRejectedChangeIsReportedInTheAcknowledgementWithItsRule() throws Exception {
        TestClient alice = joined(CollabTestServer.ALICE, "alice-1");
        alice.send(op(1, 1, "[{\"op\":\"remove\",\"id\":\"nowhere\"}]"));
        JsonNode ack = alice.next("ack");
        assertEquals(1, ack.path("seq").asLong());
        assertEquals(0, ack.at("/rejected/0/index").asInt());
        assertEquals("nowhere", ack.at("/rejected/0/target").asText());
        assertEquals("UNKNOWN_ID", ack.at("/rejected/0/rule").asText());
    }

    @Test
    void presenceReachesTheOtherMembers() throws Exception {
        TestClient alice = joined(CollabTestServer.ALICE, "alice-1");
        TestClient bob = joined(CollabTestServer.BOB, "bob-1");
        JsonNode joined = alice.next("presence");
        assertEquals("bob-1", joined.at("/member/client").asText());
        assertTrue(joined.at("/member/present").asBoolean());

        alice.send("{\"type\":\"presence\",\"selection\":[\"tower\"],\"floor\":\"f1\",\"viewport\":[0,0,12.5,8]}");
        JsonNode seen = bob.next("presence");
        assertEquals("alice-1", seen.at("/member/client").asText());
        assertEquals("alice", seen.at("/member/user").asText());
        assertEquals("tower", seen.at("/member/selection/0").asText());
        assertEquals("f1", seen.at("/member/floor").asText());
        assertEquals(12.5, seen.at("/member/viewport/2").asDouble());

        bob.close();
        JsonNode left = alice.next(m -> m.path("type").asText().equals("presence")
                && !m.at("/member/present").asBoolean(), "bob leaving");
        assertEquals("bob-1", left.at("/member/client").asText());
    }

    @Test
    void aMalformedFrameIsAnsweredWithAnErrorToThatClientOnlyAndTheSessionStaysOpen() throws Exception {
        TestClient alice = joined(CollabTestServer.ALICE, "alice-1");
        TestClient bob = joined(CollabTestServer.BOB, "bob-1");

        alice.send("{\"type\":\"op\",\"seq\":");
        JsonNode notJson = alice.next("error");
        assertEquals("MALFORMED", notJson.path("code").asText());
        assertTrue(notJson.path("message").asText().startsWith("not JSON"), notJson.toString());

        alice.send(op(7, 1, "[{\"op\":\"teleport\",\"id\":\"tower\"}]"));
        JsonNode badChange = alice.next("error");
        assertEquals("MALFORMED", badChange.path("code").asText());
        assertEquals(7, badChange.path("seq").asLong());
        assertTrue(badChange.path("message").asText().contains("'changes[0].op'"), badChange.toString());
        assertTrue(badChange.path("message").asText().contains("teleport"), badChange.toString());

        alice.send("{\"type\":\"ping\",\"id\":\"still-here\"}");
        assertEquals("still-here", alice.next("pong").path("id").asText());

        bob.send("{\"type\":\"ping\",\"id\":1}");
        JsonNode first = bob.next(m -> !m.path("type").asText().equals("presence"), "bob's next message");
        assertEquals("pong", first.path("type").asText(), "bob hears nothing of alice's errors: " + first);
        assertEquals(1, host.stats().sessions() - 1, "both sessions still joined");
    }

    @Test
    void aMessageOverTheLimitIsRefusedWithTooLargeAndAFrameOverTheRuntimeLimitClosesWith1009() throws Exception {
        TestClient alice = joined(CollabTestServer.ALICE, "alice-1");
        String padding = "x".repeat(CollabTestServer.limits().maxMessageBytes());
        alice.send("{\"type\":\"ping\",\"id\":\"" + padding + "\"}");
        JsonNode tooLarge = alice.next("error");
        assertEquals("TOO_LARGE", tooLarge.path("code").asText());
        assertTrue(tooLarge.path("message").asText().contains(String.valueOf(CollabTestServer.limits()
                .maxMessageBytes())), tooLarge.toString());
        alice.send("{\"type\":\"ping\",\"id\":2}");
        assertEquals(2, alice.next("pong").path("id").asInt());

        alice.send("{\"type\":\"ping\",\"id\":\"" + "x".repeat(CollabTestServer.limits().maxFrameBytes()) + "\"}");
        assertTrue(alice.awaitClose().startsWith("1009"), alice.closed.get());
    }

    @Test
    void pingIsAnsweredWithItsId() throws Exception {
        TestClient alice = joined(CollabTestServer.ALICE, "alice-1");
        alice.send("{\"type\":\"ping\",\"id\":{\"sent\":123}}");
        assertEquals(123, alice.next("pong").at("/id/sent").asInt());
    }

    @Test
    void errorsOfTheHostReachTheClientThatCausedThem() throws Exception {
        TestClient victor = joined(CollabTestServer.VICTOR, "victor-1");
        victor.send(op(1, 1, addFloor("f9")));
        JsonNode forbidden = victor.next("error");
        assertEquals("FORBIDDEN", forbidden.path("code").asText());
        assertEquals(1, forbidden.path("seq").asLong());
        victor.send("{\"type\":\"undo\"}");
        assertEquals("NOTHING_TO_UNDO", victor.next("error").path("code").asText());
    }

    @Test
    void parkedConflictsAreListedOnRequest() throws Exception {
        host.park(new Conflict("tower", "name", Conflict.Outcome.PARKED,
                new Conflict.AuthoredValue("Tower A", "alice", "alice-1#3"),
                new Conflict.AuthoredValue("Tower B", "bob", "bob-1#5")));
        TestClient alice = joined(CollabTestServer.ALICE, "alice-1");
        alice.send("{\"type\":\"parked\"}");
        JsonNode parked = alice.next("parked");
        assertEquals("tower", parked.at("/conflicts/0/target").asText());
        assertEquals("PARKED", parked.at("/conflicts/0/outcome").asText());
        assertEquals("Tower B", parked.at("/conflicts/0/overwritten/value").asText());
        assertEquals("bob-1#5", parked.at("/conflicts/0/overwritten/operation").asText());
    }

    @Test
    void aReconnectingClientCatchesUpFromItsLastRevision() throws Exception {
        TestClient alice = joined(CollabTestServer.ALICE, "alice-1");
        alice.send(op(1, 1, addFloor("f1")));
        alice.send(op(2, 2, addFloor("f2")));
        alice.next(m -> m.path("type").asText().equals("ack") && m.path("seq").asLong() == 2, "the second ack");

        TestClient bob = TestClient.connect(server.uri("tower?client=bob-1&since=2"), CollabTestServer.BOB);
        clients.add(bob);
        JsonNode welcome = bob.next("welcome");
        assertTrue(welcome.path("snapshot").isNull());
        assertEquals(3, welcome.path("revision").asLong());
        assertEquals(1, welcome.path("catchUp").size());
        assertEquals(3, welcome.at("/catchUp/0/revision").asLong());
        assertEquals("f2", welcome.at("/catchUp/0/changes/0/object/id").asText());
    }

    @Test
    void aConnectionWithoutAValidUserIsRefusedWithTheReason() throws Exception {
        TestClient anonymous = TestClient.connect(server.uri("tower?client=x-1"), null);
        clients.add(anonymous);
        assertEquals("closed", anonymous.next().path("type").asText());
        assertTrue(anonymous.awaitClose().startsWith("1008 missing bearer token"), anonymous.closed.get());

        TestClient forged = TestClient.connect(server.uri("tower?client=x-1"), "not-a-token");
        clients.add(forged);
        assertEquals("1008 invalid or expired bearer token", forged.awaitClose());
    }

    @Test
    void anUnknownOrHiddenBuildingIsRefusedAlike() throws Exception {
        TestClient unknown = TestClient.connect(server.uri("atlantis?client=alice-1"), CollabTestServer.ALICE);
        clients.add(unknown);
        assertEquals("1008 unknown building 'atlantis'", unknown.awaitClose());
        TestClient otherTenant = TestClient.connect(server.uri("tower?client=gina-1"), CollabTestServer.GLOBEX);
        clients.add(otherTenant);
        assertEquals("1008 unknown building 'tower'", otherTenant.awaitClose());
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() throws Exception {
        TestClient noClient = TestClient.connect(server.uri("tower"), CollabTestServer.ALICE);
        clients.add(noClient);
        assertTrue(noClient.awaitClose().startsWith("1008 missing client id"), noClient.closed.get());
        TestClient badSince = TestClient.connect(server.uri("tower?client=alice-1&since=yesterday"),
                CollabTestServer.ALICE);
        clients.add(badSince);
        assertTrue(badSince.awaitClose().startsWith("1008 'since'"), badSince.closed.get());
        TestClient future = TestClient.connect(server.uri("tower?client=alice-1&since=99"), CollabTestServer.ALICE);
        clients.add(future);
        assertTrue(future.awaitClose().contains("in the future"), future.closed.get());
    }

    @Test
    void withoutACollaborationServiceConnectionsAreRefusedUntilOneAppears() throws Exception {
        server.servlet().unbindCollaboration(host);
        TestClient early = join(CollabTestServer.ALICE, "alice-1");
        JsonNode closed = early.next();
        assertEquals("closed", closed.path("type").asText());
        assertTrue(closed.path("reason").asText().contains("collaboration is not running"), closed.toString());
        assertTrue(early.awaitClose().startsWith("1013"), early.closed.get());

        server.servlet().bindCollaboration(host);
        assertEquals("welcome", join(CollabTestServer.ALICE, "alice-2").next().path("type").asText());
    }

    @Test
    void theHostEndingASessionTellsTheClientWhyAndCloses() throws Exception {
        TestClient first = joined(CollabTestServer.ALICE, "alice-1");
        TestClient again = joined(CollabTestServer.ALICE, "alice-1");
        assertEquals("the same client joined again", first.next("closed").path("reason").asText());
        assertTrue(first.awaitClose().startsWith("1001"), first.closed.get());
    }

    @Test
    void aPlainHttpRequestIsToldToUpgrade() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.http(
                "/ws/collab/tower")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(426, response.statusCode());
        assertTrue(response.body().contains("/ws/collab/<buildingId> is a WebSocket endpoint"), response.body());
    }
}
