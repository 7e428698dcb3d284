package org.arxos.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.arxos.api.grouping.GroupNode;
import org.arxos.api.grouping.GroupingStrategy;
import org.arxos.api.grouping.Hierarchy;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.Revision;

/**
 * Incremental regrouping: for each of several seeded {@link RandomEdits} change sets against the building, each
 * strategy's {@code regroup(previous, next, changes)} from the building's hierarchy, against the baseline of grouping
 * {@code next} in full. The regrouped tree is checked against the full one: the same root and the same groups under it.
 */
final class IncrementalSection {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int WARM_UP_SETS = 3;

    private final int changeSets;
    private final TextTable table = new TextTable(
            "2. Incremental regrouping: regroup(previous, next, changes) for seeded ~100-object change sets; ratio = "
                    + "regroup / full group(next)",
            "building", "strategy", "sets", "objects/set", "median ms", "p90 ms", "max ms", "CPU ms", "full median ms",
            "full runs", "ratio", "agrees");

    IncrementalSection(int changeSets) {
        this.changeSets = changeSets;
    }

    TextTable table() {
        return table;
    }

    /** The median regroup time of the strategy that regroups slowest; null when nothing could be edited. */
    Timing measure(String building, Revision revision, Map<String, Hierarchy> hierarchies,
            Map<String, GroupingStrategy> strategies) throws ChangeRejectedException {
        RandomEdits edits = new RandomEdits(revision);
        SplittableRandom random = new SplittableRandom(7);
        List<RandomEdits.Edit> sets = new ArrayList<>();
        List<Revision> next = new ArrayList<>();
        for (int i = 0; i < WARM_UP_SETS + changeSets; i++) {
            RandomEdits.Edit edit = edits.next(random);
            sets.add(edit);
            next.add(revision.apply(edit.changes()));
        }
        IntSummaryStatistics objects = sets.subList(WARM_UP_SETS, sets.size()).stream()
                .mapToInt(RandomEdits.Edit::objects).summaryStatistics();
        if (objects.getMax() == 0) {
            return null;
        }
        int fullRuns = Math.min(changeSets, Repetitions.forObjects(revision.objectCount()).runs());
        Timing slowest = null;
        for (Map.Entry<String, Hierarchy> entry : hierarchies.entrySet()) {
            String name = entry.getKey();
            GroupingStrategy strategy = strategies.get(name);
            Hierarchy previous = entry.getValue();
            long[] regroup = new long[changeSets];
            long[] regroupCpu = new long[changeSets];
            long[] full = new long[fullRuns];
            int agreeing = 0;
            for (int i = 0; i < sets.size(); i++) {
                Revision after = next.get(i);
                long cpu = THREADS.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                Hierarchy edited = strategy.regroup(previous, after, sets.get(i).changes());
                long elapsed = System.nanoTime() - t;
                long cpuElapsed = THREADS.getCurrentThreadCpuTime() - cpu;
                int run = i - WARM_UP_SETS;
                if (run >= 0) {
                    regroup[run] = elapsed;
                    regroupCpu[run] = cpuElapsed;
                }
                if (run >= 0 && run < fullRuns) {
                    t = System.nanoTime();
                    Hierarchy grouped = strategy.group(after);
                    full[run] = System.nanoTime() - t;
                    if (agree(edited, grouped, after)) {
                        agreeing++;
                    }
                }
            }
            Samples times = new Samples(regroup);
            Samples fullTimes = new Samples(full);
            Timing median = new Timing(times.median(), new Samples(regroupCpu).median());
            if (slowest == null || median.millis() > slowest.millis()) {
                slowest = median;
            }
            table.add(building, name, changeSets, objects.getMin() == objects.getMax()
                    ? String.valueOf(objects.getMax()) : objects.getMin() + "-" + objects.getMax(), times.median(),
                    times.percentile(90), times.max(), median.cpuMillis(), fullTimes.median(), fullRuns,
                    times.median() / fullTimes.median(), agreeing + "/" + fullRuns);
            System.out.printf("  regroup  %-10s %8.2f ms (full %.1f ms)%n", name, times.median(), fullTimes.median());
        }
        return slowest;
    }

    /** Whether the two hierarchies of {@code revision} have the same root and the same top-level groups. */
    private static boolean agree(Hierarchy edited, Hierarchy grouped, Revision revision) {
        return edited.revision() == revision.number() && edited.root().equals(grouped.root())
                && top(edited).equals(top(grouped));
    }

    private static Set<GroupNode> top(Hierarchy hierarchy) {
        return new HashSet<>(hierarchy.children(hierarchy.root().id(), 0, Integer.MAX_VALUE));
    }
}
