package org.arxos.http.internal.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

/**
 * The queue of one client, over a connection whose sends complete when the test says so: what a client that reads
 * slowly looks like to the server.
 */
class OutgoingFramesTest {

    /** A connection that holds every frame until {@link #complete()}. */
    static final class HeldConnection {
        final List<String> frames = new ArrayList<>();
        final List<SendHandler> pending = new ArrayList<>();
        CloseReason closed;
        /** What closing the connection sets off, as the endpoint's onClose would. */
        Runnable onClose = () -> { };

        final Session session = (Session) Proxy.newProxyInstance(Session.class.getClassLoader(),
                new Class<?>[] { Session.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getAsyncRemote" -> async();
                    case "isOpen" -> closed == null;
                    case "close" -> {
                        closed = (CloseReason) args[0];
                        onClose.run();
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });

        private RemoteEndpoint.Async async() {
            return (RemoteEndpoint.Async) Proxy.newProxyInstance(Session.class.getClassLoader(),
                    new Class<?>[] { RemoteEndpoint.Async.class }, (proxy, method, args) -> {
                        if (!method.getName().equals("sendText") || args.length != 2) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        frames.add((String) args[0]);
                        pending.add((SendHandler) args[1]);
                        return null;
                    });
        }

        /** The client has read the frame in flight. */
        void complete() {
            pending.remove(0).onResult(new SendResult());
        }
    }

    @Test
    void messagesQueuedWhileAFrameIsInFlightGoOutTogetherAsOneArray() {
        HeldConnection connection = new HeldConnection();
        OutgoingFrames frames = new OutgoingFrames(connection.session, "test", 100, 256, "messages");
        frames.send("{\"n\":1}");
        frames.send("{\"n\":2}");
        frames.send("{\"n\":3}");
        assertEquals(List.of("{\"n\":1}"), connection.frames);
        connection.complete();
        assertEquals(List.of("{\"n\":1}", "[{\"n\":2},{\"n\":3}]"), connection.frames);
        connection.complete();
        frames.send("{\"n\":4}");
        assertEquals("{\"n\":4}", connection.frames.get(2), "a message alone goes as itself");
    }

    @Test
    void queuedMessagesWaitForTheFlushAndLeaveInOneFrame() {
        HeldConnection connection = new HeldConnection();
        OutgoingFrames frames = new OutgoingFrames(connection.session, "test", 100, 256, "messages");
        frames.queue("{\"n\":1}");
        frames.queue("{\"n\":2}");
        assertEquals(List.of(), connection.frames, "nothing is sent before the flush");
        frames.flush();
        assertEquals(List.of("[{\"n\":1},{\"n\":2}]"), connection.frames);
        frames.queue("{\"n\":3}");
        frames.flush();
        assertEquals(1, connection.frames.size(), "a flush while a frame is on its way leaves the rest to it");
        connection.complete();
        assertEquals("{\"n\":3}", connection.frames.get(1));
    }

    @Test
    void aBatchHoldsAtMostTheConfiguredNumberOfMessages() {
        HeldConnection connection = new HeldConnection();
        OutgoingFrames frames = new OutgoingFrames(connection.session, "test", 100, 2, "messages");
        for (int i = 1; i <= 4; i++) {
            frames.send("{\"n\":" + i + "}");
        }
        connection.complete();
        connection.complete();
        assertEquals(List.of("{\"n\":1}", "[{\"n\":2},{\"n\":3}]", "{\"n\":4}"), connection.frames);
    }

    @Test
    void aRunLeavesAsAnArrayAndIsNeverSplitBetweenFrames() {
        HeldConnection connection = new HeldConnection();
        OutgoingFrames frames = new OutgoingFrames(connection.session, "test", 100, 3, "messages");
        frames.queue("{\"n\":1}");
        frames.queueRun("[{\"n\":2},{\"n\":3}]", 2);
        frames.queueRun("[{\"n\":4},{\"n\":5}]", 2);
        String longRun = "[{\"n\":6},{\"n\":7},{\"n\":8},{\"n\":9}]";
        frames.queueRun(longRun, 4);
        frames.queue("{\"n\":10}");
        frames.flush();
        connection.complete();
        connection.complete();
        connection.complete();
        assertEquals(List.of("[{\"n\":1},{\"n\":2},{\"n\":3}]", "[{\"n\":4},{\"n\":5}]",
                "[{\"n\":6},{\"n\":7},{\"n\":8},{\"n\":9}]", "{\"n\":10}"), connection.frames,
                "a run that does not fit waits for the next frame; one longer than a frame goes alone");
        assertSame(longRun, connection.frames.get(2), "a frame of one run is the run's text, not a copy");
    }

    @Test
    void aRunCountsAgainstTheQueueBoundMessageByMessage() {
        HeldConnection connection = new HeldConnection();
        OutgoingFrames frames = new OutgoingFrames(connection.session, "test", 3, 256, "messages");
        assertTrue(frames.queueRun("[{\"n\":1},{\"n\":2}]", 2));
        assertFalse(frames.queueRun("[{\"n\":3},{\"n\":4}]", 2));
        assertEquals("more than 3 messages waiting: reading too slowly", connection.closed.getReasonPhrase());
    }

    @Test
    void withABatchOfOneEveryMessageIsAFrameOfItsOwn() {
        HeldConnection connection = new HeldConnection();
        OutgoingFrames frames = new OutgoingFrames(connection.session, "test", 100, 1, "events");
        frames.send("{\"n\":1}");
        frames.send("{\"n\":2}");
        connection.complete();
        assertEquals(List.of("{\"n\":1}", "{\"n\":2}"), connection.frames);
    }

    @Test
    void aClientThatFallsFurtherBehindThanTheQueueIsClosedWithAReason() {
        HeldConnection connection = new HeldConnection();
        OutgoingFrames frames = new OutgoingFrames(connection.session, "test", 3, 256, "messages");
        assertTrue(frames.send("{\"n\":1}"));
        assertTrue(frames.send("{\"n\":2}"));
        assertTrue(frames.send("{\"n\":3}"));
        assertNull(connection.closed);
        assertFalse(frames.send("{\"n\":4}"));
        assertEquals(CloseReason.CloseCodes.TRY_AGAIN_LATER, connection.closed.getCloseCode());
        assertEquals("more than 3 messages waiting: reading too slowly", connection.closed.getReasonPhrase());
        assertTrue(frames.isClosed());
        assertFalse(frames.send("{\"n\":5}"));
    }

    @Test
    void closingAfterSendingSendsWhatIsQueuedFirst() {
        HeldConnection connection = new HeldConnection();
        OutgoingFrames frames = new OutgoingFrames(connection.session, "test", 100, 256, "messages");
        frames.send("{\"n\":1}");
        frames.send("{\"type\":\"closed\"}");
        frames.closeAfterSending(CloseReason.CloseCodes.GOING_AWAY, "bye");
        assertFalse(frames.send("{\"n\":2}"), "nothing is queued after the close");
        assertNull(connection.closed);
        connection.complete();
        assertEquals("{\"type\":\"closed\"}", connection.frames.get(1));
        assertNull(connection.closed, "closes once the last frame is sent");
        connection.complete();
        assertEquals(CloseReason.CloseCodes.GOING_AWAY, connection.closed.getCloseCode());
        assertEquals(2, connection.frames.size());
    }

    @Test
    void whatClosingOneClientSendsToAnotherOnTheSameThreadGoesOut() {
        HeldConnection leaving = new HeldConnection();
        HeldConnection staying = new HeldConnection();
        OutgoingFrames leavingFrames = new OutgoingFrames(leaving.session, "leaving", 100, 256, "messages");
        OutgoingFrames stayingFrames = new OutgoingFrames(staying.session, "staying", 100, 256, "messages");
        leaving.onClose = () -> stayingFrames.send("{\"type\":\"presence\",\"present\":false}");
        leavingFrames.send("{\"type\":\"closed\"}");
        leavingFrames.closeAfterSending(CloseReason.CloseCodes.GOING_AWAY, "bye");
        leaving.complete();
        assertEquals(CloseReason.CloseCodes.GOING_AWAY, leaving.closed.getCloseCode());
        assertEquals(List.of("{\"type\":\"presence\",\"present\":false}"), staying.frames);
    }

    @Test
    void closeReasonsAreCutToWhatACloseFrameCarriesAtACharacterBoundary() {
        String reason = "ü".repeat(100);
        String cut = OutgoingFrames.truncate(reason);
        assertEquals(61, cut.length());
        assertTrue(cut.getBytes(StandardCharsets.UTF_8).length <= OutgoingFrames.MAX_CLOSE_REASON_BYTES);
        assertEquals("short", OutgoingFrames.truncate("short"));
    }
}
