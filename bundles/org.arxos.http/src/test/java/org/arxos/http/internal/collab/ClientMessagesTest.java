package org.arxos.http.internal.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.arxos.api.collab.Operation;
import org.arxos.api.collab.Presence;
import org.arxos.model.Change;
import org.arxos.model.PropertyValue;
import org.arxos.model.geometry.Bounds;
import org.junit.jupiter.api.Test;

class ClientMessagesTest {

    private static ClientMessage read(String text) throws MalformedMessageException {
        return ClientMessages.read(text, "alice-1", "alice", 3);
    }

    private static MalformedMessageException problem(String text) {
        return assertThrows(MalformedMessageException.class, () -> read(text));
    }

    @Test
    void anOperationIsReadWithItsCausalMetadataAndTheChangesOfTheNativeFormat() throws Exception {
        Operation op = assertInstanceOf(ClientMessage.Submit.class, read("{\"type\":\"op\",\"seq\":42,"
                + "\"ts\":{\"wall\":1795780800123,\"counter\":2},\"base\":1180,\"observed\":{\"bob-1\":7},"
                + "\"changes\":[{\"op\":\"set\",\"id\":\"ahu-3\",\"name\":\"power\",\"value\":{\"number\":40,"
                + "\"unit\":\"W\"}},{\"op\":\"rename\",\"id\":\"ahu-3\",\"name\":\"AHU 3\"}],\"message\":\"tune\"}"))
                .operation();
        assertEquals("alice-1", op.clientId());
        assertEquals(42, op.sequence());
        assertEquals(1795780800123L, op.timestamp().wallMillis());
        assertEquals(2, op.timestamp().counter());
        assertEquals("alice-1", op.timestamp().clientId());
        assertEquals(1180, op.baseRevision());
        assertEquals(7, op.observed().sequenceOf("bob-1"));
        assertEquals("alice", op.changes().author(), "the author is the authenticated user");
        assertEquals("tune", op.changes().message());
        assertEquals(List.of(new Change.SetProperty("ahu-3", "power", PropertyValue.of(40, "W")),
                new Change.Rename("ahu-3", "AHU 3")), op.changes().changes());
    }

    @Test
    void presenceIsReadWithItsOptionalFloorAndViewport() throws Exception {
        Presence full = assertInstanceOf(ClientMessage.PresenceUpdate.class, read("{\"type\":\"presence\","
                + "\"selection\":[\"ahu-3\"],\"floor\":\"floor-1\",\"viewport\":[0,1,10.5,20]}")).presence();
        assertEquals(new Presence(List.of("ahu-3"), "floor-1", new Bounds(0, 1, 10.5f, 20)), full);
        Presence bare = assertInstanceOf(ClientMessage.PresenceUpdate.class, read("{\"type\":\"presence\","
                + "\"selection\":[]}")).presence();
        assertEquals(Presence.NONE, bare);
    }

    @Test
    void theMessagesWithoutFieldsAndPingAreRead() throws Exception {
        assertInstanceOf(ClientMessage.Undo.class, read("{\"type\":\"undo\"}"));
        assertInstanceOf(ClientMessage.Redo.class, read("{\"type\":\"redo\"}"));
        assertInstanceOf(ClientMessage.ListParked.class, read("{\"type\":\"parked\"}"));
        assertEquals("x", assertInstanceOf(ClientMessage.Ping.class, read("{\"type\":\"ping\",\"id\":\"x\"}")).id()
                .asText());
        assertNull(assertInstanceOf(ClientMessage.Ping.class, read("{\"type\":\"ping\"}")).id());
    }

    @Test
    void aFrameThatIsNotAMessageSaysWhyAndWhere() {
        assertTrue(problem("{\"type\":").getMessage().startsWith("not JSON:"));
        assertTrue(problem("[1]").getMessage().contains("JSON object"));
        assertTrue(problem("{\"seq\":1}").getMessage().contains("'type' is missing"));
        MalformedMessageException unknownType = problem("{\"type\":\"teleport\"}");
        assertTrue(unknownType.getMessage().contains("'teleport' (column 9)"), unknownType.getMessage());
        assertTrue(problem("{\"type\":\"undo\",\"why\":1}").getMessage().contains("unknown field 'why'"));
        assertTrue(problem("{\"type\":\"undo\",\"type\":\"redo\"}").getMessage().contains("given twice"));
        assertTrue(problem("{\"type\":\"undo\"} {}").getMessage().contains("after the message"));
    }

    @Test
    void aBadOperationNamesTheFieldAndCarriesItsSequence() {
        String ts = "\"ts\":{\"wall\":1,\"counter\":0}";
        MalformedMessageException seq = problem("{\"type\":\"op\",\"seq\":0," + ts + ",\"base\":0,\"changes\":[]}");
        assertTrue(seq.getMessage().contains("'seq' must be a whole number from 1"), seq.getMessage());
        MalformedMessageException base = problem("{\"type\":\"op\",\"seq\":5," + ts + ",\"changes\":[]}");
        assertEquals("'base' is missing", base.getMessage());
        assertEquals(5, base.sequence());
        assertTrue(problem("{\"type\":\"op\",\"seq\":5,\"ts\":{\"wall\":-1,\"counter\":0},\"base\":0,"
                + "\"changes\":[]}").getMessage().contains("'ts.wall'"));
        assertTrue(problem("{\"type\":\"op\",\"seq\":5," + ts + ",\"base\":0,\"observed\":{\"b\":\"x\"},"
                + "\"changes\":[]}").getMessage().contains("'observed.b'"));
        assertTrue(problem("{\"type\":\"op\",\"seq\":5," + ts + ",\"base\":0,\"changes\":{}}").getMessage()
                .contains("'changes' must be an array"));
        assertTrue(problem("{\"type\":\"op\",\"seq\":5," + ts + ",\"base\":0,\"changes\":[],\"author\":\"eve\"}")
                .getMessage().contains("unknown field 'author'"), "the author cannot be chosen by the client");
    }

    @Test
    void aBadChangeIsNamedWithItsPositionInTheFrame() {
        String frame = "{\"type\":\"op\",\"seq\":9,\"ts\":{\"wall\":1,\"counter\":0},\"base\":0,\"changes\":["
                + "{\"op\":\"remove\",\"id\":\"a\"},{\"op\":\"move\",\"id\":\"b\"}]}";
        MalformedMessageException e = problem(frame);
        assertTrue(e.getMessage().startsWith("'changes[1]"), e.getMessage());
        assertTrue(e.getMessage().contains("parent"), e.getMessage());
        assertEquals(9, e.sequence());
        int column = Integer.parseInt(e.getMessage().replaceAll(".*\\(column (\\d+)\\).*", "$1"));
        int second = frame.indexOf("{\"op\":\"move\"");
        assertTrue(column > second && column <= frame.length(), "column " + column + " lies in the second change, "
                + "which starts at " + (second + 1) + ": " + e.getMessage());

        String multiLine = "{\"type\":\"op\",\"seq\":9,\n\"ts\":{\"wall\":1,\"counter\":0},\"base\":0,\n\"changes\":["
                + "{\"op\":\"fly\",\"id\":\"a\"}]}";
        assertTrue(problem(multiLine).getMessage().contains("on line 3"), problem(multiLine).getMessage());
    }

    @Test
    void anOperationWithMoreChangesThanTheLimitIsRefusedNamingTheLimit() {
        String change = "{\"op\":\"remove\",\"id\":\"a\"}";
        MalformedMessageException e = problem("{\"type\":\"op\",\"seq\":1,\"ts\":{\"wall\":1,\"counter\":0},"
                + "\"base\":0,\"changes\":[" + String.join(",", List.of(change, change, change, change)) + "]}");
        assertTrue(e.getMessage().contains("more than 3 changes"), e.getMessage());
    }

    @Test
    void aBadPresenceNamesTheField() {
        assertTrue(problem("{\"type\":\"presence\",\"selection\":\"a\"}").getMessage().contains("'selection'"));
        assertTrue(problem("{\"type\":\"presence\",\"selection\":[1]}").getMessage().contains("'selection'"));
        assertTrue(problem("{\"type\":\"presence\",\"floor\":3}").getMessage().contains("'floor'"));
        assertTrue(problem("{\"type\":\"presence\",\"viewport\":[1,2,3]}").getMessage().contains("'viewport'"));
        assertTrue(problem("{\"type\":\"presence\",\"viewport\":[5,0,1,1]}").getMessage()
                .contains("min must not exceed max"));
    }
}
