package org.arxos.collab.crdt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.stream.LongStream;

import org.arxos.collab.crdt.testing.ConvergenceCheck;
import org.arxos.collab.crdt.testing.EditingSimulation;
import org.arxos.collab.crdt.testing.SampleBuilding;
import org.arxos.model.Revision;
import org.junit.jupiter.api.Test;

/**
 * 20 editors and the server on a network that delays and reorders every message, editors' clocks skewed: after the
 * last message every replica holds exactly the server's building, with no cycle and every object the server accepted
 * and nobody removed. {@value ConvergenceCheck#DEFAULT_OPERATIONS} operations over {@value #SEEDS} seeds, the seeds in parallel;
 * {@code -Darxos.collab.operations=N} runs another total.
 */
class CrdtConvergenceTest {

    static final int SEEDS = 8;
    static final int EDITORS = 20;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void everyReplicaConvergesOnTheServersBuilding() {
        ConvergenceCheck.acrossSeeds(SEEDS, CrdtConvergenceTest::run);
    }

    private static EditingSimulation.Report run(long seed, int operations) {
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        Revision snapshot = SampleBuilding.create();
        CrdtServerReplica server = new CrdtServerReplica("sample", snapshot, 5_000);
        List<String> members = LongStream.range(0, EDITORS).mapToObj(i -> "editor" + i).toList();
        List<CrdtEditor> editors = members.stream().map(m -> new CrdtEditor(m, members, snapshot)).toList();
        EditingSimulation.Report report = new EditingSimulation(seed, EDITORS, operations, 0.05, 12, false)
                .run(server, editors);

        Revision head = server.head();
        assertEquals(head.contentHash(), server.tree().toRevision(head.number()).contentHash(),
                "seed " + seed + ": the server's head and its replicated tree differ");
        ConvergenceCheck.assertConverged(seed, snapshot, head, report, editors);
        assertTrue(report.maxBacklog() < 20_000, "seed " + seed + ": a replica's log grew to " + report.maxBacklog());
        System.out.printf("crdt seed %d: %d operations, %d objects, %d rejected (%d cycles), %d conflicts,"
                + " largest log %d, %d applied at editor 0, %d ms CPU%n", seed, report.operations(), head.objectCount(),
                report.rejected(), report.cycles(), report.conflicts(), report.maxBacklog(), editors.get(0).redone(),
                (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1_000_000);
        return report;
    }
}
