package org.arxos.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

import org.arxos.api.grouping.GroupingStrategy;
import org.arxos.api.grouping.Hierarchy;
import org.arxos.grouping.GroupTree;
import org.arxos.model.Revision;

/**
 * Full grouping: each strategy's {@code group(revision)} against its {@link NaiveGrouping} baseline, the two run
 * alternately; median wall and thread CPU time. The heap each hierarchy and each baseline map retains is measured
 * on the way (full collections with the last one made held).
 */
final class GroupingSection {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * The hierarchies made, by strategy name, with the bytes they and their baselines retain and the median time a
     * full grouping took.
     */
    record Grouped(Map<String, Hierarchy> hierarchies, Map<String, Long> retained, Map<String, Long> naiveRetained,
            Map<String, Timing> medians) {

        long hierarchyBytes() {
            return retained.values().stream().mapToLong(Long::longValue).sum();
        }

        long naiveBytes() {
            return naiveRetained.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final TextTable table = new TextTable(
            "1. Full grouping: group(revision) per strategy; ratio = strategy / naive baseline (HashMap of lists, "
                    + "linear scan)",
            "building", "strategy", "objects", "groups", "median ms", "min ms", "max ms", "CPU ms", "naive ms",
            "naive groups", "ratio");

    TextTable table() {
        return table;
    }

    Grouped measure(String building, Revision revision, Map<String, GroupingStrategy> strategies) {
        Repetitions reps = Repetitions.forObjects(revision.objectCount());
        Map<String, Hierarchy> hierarchies = new LinkedHashMap<>();
        Map<String, Long> retained = new LinkedHashMap<>();
        Map<String, Long> naiveRetained = new LinkedHashMap<>();
        Map<String, Timing> medians = new LinkedHashMap<>();
        for (NaiveGrouping naive : NaiveGrouping.values()) {
            String name = naive.strategy();
            GroupingStrategy strategy = strategies.get(name);
            long[] wall = new long[reps.runs()];
            long[] cpu = new long[reps.runs()];
            long[] naiveWall = new long[reps.runs()];
            int naiveGroups = 0;
            long before = RetainedHeap.bytes();
            Hierarchy hierarchy = null;
            for (int i = -reps.warmUp(); i < reps.runs(); i++) {
                hierarchy = null; // the previous run's tree is garbage while the next is made
                long c = THREADS.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                hierarchy = strategy.group(revision);
                long elapsed = System.nanoTime() - t;
                long cpuElapsed = THREADS.getCurrentThreadCpuTime() - c;
                t = System.nanoTime();
                naiveGroups = naive.group(revision).size();
                long naiveElapsed = System.nanoTime() - t;
                if (i >= 0) {
                    wall[i] = elapsed;
                    cpu[i] = cpuElapsed;
                    naiveWall[i] = naiveElapsed;
                }
            }
            check(name, hierarchy, revision);
            retained.put(name, RetainedHeap.bytes() - before);
            hierarchies.put(name, hierarchy);
            naiveRetained.put(name, RetainedHeap.retainedBy(() -> naive.group(revision)));

            Samples times = new Samples(wall);
            Samples naiveTimes = new Samples(naiveWall);
            Timing median = new Timing(times.median(), new Samples(cpu).median());
            medians.put(name, median);
            table.add(building, name, revision.objectCount(),
                    hierarchy instanceof GroupTree tree ? String.valueOf(tree.groupCount()) : "?", times.median(),
                    times.percentile(0), times.max(), median.cpuMillis(), naiveTimes.median(), naiveGroups,
                    times.median() / naiveTimes.median());
            System.out.printf("  grouping %-10s %8.1f ms (naive %.1f ms)%n", name, times.median(), naiveTimes.median());
        }
        return new Grouped(hierarchies, retained, naiveRetained, medians);
    }

    /** Every object is in the hierarchy exactly once: the root's count says so. */
    private static void check(String strategy, Hierarchy hierarchy, Revision revision) {
        int counted = hierarchy.root().objectCount();
        if (counted != revision.objectCount()) {
            throw new IllegalStateException("the " + strategy + " hierarchy of revision " + revision.number()
                    + " counts " + counted + " objects, the revision has " + revision.objectCount());
        }
    }
}
