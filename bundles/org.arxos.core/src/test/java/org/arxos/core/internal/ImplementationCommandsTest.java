package org.arxos.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.arxos.api.selection.CallFailure;
import org.arxos.api.selection.CallRecord;
import org.arxos.api.selection.Capability;
import org.arxos.api.selection.CapabilityStatus;
import org.arxos.api.selection.Implementation;
import org.junit.jupiter.api.Test;

class ImplementationCommandsTest {

    private static final Implementation FAULTY = new Implementation("faulty", 200, "org.arxos.fixture.faulty", 71);
    private static final Implementation SPATIAL = new Implementation("spatial", 20, "org.arxos.grouping.spatial", 12);

    private final TestSelector selector = new TestSelector()
            .status(new CapabilityStatus(Capability.GROUPING, List.of(FAULTY, SPATIAL), null, "spatial"))
            .record(Capability.GROUPING, new CallRecord(FAULTY, 3, 3, 3, true,
                    new CallFailure(FAULTY, CallFailure.Kind.TIMED_OUT, "did not return within 500 ms")))
            .record(Capability.GROUPING, new CallRecord(SPATIAL, 41, 0, 0, false, null));

    @Test
    void implsMarksTheQuarantinedImplementationAndListsItsLastFailure() {
        String out = new ImplementationCommands(selector).impls();

        assertTrue(hasLine(out, "grouping +x +faulty +200 +3 +3 +org.arxos.fixture.faulty"), out);
        assertTrue(hasLine(out, "grouping +\\* +spatial +20 +41 +0 +org.arxos.grouping.spatial"), out);
        assertTrue(out.contains(
                "grouping faulty (quarantined): 3 failures in a row; last: did not return within 500 ms"), out);
    }

    private static boolean hasLine(String out, String regex) {
        return out.lines().anyMatch(line -> line.matches(regex));
    }

    @Test
    void reinstateSaysWhetherThereWasAQuarantineToEnd() {
        ImplementationCommands commands = new ImplementationCommands(selector);

        assertEquals("grouping implementation 'faulty' is reinstated; spatial serves",
                commands.reinstate("grouping", "faulty"));
        assertEquals("grouping implementation 'spatial' is not quarantined", commands.reinstate("grouping", "spatial"));
        assertEquals(List.of("grouping/faulty", "grouping/spatial"), selector.reinstated());
    }
}
