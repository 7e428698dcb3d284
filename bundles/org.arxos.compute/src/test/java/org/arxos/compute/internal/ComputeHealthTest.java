package org.arxos.compute.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.arxos.api.compute.Calculation;
import org.arxos.api.compute.CalculationRequest;
import org.arxos.api.compute.ComputeEngine;
import org.arxos.api.health.Health;
import org.junit.jupiter.api.Test;

class ComputeHealthTest extends JobsFixture {

    @Test
    void upWithTheJobCountersAndTheServingEngine() {
        CalculationJobs jobs = jobs();
        jobs.run(new CalculationRequest(TENANT, "tower", CalculationRequest.HEAD, "floors", Map.of(), 0));
        Health health = new ComputeHealth(selector, jobs).check();
        assertEquals(Health.Status.UP, health.status());
        assertEquals("local", health.details().get("engine"));
        assertEquals(2, health.details().get("workers"));
        assertEquals(1L, health.details().get("succeededJobs"));
        assertEquals(List.of("faulty", "floors", "gate"), health.details().get("calculations"));
    }

    @Test
    void downWithoutAnEngineAndDegradedWithoutCalculations() {
        CalculationJobs jobs = jobs();
        for (String name : List.of("floors", "gate", "faulty")) {
            selector.remove(Calculation.class, name);
        }
        Health degraded = new ComputeHealth(selector, jobs).check();
        assertEquals(Health.Status.DEGRADED, degraded.status());
        assertEquals("no calculation is running", degraded.message());
        selector.remove(ComputeEngine.class, "local");
        Health down = new ComputeHealth(selector, jobs).check();
        assertEquals(Health.Status.DOWN, down.status());
        assertEquals("no compute engine is running: calculation jobs fail", down.message());
    }
}
