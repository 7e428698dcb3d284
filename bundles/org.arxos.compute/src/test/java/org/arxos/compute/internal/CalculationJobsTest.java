package org.arxos.compute.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.arxos.api.cache.Cache;
import org.arxos.api.compute.CalculationRequest;
import org.arxos.api.compute.CalculationResult;
import org.arxos.api.compute.Calculation;
import org.arxos.api.compute.ComputeEngine;
import org.arxos.api.compute.ComputeException;
import org.arxos.api.compute.JobFailedException;
import org.arxos.api.compute.JobStatistics;
import org.arxos.api.compute.JobStatus;
import org.arxos.api.compute.JobStatus.State;
import org.arxos.api.compute.UnknownCalculationException;
import org.arxos.api.repository.BuildingRepository;
import org.arxos.api.repository.UnknownBuildingException;
import org.arxos.cache.jdbc.internal.JdbcCacheTier;
import org.arxos.cache.jdbc.internal.JdbcTierConfiguration;
import org.arxos.cache.testing.TieredCaches;
import org.arxos.compute.local.internal.LocalComputeEngine;
import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;
import org.arxos.repository.jdbc.internal.JdbcBuildingStore;
import org.arxos.repository.jdbc.internal.StoreSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job service over the real local engine, a JDBC building store and the tiered cache over a JDBC tier, on H2. */
class CalculationJobsTest extends JobsFixture {

    @Test
    void aResultIsComputedOnceAndThenServedFromTheCacheUntilTheRevisionChanges() throws Exception {
        CalculationJobs jobs = jobs();
        CalculationResult first = jobs.run(request("floors", Map.of(), 0));
        Revision head = store.head(TENANT, "tower");
        var expected = head.objects().filter(o -> o.type() == ObjectType.FLOOR)
                .map(o -> o.id()).sorted().map(id -> TestCalculations.FloorCount.countUnder(head, id)).toList();
        assertFalse(first.cached());
        assertEquals(expected, ((TestCalculations.FloorCounts) first.value()).perFloor());
        assertEquals(State.SUCCEEDED, first.job().state());
        assertEquals("local", first.job().engine());
        assertEquals(1.0, first.job().progress());

        CalculationResult second = jobs.run(request("floors", Map.of(), 0));
        assertTrue(second.cached(), "the same revision and parameters hit the cache");
        assertEquals(first.value(), second.value(), "the value read back from the JDBC tier is equal");
        assertEquals(1, floors.computations.get());
        assertEquals(State.SUCCEEDED, second.job().state());
        assertNull(second.job().engine(), "a result found in the cache needs no engine nor runner");
        assertEquals(Optional.of(second.job()), jobs.job(second.job().id()), "and is listed as a job all the same");

        CalculationResult doubled = jobs.run(request("floors", Map.of("factor", "2"), 0));
        assertFalse(doubled.cached(), "other parameters are another entry");
        assertEquals(2 * ((TestCalculations.FloorCounts) first.value()).total(),
                ((TestCalculations.FloorCounts) doubled.value()).total());

        store.apply(TENANT, "tower", ChangeSet.of("ann", "rename", new Change.Rename("tower", "Renamed")));
        CalculationResult next = jobs.run(request("floors", Map.of(), 0));
        assertFalse(next.cached(), "a new revision misses by its content hash");
        assertEquals(2, next.job().revision());
        assertEquals(3, floors.computations.get());
        JobStatistics statistics = jobs.statistics();
        assertEquals(4, statistics.succeeded());
        assertEquals(1, statistics.cached());
        assertEquals("local", statistics.engines().get(0).engine());
        assertEquals(3, statistics.engines().get(0).jobs(), "the engine ran the three that were computed");
    }

    @Test
    void anUnknownCalculationIsRefusedNamingTheRunningOnes() {
        UnknownCalculationException unknown = assertThrows(UnknownCalculationException.class,
                () -> jobs().submit(request("daylight", Map.of(), 0)));
        assertEquals("no calculation 'daylight' is running; running: faulty, floors, gate", unknown.getMessage());
        assertEquals(List.of("faulty", "floors", "gate"), unknown.available());
    }

    @Test
    void anUnknownBuildingOrRevisionIsRefusedWithAClearMessage() {
        CalculationJobs jobs = jobs();
        UnknownBuildingException building = assertThrows(UnknownBuildingException.class, () -> jobs.submit(
                new CalculationRequest(TENANT, "shed", CalculationRequest.HEAD, "floors", Map.of(), 0)));
        assertEquals("there is no building 'shed'", building.getMessage());
        UnknownBuildingException revision = assertThrows(UnknownBuildingException.class, () -> jobs.submit(
                new CalculationRequest(TENANT, "tower", 9, "floors", Map.of(), 0)));
        assertEquals("building 'tower' has no revision 9; its revisions are 1 to 1", revision.getMessage());
        assertThrows(UnknownBuildingException.class, () -> jobs.submit(
                new CalculationRequest("other", "tower", CalculationRequest.HEAD, "floors", Map.of(), 0)),
                "another tenant does not see the building");
        assertTrue(jobs.jobs().isEmpty(), "refused requests make no jobs");
    }

    @Test
    void aCalculationThatThrowsFailsOnlyItsOwnJob() throws Exception {
        CalculationJobs jobs = jobs();
        List<JobStatus> submitted = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            submitted.add(jobs.submit(request(i % 2 == 0 ? "faulty" : "floors", Map.of("factor", "" + i), 0)));
        }
        for (JobStatus job : submitted) {
            var result = jobs.result(job.id()).orElseThrow();
            if (job.calculation().equals("faulty")) {
                ExecutionException failure = assertThrows(ExecutionException.class,
                        () -> result.get(30, TimeUnit.SECONDS));
                assertInstanceOf(ComputeException.class, failure.getCause());
                assertEquals("faulty failed: IllegalStateException: the faulty calculation broke on tower",
                        failure.getCause().getMessage());
                assertEquals(State.FAILED, jobs.job(job.id()).orElseThrow().state());
                assertEquals(failure.getCause().getMessage(), jobs.job(job.id()).orElseThrow().error());
            } else {
                assertEquals(State.SUCCEEDED, result.get(30, TimeUnit.SECONDS).job().state());
            }
        }
        assertEquals(3, jobs.statistics().failed());
        assertEquals(3, jobs.statistics().succeeded());
    }

    @Test
    void anInvalidParameterFailsTheJobWithTheCalculationsMessage() {
        JobFailedException failure = assertThrows(JobFailedException.class,
                () -> jobs().run(request("floors", Map.of("factor", "lots"), 0)));
        assertEquals("floors: parameter 'factor' must be an integer, not 'lots'", failure.getMessage());
        assertInstanceOf(IllegalArgumentException.class, failure.getCause());
        assertEquals(State.FAILED, failure.job().state());
        assertEquals(failure.getMessage(), failure.job().error());
    }

    @Test
    void aHighPriorityJobStartsBeforeEveryWaitingLowerOne() throws Exception {
        CalculationJobs jobs = jobs(1, 500, Duration.ofMinutes(1));
        JobStatus blocker = jobs.submit(request("gate", Map.of("n", "blocker"), 0));
        assertTrue(gate.firstStarted.await(10, TimeUnit.SECONDS));
        List<JobStatus> low = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            low.add(jobs.submit(request("gate", Map.of("n", "low" + i), 0)));
        }
        JobStatus high = jobs.submit(request("gate", Map.of("n", "high"), 5));
        assertEquals(101, jobs.statistics().queued());
        gate.release.countDown();
        jobs.result(high.id()).orElseThrow().get(30, TimeUnit.SECONDS);
        for (JobStatus job : low) {
            jobs.result(job.id()).orElseThrow().get(30, TimeUnit.SECONDS);
        }
        assertEquals("blocker", gate.started.get(0));
        assertEquals("high", gate.started.get(1), "the high-priority job starts first of the waiting ones");
        assertEquals(low.stream().map(j -> "low" + low.indexOf(j)).toList(), gate.started.subList(2, 102),
                "equal priorities start in submission order");
        JobStatus highDone = jobs.job(high.id()).orElseThrow();
        for (JobStatus job : low) {
            assertTrue(!jobs.job(job.id()).orElseThrow().started().isBefore(highDone.started()));
        }
        assertEquals(State.SUCCEEDED, jobs.job(blocker.id()).orElseThrow().state());
    }

    @Test
    void cancellingStopsARunningJobAndKeepsAWaitingOneFromStarting() throws Exception {
        CalculationJobs jobs = jobs(1, 200, Duration.ofMinutes(1));
        JobStatus running = jobs.submit(request("gate", Map.of("n", "running"), 0));
        assertTrue(gate.firstStarted.await(10, TimeUnit.SECONDS));
        JobStatus waiting = jobs.submit(request("gate", Map.of("n", "waiting"), 0));
        assertTrue(jobs.cancel(waiting.id()));
        assertTrue(jobs.cancel(running.id()));
        assertFalse(jobs.cancel(running.id()), "an ended job cannot be cancelled again");
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> jobs.result(running.id()).orElseThrow().get(10, TimeUnit.SECONDS));
        assertEquals("job " + running.id() + " was cancelled", failure.getCause().getMessage());
        CalculationResult after = jobs.run(request("floors", Map.of(), 0));
        assertEquals(State.SUCCEEDED, after.job().state(), "the runner is free for the next job");
        assertEquals(List.of("running"), gate.started, "the waiting job never started");
        assertEquals(1, gate.interrupted.get(), "the running calculation was interrupted");
        assertEquals(State.CANCELLED, jobs.job(waiting.id()).orElseThrow().state());
        assertEquals(2, jobs.statistics().cancelled());
    }

    @Test
    void aJobPastItsTimeoutFails() {
        CalculationJobs jobs = jobs(1, 200, Duration.ofSeconds(1));
        ComputeException failure = assertThrows(ComputeException.class,
                () -> jobs.run(request("gate", Map.of("n", "slow"), 0)));
        assertTrue(failure.getMessage().endsWith("did not finish within 1 s"), failure.getMessage());
    }

    @Test
    void endedJobsBeyondTheHistoryAreForgotten() {
        CalculationJobs jobs = jobs(2, 3, Duration.ofMinutes(1));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(jobs.run(request("floors", Map.of("factor", "" + i), 0)).job().id());
        }
        assertEquals(List.of(ids.get(4), ids.get(3), ids.get(2)), jobs.jobs().stream().map(JobStatus::id).toList(),
                "the newest first");
        assertTrue(jobs.job(ids.get(0)).isEmpty());
        assertTrue(jobs.result(ids.get(1)).isEmpty());
    }

    @Test
    void withoutHistoryAJobStillAnswersTheOneWaitingForIt() {
        CalculationJobs jobs = jobs(2, 0, Duration.ofMinutes(1));
        CalculationResult result = jobs.run(request("floors", Map.of(), 0));
        assertEquals(State.SUCCEEDED, result.job().state());
        assertTrue(jobs.job(result.job().id()).isEmpty(), "an ended job is forgotten at once");
        JobFailedException failure = assertThrows(JobFailedException.class, () -> jobs.run(request("faulty",
                Map.of(), 0)));
        assertEquals(State.FAILED, failure.job().state());
    }

    @Test
    void withoutAnEngineJobsFailSayingSo() {
        selector.remove(ComputeEngine.class, "local");
        ComputeException failure = assertThrows(ComputeException.class, () -> jobs().run(request("floors", Map.of(),
                0)));
        assertEquals("no compute engine is running", failure.getMessage());
    }

    @Test
    void namesAndDescriptionsOfTheRunningCalculations() {
        CalculationJobs jobs = jobs();
        assertEquals(List.of("faulty", "floors", "gate"), jobs.names());
        assertEquals("objects under each floor; factor=<integer> multiplies the total",
                jobs.calculations().get(1).description());
        assertNotEquals(jobs.submit(request("floors", Map.of(), 0)).id(),
                jobs.submit(request("floors", Map.of(), 0)).id());
    }
}
