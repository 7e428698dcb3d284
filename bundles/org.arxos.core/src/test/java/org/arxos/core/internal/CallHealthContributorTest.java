package org.arxos.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.arxos.api.health.Health;
import org.arxos.api.selection.CallFailure;
import org.arxos.api.selection.CallRecord;
import org.arxos.api.selection.Capability;
import org.arxos.api.selection.Implementation;
import org.junit.jupiter.api.Test;

class CallHealthContributorTest {

    private static final Implementation FAULTY = new Implementation("faulty", 200, "org.arxos.fixture.faulty", 71);
    private static final Implementation CONTAINMENT = new Implementation("containment", 0, "org.arxos.grouping", 12);

    @Test
    void upWhileNoImplementationFailedItsLastCall() {
        TestSelector selector = new TestSelector().record(Capability.GROUPING,
                new CallRecord(CONTAINMENT, 40, 0, 0, false, null));

        assertEquals(Health.Status.UP, new CallHealthContributor(selector).check().status());
    }

    @Test
    void degradedNamingAQuarantinedImplementationAndItsBundle() {
        CallFailure timeout = new CallFailure(FAULTY, CallFailure.Kind.TIMED_OUT, "did not return within 500 ms");
        TestSelector selector = new TestSelector()
                .record(Capability.GROUPING, new CallRecord(FAULTY, 3, 3, 3, true, timeout))
                .record(Capability.GROUPING, new CallRecord(CONTAINMENT, 3, 0, 0, false, null));

        Health health = new CallHealthContributor(selector).check();

        assertEquals(Health.Status.DEGRADED, health.status());
        assertEquals("grouping implementation 'faulty' of bundle org.arxos.fixture.faulty is quarantined after 3 "
                + "failures in a row; the last: did not return within 500 ms", health.message());
        Map<?, ?> details = (Map<?, ?>) health.details().get("grouping/faulty");
        assertEquals(true, details.get("quarantined"));
        assertEquals("TIMED_OUT: did not return within 500 ms", details.get("lastFailure"));
        assertEquals(1, health.details().size(), "only the failing implementation: " + health.details());
    }

    @Test
    void degradedWhileAnImplementationFailedItsLastCall() {
        CallFailure threw = new CallFailure(FAULTY, CallFailure.Kind.THREW, "threw IllegalStateException: boom");
        TestSelector selector = new TestSelector().record(Capability.GROUPING,
                new CallRecord(FAULTY, 9, 2, 2, false, threw));

        Health health = new CallHealthContributor(selector).check();

        assertEquals(Health.Status.DEGRADED, health.status());
        assertTrue(health.message().endsWith("failed its last 2 calls; the last: threw IllegalStateException: boom"),
                health.message());
    }
}
