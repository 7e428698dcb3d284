package org.arxos.collab.crdt.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.arxos.model.BuildingObject;
import org.arxos.model.Revision;

/** The acceptance checks after a simulation: every replica is the server, no cycle, nothing lost or doubled. */
public final class ConvergenceCheck {

    /** The operations that the convergence tests run in all unless {@code -Darxos.collab.operations=N} says more or less. */
    public static final int DEFAULT_OPERATIONS = 1_000_000;

    private ConvergenceCheck() {
    }

    /**
     * Runs one simulation per seed, the seeds in parallel, sharing the total of operations, and checks that together
     * they made every operation and exercised cycles and conflicts.
     *
     * @param run runs the simulation of one seed with the given count of operations and checks its replicas
     */
    public static void acrossSeeds(int seeds, BiFunction<Long, Integer, EditingSimulation.Report> run) {
        int perSeed = Integer.getInteger("arxos.collab.operations", DEFAULT_OPERATIONS) / seeds;
        List<EditingSimulation.Report> reports = LongStream.rangeClosed(1, seeds).parallel()
                .mapToObj(seed -> run.apply(seed, perSeed)).toList();
        assertEquals((long) perSeed * seeds, reports.stream().mapToLong(EditingSimulation.Report::operations).sum());
        assertTrue(reports.stream().mapToLong(EditingSimulation.Report::cycles).sum() > 0,
                "no move would have made a cycle: the test does not test that");
        assertTrue(reports.stream().mapToLong(EditingSimulation.Report::conflicts).sum() > 0,
                "no concurrent writes conflicted: the test does not test that");
    }

    public static void assertConverged(long seed, Revision snapshot, Revision head, EditingSimulation.Report report,
            List<? extends SimulatedEditor> editors) {
        for (SimulatedEditor editor : editors) {
            Revision building = editor.building();
            assertEquals(head.contentHash(), building.contentHash(), "seed " + seed + ": " + editor.clientId()
                    + " differs from the server (" + building + " against " + head + ")");
        }
        assertEquals(head.objectCount(), head.objects().count(),
                "seed " + seed + ": an object cannot be reached from the root (a cycle or a lost subtree)");
        Set<String> expected = snapshot.objects().map(BuildingObject::id).collect(Collectors.toCollection(HashSet::new));
        expected.addAll(report.added());
        expected.removeAll(report.removed());
        List<String> ids = head.objects().map(BuildingObject::id).toList();
        assertEquals(ids.size(), new HashSet<>(ids).size(), "seed " + seed + ": an object is there twice");
        assertEquals(expected, new HashSet<>(ids), "seed " + seed + ": objects were lost or came back");
        assertTrue(!report.added().isEmpty() && !report.removed().isEmpty(), "seed " + seed + ": too few edits");
    }
}
