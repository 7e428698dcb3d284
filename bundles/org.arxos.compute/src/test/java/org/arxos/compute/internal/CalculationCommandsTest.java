package org.arxos.compute.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The Gogo commands on the real job service. */
class CalculationCommandsTest extends JobsFixture {

    @Test
    void calcPrintsTheResultAndThenSaysItCameFromTheCache() {
        CalculationCommands commands = new CalculationCommands(jobs());
        String first = commands.calc(TENANT, -1, 0, false, "tower", "floors", "factor=3");
        assertTrue(first.startsWith("floors on building 'tower' revision 1: computed on local in "), first);
        assertTrue(first.contains("FloorCounts[perFloor=["), first);
        String second = commands.calc(TENANT, -1, 0, false, "tower", "floors", "factor=3");
        assertTrue(second.startsWith("floors on building 'tower' revision 1: from the cache in "), second);
        assertTrue(commands.jobs().lines().count() == 3, commands.jobs());
    }

    @Test
    void errorsAreOneLine() {
        CalculationCommands commands = new CalculationCommands(jobs());
        assertEquals("calc failed: no calculation 'nope' is running; running: faulty, floors, gate",
                commands.calc(TENANT, -1, 0, false, "tower", "nope"));
        assertEquals("calc failed: building 'tower' has no revision 7; its revisions are 1 to 1",
                commands.calc(TENANT, 7, 0, false, "tower", "floors"));
        assertEquals("calc failed: a parameter is name=value, not 'factor'",
                commands.calc(TENANT, -1, 0, false, "tower", "floors", "factor"));
        assertEquals("calc failed: faulty failed: IllegalStateException: the faulty calculation broke on tower",
                commands.calc(TENANT, -1, 0, false, "tower", "faulty"));
        assertEquals("No job 'x'.", commands.job("x"));
        assertEquals("No job 'x'.", commands.cancel("x"));
    }

    @Test
    void asyncQueuesAndCancelCancels() throws Exception {
        CalculationJobs jobs = jobs(1, 200, java.time.Duration.ofMinutes(1));
        CalculationCommands commands = new CalculationCommands(jobs);
        String queued = commands.calc(TENANT, -1, 0, true, "tower", "gate", "n=1");
        assertTrue(queued.startsWith("Queued job "), queued);
        String id = jobs.jobs().get(0).id();
        assertTrue(gate.firstStarted.await(10, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals("Cancelled job " + id + ".", commands.cancel(id));
        assertEquals("Job " + id + " had already ended: CANCELLED.", commands.cancel(id));
        assertTrue(commands.job(id).contains(": CANCELLED (job " + id + " was cancelled)"), commands.job(id));
        assertEquals(Map.of("a", "b=c"), CalculationCommands.parameters("a=b=c"));
    }
}
