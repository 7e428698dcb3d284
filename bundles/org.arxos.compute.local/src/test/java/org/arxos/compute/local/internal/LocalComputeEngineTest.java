package org.arxos.compute.local.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.arxos.api.compute.ComputeException;
import org.arxos.api.compute.ComputeTask;
import org.arxos.api.compute.EngineStatus;
import org.arxos.api.compute.JobOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalComputeEngineTest {

    private final List<LocalComputeEngine> engines = new ArrayList<>();

    private LocalComputeEngine engine(int workers) {
        LocalComputeEngine engine = new LocalComputeEngine(workers);
        engines.add(engine);
        return engine;
    }

    @AfterEach
    void close() {
        engines.forEach(LocalComputeEngine::close);
    }

    @Test
    void resultsComeInInputOrderWhateverOrderTasksFinishIn() throws Exception {
        LocalComputeEngine engine = engine(4);
        List<Integer> inputs = IntStream.range(0, 200).boxed().toList();
        List<Integer> squares = engine.map(inputs, (Integer i) -> {
            Thread.sleep((200 - i) % 3);
            return i * i;
        }, JobOptions.DEFAULT).get(10, TimeUnit.SECONDS);
        assertEquals(inputs.stream().map(i -> i * i).toList(), squares);
        assertEquals(200, engine.status().completedTasks());
    }

    @Test
    void mapReduceFoldsInInputOrder() throws Exception {
        String folded = engine(3).mapReduce(List.of("a", "b", "c", "d", "e"), (String s) -> s.toUpperCase(),
                String::concat, "", JobOptions.DEFAULT).get(10, TimeUnit.SECONDS);
        assertEquals("ABCDE", folded);
    }

    @Test
    void higherPriorityTasksOvertakeQueuedOnesAndEqualPrioritiesKeepTheirOrder() throws Exception {
        LocalComputeEngine engine = engine(1);
        CountDownLatch blocker = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        CompletableFuture<List<Integer>> blocking = engine.map(List.of(0), (Integer i) -> {
            blocked.countDown();
            blocker.await();
            return i;
        }, JobOptions.DEFAULT);
        assertTrue(blocked.await(10, TimeUnit.SECONDS));
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<List<Integer>> low = engine.map(List.of(1, 2), (Integer i) -> {
            order.add("low" + i);
            return i;
        }, JobOptions.DEFAULT.withPriority(1));
        CompletableFuture<List<Integer>> high = engine.map(List.of(1, 2), (Integer i) -> {
            order.add("high" + i);
            return i;
        }, JobOptions.DEFAULT.withPriority(9));
        assertEquals(4, engine.status().queuedTasks());
        blocker.countDown();
        CompletableFuture.allOf(blocking, low, high).get(10, TimeUnit.SECONDS);
        assertEquals(List.of("high1", "high2", "low1", "low2"), order);
    }

    @Test
    void aTaskThatThrowsFailsTheMapNamingItsInput() {
        LocalComputeEngine engine = engine(2);
        ComputeTask<Integer, Integer> task = i -> {
            if (i == 7) {
                throw new IllegalStateException("seven is not allowed");
            }
            return i;
        };
        ExecutionException failure = assertThrows(ExecutionException.class, () -> engine
                .map(IntStream.range(0, 10).boxed().toList(), task, JobOptions.DEFAULT.withLabel("sevens"))
                .get(10, TimeUnit.SECONDS));
        ComputeException compute = assertInstanceOf(ComputeException.class, failure.getCause());
        assertEquals("sevens: the task on input 7 of 10 failed: IllegalStateException: seven is not allowed",
                compute.getMessage());
        assertEquals(1, engine.status().failedTasks());
    }

    @Test
    void aJobPastItsTimeoutFailsAndItsRunningTaskIsInterrupted() throws Exception {
        LocalComputeEngine engine = engine(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        CompletableFuture<List<Integer>> slow = engine.map(List.of(1), (Integer i) -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return i;
        }, new JobOptions(0, Duration.ofMillis(100), "slow"));
        ExecutionException failure = assertThrows(ExecutionException.class, () -> slow.get(10, TimeUnit.SECONDS));
        assertEquals("slow: did not finish within its timeout of 100 ms", failure.getCause().getMessage());
        assertTrue(interrupted.await(10, TimeUnit.SECONDS), "the running task is interrupted");
        assertEquals(List.of(5), engine.map(List.of(5), (Integer i) -> i, JobOptions.DEFAULT).get(10,
                TimeUnit.SECONDS), "the worker serves the next job");
    }

    @Test
    void cancellingTheFutureSkipsItsQueuedTasks() throws Exception {
        LocalComputeEngine engine = engine(1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        CompletableFuture<List<Integer>> job = engine.map(IntStream.range(0, 50).boxed().toList(), (Integer i) -> {
            ran.incrementAndGet();
            started.countDown();
            release.await();
            return i;
        }, JobOptions.DEFAULT);
        assertTrue(started.await(10, TimeUnit.SECONDS));
        job.cancel(true);
        release.countDown();
        engine.map(List.of(1), (Integer i) -> i, JobOptions.DEFAULT).get(10, TimeUnit.SECONDS);
        assertEquals(1, ran.get(), "only the task running when cancelled ran");
        assertEquals(0, engine.status().queuedTasks());
        // the worker counts itself busy until it returns from the task whose result the caller already has
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (engine.status().runningTasks() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertEquals(0, engine.status().runningTasks());
    }

    @Test
    void statusCountsWorkersAndNamesTheEngine() {
        EngineStatus status = engine(3).status();
        assertEquals("local", status.engine());
        assertEquals(1, status.nodes());
        assertEquals(3, status.workers());
        assertEquals(0, status.completedTasks());
    }

    @Test
    void aStoppedEngineFailsWhatItStillHad() throws Exception {
        LocalComputeEngine engine = engine(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<List<Integer>> job = engine.map(List.of(1, 2), (Integer i) -> {
            release.await();
            return i;
        }, JobOptions.DEFAULT);
        engine.close();
        release.countDown();
        ExecutionException failure = assertThrows(ExecutionException.class, () -> job.get(10, TimeUnit.SECONDS));
        assertEquals("the local compute engine stopped while the job ran", failure.getCause().getMessage());
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> engine.map(List.of(1), (Integer i) -> i, JobOptions.DEFAULT).get(10, TimeUnit.SECONDS));
        assertEquals("job: the local compute engine has stopped", refused.getCause().getMessage());
    }
}
