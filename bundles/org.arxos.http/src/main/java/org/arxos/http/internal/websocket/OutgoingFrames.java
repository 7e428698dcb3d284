package org.arxos.http.internal.websocket;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

/**
 * The messages on their way to one WebSocket client, sent one frame at a time in order. Messages wait in a queue
 * bounded by configuration; a client that lets more pile up is disconnected with a reason, never allowed to hold the
 * sender or grow the heap. With a batch size above 1, the messages that queued up while a frame was being sent go out
 * together as one frame holding a JSON array of them. A sender may also queue a run of messages as one JSON array,
 * encoded once for many clients: a frame that holds only the run is that very text; a run is never split between
 * frames.
 */
public final class OutgoingFrames {

    /** The longest close reason the WebSocket protocol carries, in UTF-8 bytes. */
    public static final int MAX_CLOSE_REASON_BYTES = 123;

    private static final Logger LOG = LoggerFactory.getLogger(OutgoingFrames.class);
    /**
     * The queue this thread is sending, so that a completion that runs inside sendText does not recurse into it. Per
     * queue: closing one client can make the host send to others (a member left) on the same thread.
     */
    private static final ThreadLocal<OutgoingFrames> DRAINING = new ThreadLocal<>();

    private final Session session;
    private final String client;
    private final int maxQueued;
    private final int maxBatch;
    private final String what;
    /**
     * A message (a JSON object) or a run of them (a JSON array).
     *
     * @param messages how many messages it holds
     */
    private record Queued(String text, int messages, boolean run) {
    }

    private final Queue<Queued> queue = new ConcurrentLinkedQueue<>();
    /** Taken from the queue but left for the next frame; only the thread that holds {@link #sending} uses it. */
    private Queued carried;
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicReference<CloseReason> closeWhenSent = new AtomicReference<>();

    /**
     * @param client    who the client is, for the log
     * @param maxQueued the most messages waiting before the client is disconnected
     * @param maxBatch  the most messages in one frame; 1 sends every message in a frame of its own
     * @param what      what the messages are, plural, for the reason of a disconnect ("events")
     */
    public OutgoingFrames(Session session, String client, int maxQueued, int maxBatch, String what) {
        if (maxQueued < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("a client's queue holds at least 1 message and a frame at least 1");
        }
        this.session = session;
        this.client = client;
        this.maxQueued = maxQueued;
        this.maxBatch = maxBatch;
        this.what = what;
    }

    /**
     * Queues one message (a JSON object) and sends what is queued unless a frame is on its way; {@code false} when the
     * client is closed or was just closed as too slow.
     */
    public boolean send(String message) {
        if (!queue(message)) {
            return false;
        }
        drain();
        return true;
    }

    /**
     * Queues one message without sending it yet: a sender with several messages at hand queues them all, then
     * {@linkplain #flush() flushes}, so that they leave in one frame. {@code false} as {@link #send}.
     */
    public boolean queue(String message) {
        return enqueue(new Queued(message, 1, false));
    }

    /**
     * Queues a run of {@code count} messages given as one JSON array, without sending it yet (see {@link #queue}); it
     * leaves in one frame and counts message by message against the queue bound. {@code false} as {@link #send}.
     */
    public boolean queueRun(String array, int count) {
        if (count < 1 || !array.startsWith("[") || !array.endsWith("]")) {
            throw new IllegalArgumentException("a run is a JSON array of at least 1 message");
        }
        return enqueue(new Queued(array, count, true));
    }

    private boolean enqueue(Queued next) {
        int count = next.messages();
        if (closed.get() || closeWhenSent.get() != null) {
            return false;
        }
        if (queued.addAndGet(count) > maxQueued) {
            close(CloseReason.CloseCodes.TRY_AGAIN_LATER, "more than " + maxQueued + " " + what
                    + " waiting: reading too slowly");
            return false;
        }
        queue.add(next);
        return true;
    }

    /** Sends what is queued, unless a frame is on its way (its completion sends the rest). */
    public void flush() {
        drain();
    }

    /** Sends what is queued, then closes; later messages are dropped. */
    public void closeAfterSending(CloseReason.CloseCode code, String reason) {
        if (closeWhenSent.compareAndSet(null, new CloseReason(code, truncate(reason)))) {
            drain();
        }
    }

    private void drain() {
        OutgoingFrames outer = DRAINING.get();
        if (outer == this) {
            return; // the loop below, further up this thread's stack, sends the next one
        }
        DRAINING.set(this);
        try {
            while (!closed.get() && sending.compareAndSet(false, true)) {
                Queued frame = nextFrame();
                if (frame != null) {
                    session.getAsyncRemote().sendText(frame.text(), result -> sent(result, frame.messages()));
                    continue; // the completion releases 'sending'; when it ran inline, the next frame goes now
                }
                CloseReason last = closeWhenSent.get();
                if (last != null) {
                    close(last.getCloseCode(), last.getReasonPhrase()); // nothing in flight, nothing queued
                    return;
                }
                sending.set(false);
                // a message or a close that came after nextFrame() found 'sending' held and left it to this loop
                if (queue.isEmpty() && closeWhenSent.get() == null) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("Sending to {} failed: {}", client, e.toString());
            close(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "could not send");
        } finally {
            DRAINING.set(outer);
        }
    }

    /**
     * The next frame, or {@code null} when nothing is queued: at most {@code maxBatch} messages, or one run that is
     * longer. A run that would make the frame too long is carried over to the next.
     */
    private Queued nextFrame() {
        List<Queued> batch = new ArrayList<>(Math.min(maxBatch, 16));
        int messages = 0;
        Queued next = carried != null ? carried : queue.poll();
        carried = null;
        while (next != null) {
            if (messages > 0 && messages + next.messages() > maxBatch) {
                carried = next;
                break;
            }
            batch.add(next);
            messages += next.messages();
            next = messages < maxBatch ? queue.poll() : null;
        }
        return switch (batch.size()) {
            case 0 -> null;
            case 1 -> batch.get(0);
            default -> new Queued(array(batch), messages, true);
        };
    }

    /** The queued messages and runs as one JSON array. */
    private static String array(List<Queued> batch) {
        int length = batch.size() + 1;
        for (Queued queued : batch) {
            length += queued.text().length();
        }
        StringBuilder array = new StringBuilder(length).append('[');
        for (int i = 0; i < batch.size(); i++) {
            if (i > 0) {
                array.append(',');
            }
            Queued next = batch.get(i);
            if (next.run()) {
                array.append(next.text(), 1, next.text().length() - 1);
            } else {
                array.append(next.text());
            }
        }
        return array.append(']').toString();
    }

    private void sent(SendResult result, int count) {
        queued.addAndGet(-count);
        sending.set(false);
        if (result.isOK()) {
            drain();
        } else {
            LOG.debug("Sending to {} failed: {}", client, String.valueOf(result.getException()));
            close(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "send failed");
        }
    }

    /** Closes at once, dropping what is queued. Idempotent. */
    public void close(CloseReason.CloseCode code, String reason) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        queue.clear(); // 'carried' may hold one more: nothing is sent once closed
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(code, truncate(reason)));
            }
        } catch (IOException | IllegalStateException e) {
            LOG.debug("Closing the connection of {}: {}", client, e.toString());
        }
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** {@code reason} cut to what a close frame carries, at a character boundary. */
    public static String truncate(String reason) {
        byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_CLOSE_REASON_BYTES) {
            return reason;
        }
        int end = MAX_CLOSE_REASON_BYTES;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--; // back to the first byte of the character that does not fit
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }
}
