package org.arxos.http.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;

import org.arxos.api.compute.Calculation;
import org.arxos.api.compute.CalculationRequest;
import org.arxos.api.compute.ComputeEngine;
import org.arxos.api.compute.ComputeException;
import org.arxos.api.repository.BuildingRepository;
import org.arxos.api.selection.Capability;
import org.arxos.compute.internal.CalculationJobs;
import org.arxos.compute.internal.JobSettings;
import org.arxos.compute.local.internal.LocalComputeEngine;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.ObjectType;
import org.junit.jupiter.api.Test;

/** Job and engine metrics scraped from the real job service and local engine. */
class ComputeMetricsTest {

    private static String scrape(HttpMetrics metrics) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.write(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void queueRunningOutcomesLatencyAndEngineTasksAreScraped() throws Exception {
        FakeServices.Repository repository = new FakeServices.Repository();
        repository.create("acme", ChangeSet.of("seed", "", new Change.AddObject(new BuildingObject("b1",
                ObjectType.BUILDING, "office", null, "B1", null, null, null))));
        LocalComputeEngine engine = new LocalComputeEngine(3);
        CalculationEndpointsTest.NamedSelector selector = new CalculationEndpointsTest.NamedSelector()
                .add(BuildingRepository.class, "memory", repository).add(ComputeEngine.class, "local", engine)
                .add(Calculation.class, "count", new CalculationEndpointsTest.CountCalculation())
                .add(Calculation.class, "faulty", new CalculationEndpointsTest.Faulty());
        CalculationJobs jobs = new CalculationJobs(selector, JobSettings.defaults(), Clock.systemUTC());
        HttpMetrics metrics = new HttpMetrics();
        try {
            assertFalse(scrape(metrics).contains("arxos_compute"), "nothing without the services");
            metrics.setCalculations(jobs);
            metrics.addEngine(engine, Map.of(Capability.IMPL, "local"));
            jobs.run(new CalculationRequest("acme", "b1", CalculationRequest.HEAD, "count", Map.of(), 0));
            try {
                jobs.run(new CalculationRequest("acme", "b1", CalculationRequest.HEAD, "faulty", Map.of(), 0));
            } catch (ComputeException expected) {
                // counted as failed
            }
            String text = scrape(metrics);
            assertTrue(text.contains("arxos_compute_jobs_queued 0.0"), text);
            assertTrue(text.contains("arxos_compute_jobs_running 0.0"), text);
            assertTrue(text.contains("arxos_compute_jobs_ended_total{outcome=\"succeeded\"} 1.0"), text);
            assertTrue(text.contains("arxos_compute_jobs_ended_total{outcome=\"failed\"} 1.0"), text);
            assertTrue(Pattern.compile("(?m)^arxos_compute_job_duration_seconds\\{engine=\"local\",quantile=\"0.99\"} "
                    + "[0-9.E-]+$").matcher(text).find(), text);
            assertTrue(text.contains("arxos_compute_engine_workers{engine=\"local\"} 3.0"), text);
            assertTrue(text.contains("arxos_compute_engine_tasks_completed_total{engine=\"local\"} 1.0"), text);
            metrics.unsetCalculations(jobs);
            metrics.removeEngine(engine);
            assertFalse(scrape(metrics).contains("arxos_compute"), "nothing once they are gone");
        } finally {
            jobs.close();
            engine.close();
        }
    }
}
