package org.arxos.collab.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.arxos.api.collab.Acknowledgement;
import org.arxos.api.collab.AppliedOperation;
import org.arxos.api.collab.Member;
import org.arxos.api.collab.SessionError;
import org.arxos.api.collab.SessionListener;
import org.arxos.api.collab.Welcome;

/** Keeps what a session receives; waits (up to a generous limit, never asserting speed) for what a test expects. */
class RecordingListener implements SessionListener {

    private static final long WAIT_MILLIS = 20_000;

    final List<Welcome> welcomes = new CopyOnWriteArrayList<>();
    final List<AppliedOperation> applied = new CopyOnWriteArrayList<>();
    final List<Acknowledgement> acks = new CopyOnWriteArrayList<>();
    final List<Member> presences = new CopyOnWriteArrayList<>();
    final List<SessionError> errors = new CopyOnWriteArrayList<>();
    final List<String> closed = new CopyOnWriteArrayList<>();
    /** Acknowledgements ("ack 3", by sequence) and applied operations ("applied 5", by revision) as they came. */
    final List<String> order = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch gate;

    /** Makes {@link #applied} wait until the gate opens: a slow listener. */
    RecordingListener blockedUntil(CountDownLatch gate) {
        this.gate = gate;
        return this;
    }

    @Override
    public void welcome(Welcome welcome) {
        welcomes.add(welcome);
    }

    @Override
    public void applied(AppliedOperation operation) {
        CountDownLatch g = gate;
        if (g != null) {
            try {
                g.await(WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        applied.add(operation);
        order.add("applied " + operation.revision());
    }

    @Override
    public void acknowledged(Acknowledgement acknowledgement) {
        acks.add(acknowledgement);
        order.add("ack " + acknowledgement.sequence());
    }

    @Override
    public void presence(Member member) {
        presences.add(member);
    }

    @Override
    public void error(SessionError error) {
        errors.add(error);
    }

    @Override
    public void closed(String reason) {
        closed.add(reason);
    }

    Welcome welcome() {
        await(() -> !welcomes.isEmpty(), "a welcome");
        return welcomes.get(0);
    }

    Acknowledgement ack(long sequence) {
        await(() -> acks.stream().anyMatch(a -> a.sequence() == sequence), "the acknowledgement of #" + sequence);
        return acks.stream().filter(a -> a.sequence() == sequence).findFirst().orElseThrow();
    }

    void awaitApplied(int count) {
        await(() -> applied.size() >= count, count + " applied operations (have " + applied.size() + ")");
    }

    SessionError error(SessionError.Code code) {
        await(() -> errors.stream().anyMatch(e -> e.code() == code), "an error " + code + " (have " + errors + ")");
        return errors.stream().filter(e -> e.code() == code).findFirst().orElseThrow();
    }

    String awaitClosed() {
        await(() -> !closed.isEmpty(), "the session to close");
        return closed.get(0);
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("waited " + WAIT_MILLIS + " ms for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for " + what);
            }
        }
    }
}
