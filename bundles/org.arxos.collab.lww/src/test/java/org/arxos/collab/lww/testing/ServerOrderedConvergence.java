package org.arxos.collab.lww.testing;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.arxos.api.collab.Conflict;
import org.arxos.api.collab.Operation;
import org.arxos.api.collab.Resolution;
import org.arxos.api.collab.ServerReplica;
import org.arxos.collab.crdt.testing.ConvergenceCheck;
import org.arxos.collab.crdt.testing.EditingSimulation;
import org.arxos.collab.crdt.testing.SampleBuilding;
import org.arxos.model.Revision;

/**
 * The convergence test of a server-ordered policy: {@value #EDITORS} {@link MirrorEditor}s and the server on links
 * with random delays that keep their order (a WebSocket), in the seeded simulation of the CRDT's test, over
 * {@value #SEEDS} seeds in parallel. After the last message every editor holds the server's building, with no cycle and
 * exactly the objects the server accepted. The total of operations is {@code -Darxos.collab.operations}.
 */
public final class ServerOrderedConvergence {

    public static final int SEEDS = 4;
    public static final int EDITORS = 20;

    private ServerOrderedConvergence() {
    }

    /**
     * @param open opens the server replica on the sample building
     * @return how many conflicts of each outcome the servers reported over all seeds
     */
    public static Map<Conflict.Outcome, Long> check(String policy, Function<Revision, ServerReplica> open) {
        Map<Conflict.Outcome, LongAdder> outcomes = new ConcurrentHashMap<>();
        ConvergenceCheck.acrossSeeds(SEEDS, (seed, operations) -> {
            Revision snapshot = SampleBuilding.create();
            ServerReplica server = open.apply(snapshot);
            List<MirrorEditor> editors = IntStream.range(0, EDITORS)
                    .mapToObj(i -> new MirrorEditor("editor" + i, snapshot)).toList();
            EditingSimulation.Report report = new EditingSimulation(seed, EDITORS, operations, 0.05, 12, true)
                    .run(new ServerReplica() {
                        @Override
                        public Resolution submit(Operation operation) {
                            Resolution r = server.submit(operation);
                            r.conflicts().forEach(k -> outcomes.computeIfAbsent(k.outcome(), o -> new LongAdder()).increment());
                            return r;
                        }

                        @Override
                        public Revision head() {
                            return server.head();
                        }
                    }, editors);
            ConvergenceCheck.assertConverged(seed, snapshot, server.head(), report, editors);
            editors.forEach(e -> {
                if (e.backlog() != 0) {
                    throw new AssertionError(e.clientId() + " still waits for " + e.backlog() + " acknowledgements");
                }
            });
            System.out.printf("%s seed %d: %d operations, %d objects, %d rejected (%d cycles), %d conflicts,"
                    + " %d parked at the end%n", policy, seed, report.operations(), server.head().objectCount(),
                    report.rejected(), report.cycles(), report.conflicts(), server.parked().size());
            return report;
        });
        Map<Conflict.Outcome, Long> totals = new EnumMap<>(Conflict.Outcome.class);
        outcomes.forEach((outcome, count) -> totals.put(outcome, count.sum()));
        System.out.println(policy + " conflicts by outcome: " + totals);
        return totals;
    }
}
