package org.arxos.compute.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.arxos.api.compute.CalculationRequest;
import org.arxos.api.compute.JobStatus;
import org.arxos.api.compute.JobStatus.State;
import org.arxos.api.event.BuildingEvent;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.junit.jupiter.api.Test;

/** The stream fed by the real building store's events, running jobs on the real job service. */
class RevisionStreamTest extends JobsFixture {

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(10);
        }
    }

    private static List<JobStatus> floorJobs(CalculationJobs jobs) {
        return jobs.jobs().stream().filter(j -> j.calculation().equals("floors")).toList();
    }

    @Test
    void eachNewRevisionIsCalculatedAheadAndTheNextRequestHitsTheCache() throws Exception {
        var jobs = jobs();
        RevisionStream stream = new RevisionStream(jobs, new StreamSettings(List.of("floors"), List.of("floors"), -10,
                16));
        try {
            var applied = store.apply(TENANT, "tower",
                    ChangeSet.of("ann", "rename", new Change.Rename("tower", "Renamed")));
            stream.accept(new BuildingEvent(BuildingEvent.REVISION_APPLIED, TENANT, "tower", applied.number(),
                    Map.of(), Instant.now()));
            await(() -> jobs.jobs().stream().anyMatch(j -> j.state() == State.SUCCEEDED));
            JobStatus streamed = jobs.jobs().get(0);
            assertEquals(2, streamed.revision());
            assertEquals(-10, streamed.priority());
            assertTrue(jobs.run(new CalculationRequest(TENANT, "tower", CalculationRequest.HEAD, "floors", Map.of(),
                    0)).cached(), "the user's request finds the streamed result");
        } finally {
            stream.close();
        }
    }

    @Test
    void aNewerRevisionOfAWaitingBuildingTakesTheOldOnesPlace() throws Exception {
        var jobs = jobs(1, 200, java.time.Duration.ofMinutes(1));
        RevisionStream stream = new RevisionStream(jobs, new StreamSettings(List.of("floors"), List.of("floors"), 0, 16));
        try {
            jobs.submit(new CalculationRequest(TENANT, "tower", CalculationRequest.HEAD, "gate", Map.of("n", "1"),
                    100));
            assertTrue(gate.firstStarted.await(10, TimeUnit.SECONDS));
            for (int i = 2; i <= 4; i++) {
                var applied = store.apply(TENANT, "tower",
                        ChangeSet.of("ann", "rename", new Change.Rename("tower", "Name " + i)));
                stream.accept(new BuildingEvent(BuildingEvent.REVISION_APPLIED, TENANT, "tower", applied.number(),
                        Map.of(), Instant.now()));
                if (i == 2) {
                    // the stream takes revision 2 at once and waits for its job behind the gate
                    await(() -> stream.waiting() == 0 && floorJobs(jobs).size() == 1);
                }
            }
            stream.accept(new BuildingEvent(BuildingEvent.BUILDING_CREATED, TENANT, "tower", 1, Map.of(),
                    Instant.now()));
            assertEquals(1, stream.waiting());
            gate.release.countDown();
            await(() -> floorJobs(jobs).size() == 2 && floorJobs(jobs).stream().allMatch(j -> j.state().ended()));
            assertEquals(List.of(2L, 4L), floorJobs(jobs).stream().map(JobStatus::revision).sorted().toList(),
                    "revision 3 and the creation were taken over by revision 4 while they waited");
            assertEquals(2, stream.superseded());
        } finally {
            stream.close();
        }
    }
}
