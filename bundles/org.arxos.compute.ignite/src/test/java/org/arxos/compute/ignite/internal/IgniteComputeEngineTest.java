package org.arxos.compute.ignite.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteState;
import org.apache.ignite.Ignition;
import org.apache.ignite.failure.FailureContext;
import org.apache.ignite.failure.FailureType;
import org.apache.ignite.internal.IgniteEx;
import org.arxos.api.compute.ComputeException;
import org.arxos.api.compute.ComputeTask;
import org.arxos.api.compute.JobOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real Ignite server nodes in this JVM on the loopback (discovery 48520.., communication 48620..): jobs spread
 * over both as they return results, results come back in input order, a failing task names its input, a node that
 * stops while its jobs run has them run again on the other, each input's result delivered once, and a node that
 * Ignite stops on a critical error is started again.
 */
class IgniteComputeEngineTest {

    private static final int DISCOVERY = 48520;
    private static final int COMMUNICATION = 48620;
    private static final JobOptions OPTIONS = new JobOptions(0, Duration.ofMinutes(2), "test");

    @TempDir
    Path work;

    private IgniteComputeEngine a;
    private IgniteComputeEngine b;

    /** The input squared and the thread that ran it (Ignite names its job threads after the instance). */
    record Square(int value, String thread) implements java.io.Serializable {
    }

    /** Squares after a sleep, a longer one on the node whose name is {@code slowNode} (none if empty). */
    record SlowSquare(long millis, String slowNode, long slowMillis) implements ComputeTask<Integer, Square> {

        SlowSquare(long millis) {
            this(millis, "", millis);
        }

        @Override
        public Square apply(Integer input) throws Exception {
            String thread = Thread.currentThread().getName();
            Thread.sleep(!slowNode.isEmpty() && thread.contains(slowNode) ? slowMillis : millis);
            return new Square(input * input, thread);
        }
    }

    @BeforeEach
    void startTwoNodes() throws Exception {
        a = new IgniteComputeEngine(IgniteNodeSettings.loopback("unit-a", false, DISCOVERY, COMMUNICATION, 2,
                work.resolve("a")));
        b = new IgniteComputeEngine(IgniteNodeSettings.loopback("unit-b", false, DISCOVERY, COMMUNICATION, 2,
                work.resolve("b")));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (a.status().nodes() < 2) {
            assertTrue(System.nanoTime() < deadline, "the two nodes did not join: " + a.status());
            Thread.sleep(50);
        }
    }

    @AfterEach
    void stopNodes() {
        if (b != null) {
            b.close();
        }
        a.close();
    }

    @Test
    void resultsComeBackInInputOrderFromBothNodes() throws Exception {
        List<Integer> inputs = IntStream.range(0, 40).boxed().toList();
        List<Square> results = a.map(inputs, new SlowSquare(20), OPTIONS).get(60, TimeUnit.SECONDS);

        assertEquals(inputs.stream().map(i -> i * i).toList(), results.stream().map(Square::value).toList());
        Set<String> nodes = new HashSet<>();
        results.forEach(r -> nodes.add(r.thread().contains("unit-a") ? "a" : r.thread().contains("unit-b") ? "b"
                : r.thread()));
        assertEquals(Set.of("a", "b"), nodes, "jobs ran on both nodes");
        assertEquals(2, a.status().nodes());
        assertEquals(4, a.status().workers());
        assertEquals(40, a.status().completedTasks());
        assertTrue(a.transferredBytes()[0] > 0 && a.transferredBytes()[1] > 0);
    }

    @Test
    void eachNodeIsSentJobsAsItReturnsResultsSoASlowNodeGetsFewer() throws Exception {
        List<Integer> inputs = IntStream.range(0, 60).boxed().toList();
        List<Square> results = a.map(inputs, new SlowSquare(5, "unit-a", 100), OPTIONS).get(60, TimeUnit.SECONDS);

        assertEquals(inputs.stream().map(i -> i * i).toList(), results.stream().map(Square::value).toList());
        long onSlowNode = results.stream().filter(r -> r.thread().contains("unit-a")).count();
        // handed out in turn up front, the slow node would get 30; as results return, its 4 first and a few more
        assertTrue(onSlowNode >= 4 && onSlowNode <= 15, onSlowNode + " of 60 jobs ran on the slow node");
    }

    /** Serializable by its type, not always by its content. */
    record Holder(Object value) implements java.io.Serializable {
    }

    @Test
    void anInputThatCannotBeSentFailsTheMapNamingIt() {
        // input 0 goes out when the map starts, input 20 when a node has returned results
        for (int bad : List.of(0, 20)) {
            List<Holder> inputs = IntStream.range(0, 30).mapToObj(i -> new Holder(i == bad ? new Object() : i))
                    .toList();
            CompletableFuture<List<Holder>> run = a.map(inputs, holder -> holder, OPTIONS);

            ExecutionException failure = assertThrows(ExecutionException.class, () -> run.get(60, TimeUnit.SECONDS));
            String message = failure.getCause().getMessage();
            assertTrue(failure.getCause() instanceof ComputeException, failure.getCause().toString());
            assertTrue(message.contains("input " + bad + " of 30 cannot be serialized")
                    && message.contains("java.lang.Object"), message);
        }
    }

    @Test
    void aTaskThatThrowsFailsTheMapNamingItsInput() {
        ComputeTask<Integer, Integer> failsOnSeven = input -> {
            if (input == 7) {
                throw new IllegalStateException("seven is not allowed");
            }
            return input;
        };
        CompletableFuture<List<Integer>> run = a.map(IntStream.range(0, 10).boxed().toList(), failsOnSeven, OPTIONS);

        ExecutionException failure = assertThrows(ExecutionException.class, () -> run.get(60, TimeUnit.SECONDS));
        assertTrue(failure.getCause() instanceof ComputeException, failure.getCause().toString());
        assertTrue(failure.getCause().getMessage().contains("input 7 of 10")
                && failure.getCause().getMessage().contains("seven is not allowed"), failure.getCause().getMessage());
        assertEquals(1, a.status().failedTasks());
    }

    @Test
    void jobsOfANodeThatStopsRunOnTheOtherAndEachResultArrivesOnce() throws Exception {
        List<Integer> inputs = IntStream.range(0, 24).boxed().toList();
        CompletableFuture<List<Square>> run = a.map(inputs, new SlowSquare(300), OPTIONS);
        Thread.sleep(700);
        b.close();
        b = null;

        List<Square> results = run.get(60, TimeUnit.SECONDS);
        assertEquals(inputs.stream().map(i -> i * i).toList(), results.stream().map(Square::value).toList());
        assertTrue(a.status().failedOver() > 0, "jobs of the stopped node were failed over: " + a.status());
        assertEquals(24, a.status().completedTasks(), "one result per input");
        assertEquals(1, a.status().nodes());
    }

    @Test
    void aNodeThatIgniteStopsOnACriticalErrorStartsAgainAndRunsJobs() throws Exception {
        Ignite failing = Ignition.ignite("unit-b");
        ((IgniteEx) failing).context().failure().process(new FailureContext(FailureType.CRITICAL_ERROR,
                new IllegalStateException("a critical error made by the test")));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Ignition.state("unit-b") == IgniteState.STARTED && Ignition.ignite("unit-b") != failing
                && b.status().nodes() == 2)) {
            assertTrue(System.nanoTime() < deadline, "unit-b did not start again: " + Ignition.state("unit-b")
                    + ", " + b.status());
            Thread.sleep(50);
        }
        List<Integer> inputs = IntStream.range(0, 20).boxed().toList();
        List<Square> results = b.map(inputs, new SlowSquare(20), OPTIONS).get(60, TimeUnit.SECONDS);
        assertEquals(inputs.stream().map(i -> i * i).toList(), results.stream().map(Square::value).toList());
        assertTrue(results.stream().anyMatch(r -> r.thread().contains("unit-b")), "the new node ran jobs");
    }

    @Test
    void aTimeoutFailsTheMapWithAClearMessage() {
        JobOptions brief = new JobOptions(0, Duration.ofMillis(300), "short");
        CompletableFuture<List<Square>> run = a.map(List.of(1, 2, 3, 4, 5, 6), new SlowSquare(2_000), brief);

        ExecutionException failure = assertThrows(ExecutionException.class, () -> run.get(60, TimeUnit.SECONDS));
        assertTrue(failure.getCause().getMessage().contains("short: did not finish within its timeout of 300 ms"),
                failure.getCause().getMessage());
    }
}
