package org.arxos.collab.crdt.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;

import org.arxos.api.collab.Operation;
import org.arxos.api.collab.Resolution;
import org.arxos.api.collab.ServerReplica;
import org.arxos.model.Change;
import org.arxos.model.Rule;
import org.arxos.model.Violation;

/**
 * A seeded, single-threaded simulation of editors and a server on a network with random delays: in each millisecond
 * tick every editor edits with some probability; its operation reaches the server after a random delay, and what the
 * server sends on reaches every editor after a random delay of its own. With {@code fifo} each link delivers in the
 * order it was given (a WebSocket); without it, messages on one link overtake each other too. Editors' clocks are
 * skewed. The same settings give the same run.
 *
 * @param seed        the seed of everything random
 * @param editors     how many client replicas
 * @param operations  how many operations the editors make in all
 * @param editChance  the chance an editor edits in a tick
 * @param maxDelay    the longest delay of one message, in ticks
 * @param fifo        whether each link keeps its order
 */
public record EditingSimulation(long seed, int editors, int operations, double editChance, int maxDelay, boolean fifo) {

    /**
     * What happened, as the server saw it.
     *
     * @param operations   operations the editors made
     * @param added        ids of objects whose addition the server applied
     * @param removed      ids of objects whose removal the server applied
     * @param rejected     changes the server refused
     * @param cycles       of those, moves that would have made a cycle
     * @param conflicts    conflicts the server reported
     * @param maxBacklog   the most log entries or pending operations one replica held at once
     */
    public record Report(int operations, Set<String> added, Set<String> removed, long rejected, long cycles,
            long conflicts, int maxBacklog) {
    }

    private record Message(long at, long order, int editor, Operation operation, long revision) {
    }

    public Report run(ServerReplica server, List<? extends SimulatedEditor> clients) {
        Random random = new Random(seed);
        List<RandomEdits> edits = new ArrayList<>();
        long[] skew = new long[clients.size()];
        for (int i = 0; i < clients.size(); i++) {
            edits.add(new RandomEdits(new Random(random.nextLong()), clients.get(i).clientId(),
                    server.head().objectCount()));
            skew[i] = random.nextInt(maxDelay + 1);
        }
        PriorityQueue<Message> queue = new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at)
                : Long.compare(a.order, b.order));
        long[] toServerLast = new long[clients.size()];
        long[] toClientLast = new long[clients.size()];
        Set<String> added = new HashSet<>();
        Set<String> removed = new HashSet<>();
        long order = 0;
        long rejected = 0;
        long cycles = 0;
        long conflicts = 0;
        int made = 0;
        int maxBacklog = 0;
        for (long tick = 0; made < operations || !queue.isEmpty(); tick++) {
            while (!queue.isEmpty() && queue.peek().at <= tick) {
                Message m = queue.poll();
                if (m.editor >= 0) {
                    SimulatedEditor editor = clients.get(m.editor);
                    editor.receive(m.operation, m.revision, tick + skew[m.editor]);
                    maxBacklog = Math.max(maxBacklog, editor.backlog());
                    continue;
                }
                Resolution r = server.submit(m.operation);
                rejected += r.rejected().size();
                for (Violation v : r.rejected()) {
                    cycles += v.rule() == Rule.CYCLE ? 1 : 0;
                }
                conflicts += r.conflicts().size();
                for (Change c : r.broadcast().changes().changes()) {
                    if (c instanceof Change.AddObject a) {
                        added.add(a.object().id());
                    } else if (c instanceof Change.RemoveObject rm) {
                        removed.add(rm.id());
                    }
                }
                for (int i = 0; i < clients.size(); i++) {
                    long at = deliveryTime(tick, random, toClientLast, i);
                    queue.add(new Message(at, order++, i, r.broadcast(), r.revision()));
                }
            }
            for (int i = 0; i < clients.size() && made < operations; i++) {
                if (random.nextDouble() < editChance) {
                    Operation op = clients.get(i).edit(edits.get(i), tick + skew[i]);
                    if (op != null) {
                        made++;
                        queue.add(new Message(deliveryTime(tick, random, toServerLast, i), order++, -1, op, 0));
                    }
                }
            }
        }
        return new Report(made, added, removed, rejected, cycles, conflicts, maxBacklog);
    }

    private long deliveryTime(long tick, Random random, long[] last, int link) {
        long at = tick + 1 + random.nextInt(maxDelay + 1);
        if (fifo) {
            at = Math.max(at, last[link]);
            last[link] = at;
        }
        return at;
    }
}
