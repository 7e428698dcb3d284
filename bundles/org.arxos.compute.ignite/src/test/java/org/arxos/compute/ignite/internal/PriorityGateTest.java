package org.arxos.compute.ignite.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class PriorityGateTest {

    @Test
    void aHighPriorityCallWaitingBehindLowOnesGoesInFirst() {
        PriorityGate gate = new PriorityGate(1);
        assertTrue(gate.enter(0, 1).isDone(), "a free gate admits at once");
        List<String> admitted = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String name = "low-" + i;
            gate.enter(0, 1).thenRun(() -> admitted.add(name));
        }
        gate.enter(5, 1).thenRun(() -> admitted.add("high"));
        assertEquals(101, gate.waitingTasks());

        gate.leave();
        assertEquals(List.of("high"), admitted);
        gate.leave();
        gate.leave();
        assertEquals(List.of("high", "low-0", "low-1"), admitted, "in arrival order within a priority");
    }

    @Test
    void aCallThatGaveUpWaitingPassesItsPermitOn() {
        PriorityGate gate = new PriorityGate(1);
        gate.enter(0, 3);
        CompletableFuture<Void> givesUp = gate.enter(0, 3);
        CompletableFuture<Void> next = gate.enter(0, 2);
        givesUp.cancel(false);

        gate.leave();
        assertTrue(next.isDone());
        assertFalse(givesUp.complete(null));
        assertEquals(0, gate.waitingTasks());
    }
}
