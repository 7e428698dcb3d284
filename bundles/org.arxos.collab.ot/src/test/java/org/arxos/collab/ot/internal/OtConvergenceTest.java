package org.arxos.collab.ot.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.stream.IntStream;

import org.arxos.collab.crdt.testing.ConvergenceCheck;
import org.arxos.collab.crdt.testing.EditingSimulation;
import org.arxos.collab.crdt.testing.SampleBuilding;
import org.arxos.model.Revision;
import org.junit.jupiter.api.Test;

/**
 * 20 OT clients and the server on links with random delays (each link in order, as a WebSocket is; the server sees
 * the clients' operations interleaved at random): after the last message every client holds exactly the server's
 * building, with no cycle and every object the server accepted and nobody removed. {@value ConvergenceCheck#DEFAULT_OPERATIONS}
 * operations over {@value #SEEDS} seeds, the seeds in parallel; {@code -Darxos.collab.operations=N} runs another total.
 */
class OtConvergenceTest {

    static final int SEEDS = 8;
    static final int EDITORS = 20;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void everyClientConvergesOnTheServersBuilding() {
        ConvergenceCheck.acrossSeeds(SEEDS, OtConvergenceTest::run);
    }

    private static EditingSimulation.Report run(long seed, int operations) {
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        Revision snapshot = SampleBuilding.create();
        OtServerReplica server = new OtServerReplica("sample", snapshot, 10_000);
        List<OtEditor> editors = IntStream.range(0, EDITORS).mapToObj(i -> new OtEditor("editor" + i, snapshot)).toList();
        EditingSimulation.Report report = new EditingSimulation(seed, EDITORS, operations, 0.05, 12, true)
                .run(server, editors);

        ConvergenceCheck.assertConverged(seed, snapshot, server.head(), report, editors);
        editors.forEach(e -> assertEquals(0, e.backlog(), e.clientId() + " still waits for acknowledgements"));
        System.out.printf("ot seed %d: %d operations, %d objects, %d rejected (%d cycles), %d conflicts,"
                + " %d refused locally at editor 0, %d ms CPU%n", seed, report.operations(), server.head().objectCount(),
                report.rejected(), report.cycles(), report.conflicts(), editors.get(0).refusedLocally(),
                (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1_000_000);
        return report;
    }
}
