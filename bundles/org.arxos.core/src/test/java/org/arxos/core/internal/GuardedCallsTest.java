package org.arxos.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.arxos.api.grouping.GroupNode;
import org.arxos.api.grouping.GroupingStrategy;
import org.arxos.api.grouping.Hierarchy;
import org.arxos.api.selection.CallFailure;
import org.arxos.api.selection.CallGuard;
import org.arxos.api.selection.CallRecord;
import org.arxos.api.selection.Capability;
import org.arxos.api.selection.Implementation;
import org.arxos.api.selection.ImplementationsFailedException;
import org.arxos.api.selection.NoImplementationException;
import org.arxos.api.selection.Served;
import org.arxos.model.Revision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GuardedCallsTest {

    private static final CallGuard<Hierarchy> ROOT_REQUIRED = CallGuard
            .validating(h -> h.root() == null ? Optional.of("the hierarchy has no root") : Optional.empty());

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch never = new CountDownLatch(1);

    @AfterEach
    void stop() {
        never.countDown();
        executor.shutdownNow();
    }

    /** Implementations in ranking order; the first serves. */
    private static final class Registered implements GuardedCalls.Implementations {

        final List<Candidate> ranked = new ArrayList<>();
        final AtomicInteger quarantineChanges = new AtomicInteger();

        Registered add(String name, GroupingStrategy strategy) {
            ranked.add(new Candidate(new Implementation(name, 100 - ranked.size(), "bundle." + name, ranked.size() + 1),
                    strategy, new CallLedger()));
            return this;
        }

        CallRecord record(String name) {
            Candidate c = ranked.stream().filter(x -> x.implementation().name().equals(name)).findFirst().orElseThrow();
            return c.ledger().record(c.implementation());
        }

        @Override
        public Capability capability() {
            return Capability.GROUPING;
        }

        @Override
        public List<Candidate> candidates(String first) {
            return CapabilityTracker.order(ranked, CapabilityTracker.serving(ranked, null), first);
        }

        @Override
        public void quarantineChanged() {
            quarantineChanges.incrementAndGet();
        }
    }

    private static GroupingStrategy rootNamed(String id) {
        return revision -> new FixedHierarchy(new GroupNode(id, id, "test", null, 0, 0, null));
    }

    private static class FixedHierarchy implements Hierarchy {

        private final GroupNode root;

        FixedHierarchy(GroupNode root) {
            this.root = root;
        }

        @Override
        public long revision() {
            return 1;
        }

        @Override
        public GroupNode root() {
            return root;
        }

        @Override
        public Optional<GroupNode> node(String nodeId) {
            return Optional.empty();
        }

        @Override
        public Optional<GroupNode> parent(String nodeId) {
            return Optional.empty();
        }

        @Override
        public List<GroupNode> children(String nodeId, int offset, int limit) {
            return List.of();
        }
    }

    private GuardedCalls calls(long timeoutMillis, int quarantineAfter) {
        return new GuardedCalls(executor, new CallSettings(Duration.ofMillis(timeoutMillis), quarantineAfter));
    }

    private static Served<Hierarchy> group(GuardedCalls calls, Registered registered) {
        return calls.call(registered, GroupingStrategy.class, null, (s, i) -> s.group(Revision.EMPTY), ROOT_REQUIRED);
    }

    @Test
    void theServingImplementationAnswersWhenItSucceeds() {
        Registered registered = new Registered().add("first", rootNamed("a")).add("second", rootNamed("b"));

        Served<Hierarchy> served = group(calls(1_000, 3), registered);

        assertEquals("a", served.value().root().id());
        assertEquals("first", served.implementation().name());
        assertTrue(served.failures().isEmpty());
        assertEquals(1, registered.record("first").calls());
        assertEquals(0, registered.record("second").calls());
    }

    @Test
    void anImplementationThatThrowsIsReplacedByTheNextForThatCall() {
        Registered registered = new Registered().add("faulty", revision -> {
            throw new IllegalStateException("boom");
        }).add("good", rootNamed("g"));

        Served<Hierarchy> served = group(calls(1_000, 3), registered);

        assertEquals("good", served.implementation().name());
        CallFailure failure = served.failures().get(0);
        assertEquals("faulty", failure.implementation().name());
        assertEquals(CallFailure.Kind.THREW, failure.kind());
        assertEquals("threw IllegalStateException: boom", failure.message());
        assertEquals(1, registered.record("faulty").failuresInARow());
    }

    @Test
    void anImplementationThatHangsIsInterruptedAfterTheTimeLimitAndReplaced() throws InterruptedException {
        CountDownLatch interrupted = new CountDownLatch(1);
        Registered registered = new Registered().add("hangs", revision -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return null;
        }).add("good", rootNamed("g"));

        Served<Hierarchy> served = group(calls(100, 3), registered);

        assertEquals("good", served.implementation().name());
        assertEquals(CallFailure.Kind.TIMED_OUT, served.failures().get(0).kind());
        assertEquals("did not return within 100 ms", served.failures().get(0).message());
        assertTrue(interrupted.await(10, TimeUnit.SECONDS), "the hung call was interrupted");
    }

    @Test
    void nullAndRejectedResultsAreFailures() {
        Registered registered = new Registered().add("null", revision -> null)
                .add("rootless", revision -> new FixedHierarchy(null))
                .add("good", rootNamed("g"));

        Served<Hierarchy> served = group(calls(1_000, 3), registered);

        assertEquals("good", served.implementation().name());
        assertEquals(List.of("returned null", "the hierarchy has no root"),
                served.failures().stream().map(CallFailure::message).toList());
        assertTrue(served.failures().stream().allMatch(f -> f.kind() == CallFailure.Kind.INVALID));
    }

    @Test
    void aResultThatThrowsWhenCheckedIsAFailureOfItsImplementation() {
        Registered registered = new Registered().add("brittle", revision -> new FixedHierarchy(null) {
            @Override
            public GroupNode root() {
                throw new IllegalStateException("no root today");
            }
        }).add("good", rootNamed("g"));

        Served<Hierarchy> served = group(calls(1_000, 3), registered);

        assertEquals("good", served.implementation().name());
        assertEquals("threw IllegalStateException: no root today", served.failures().get(0).message());
    }

    @Test
    void anImplementationIsQuarantinedAfterTheConfiguredFailuresInARowAndThenTriedLast() {
        AtomicInteger faultyCalls = new AtomicInteger();
        Registered registered = new Registered().add("faulty", revision -> {
            faultyCalls.incrementAndGet();
            throw new IllegalStateException("boom");
        }).add("good", rootNamed("g"));
        GuardedCalls calls = calls(1_000, 3);

        for (int i = 0; i < 3; i++) {
            assertEquals("good", group(calls, registered).implementation().name());
        }
        assertTrue(registered.record("faulty").quarantined());
        assertEquals(1, registered.quarantineChanges.get());
        assertEquals("good", CapabilityTracker.serving(registered.ranked, null).implementation().name());
        assertEquals("good", CapabilityTracker.serving(registered.ranked, "faulty").implementation().name(),
                "a pin does not bring back a quarantined implementation while another runs");

        Served<Hierarchy> after = group(calls, registered);
        assertEquals("good", after.implementation().name());
        assertTrue(after.failures().isEmpty(), "the quarantined one was not called: " + after.failures());
        assertEquals(3, faultyCalls.get());
        assertEquals(List.of("good", "faulty"), CapabilityTracker.order(registered.ranked,
                CapabilityTracker.serving(registered.ranked, null), "faulty").stream()
                .map(c -> c.implementation().name()).toList());
    }

    @Test
    void aSuccessEndsTheFailuresInARow() {
        AtomicBoolean fail = new AtomicBoolean(true);
        Registered registered = new Registered().add("flaky", revision -> {
            if (fail.get()) {
                throw new IllegalStateException("flake");
            }
            return new FixedHierarchy(new GroupNode("f", "f", "test", null, 0, 0, null));
        }).add("good", rootNamed("g"));
        GuardedCalls calls = calls(1_000, 3);

        group(calls, registered);
        group(calls, registered);
        fail.set(false);
        assertEquals("flaky", group(calls, registered).implementation().name());
        fail.set(true);
        group(calls, registered);
        group(calls, registered);

        CallRecord flaky = registered.record("flaky");
        assertFalse(flaky.quarantined());
        assertEquals(2, flaky.failuresInARow());
        assertEquals(4, flaky.failures());
        assertEquals(5, flaky.calls());
    }

    @Test
    void anAnswerReachesTheCallerUncountedAndUntriedElsewhere() {
        AtomicInteger secondCalls = new AtomicInteger();
        Registered registered = new Registered().add("first", revision -> {
            throw new IllegalArgumentException("no floor 'F9'");
        }).add("second", revision -> {
            secondCalls.incrementAndGet();
            return null;
        });

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> calls(1_000, 1).call(registered, GroupingStrategy.class, null, (s, i) -> s.group(Revision.EMPTY),
                        ROOT_REQUIRED.answering(IllegalArgumentException.class)));

        assertEquals("no floor 'F9'", thrown.getMessage());
        assertEquals(0, secondCalls.get());
        assertEquals(0, registered.record("first").failures());
        assertFalse(registered.record("first").quarantined());
    }

    @Test
    void whenEveryImplementationFailsTheCallerLearnsWhichAndHowWithoutInternals() {
        Registered registered = new Registered().add("faulty", revision -> {
            throw new IllegalStateException("boom");
        }).add("rootless", revision -> new FixedHierarchy(null));

        ImplementationsFailedException thrown = assertThrows(ImplementationsFailedException.class,
                () -> group(calls(1_000, 5), registered));

        assertEquals("every implementation of grouping failed: 'faulty' failed; 'rootless' returned an invalid result",
                thrown.getMessage());
        assertEquals(2, thrown.failures().size());
    }

    @Test
    void noImplementationIsNoImplementation() {
        NoImplementationException thrown = assertThrows(NoImplementationException.class,
                () -> group(calls(1_000, 3), new Registered()));
        assertEquals("no implementation of grouping is running", thrown.getMessage());
    }

    @Test
    void theNamedImplementationIsTriedFirst() {
        Registered registered = new Registered().add("first", rootNamed("a")).add("second", rootNamed("b"));

        Served<Hierarchy> served = calls(1_000, 3).call(registered, GroupingStrategy.class, "second",
                (s, i) -> s.group(Revision.EMPTY), ROOT_REQUIRED);

        assertEquals("second", served.implementation().name());
    }

    @Test
    void withoutATimeLimitTheCallRunsOnTheCallersThread() {
        Thread caller = Thread.currentThread();
        AtomicBoolean onCaller = new AtomicBoolean();
        Registered registered = new Registered().add("here", revision -> {
            onCaller.set(Thread.currentThread() == caller);
            return new FixedHierarchy(new GroupNode("h", "h", "test", null, 0, 0, null));
        });

        Served<Hierarchy> served = group(calls(0, 3), registered);

        assertSame(registered.ranked.get(0).implementation(), served.implementation());
        assertTrue(onCaller.get());
    }
}
