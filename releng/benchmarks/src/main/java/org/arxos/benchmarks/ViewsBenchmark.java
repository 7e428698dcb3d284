package org.arxos.benchmarks;

import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.arxos.api.grouping.GroupingStrategy;
import org.arxos.api.io.BuildingImporter;
import org.arxos.api.io.ImportOptions;
import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.io.ifc.internal.IfcBuildingImporter;
import org.arxos.io.svg.internal.SvgBuildingImporter;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;

/**
 * The views of issue 4 at scale: grouping strategies and the floor renderer on generated buildings (default sizes
 * 10 000, 100 000 and 1 000 000 objects plus connections, seed 42) and on every IFC and SVG file in
 * {@code shared/data}. Each measurement has a naive baseline measured in the same run, and the tables give the ratio:
 * <ol>
 * <li>full grouping per strategy against a linear scan into a {@code HashMap} of lists ({@link GroupingSection});
 * <li>incremental regrouping of seeded 100-object change sets against full grouping ({@link IncrementalSection});
 * <li>viewport and tile rendering against a linear scan without index or level of detail ({@link RenderSection});
 * <li>retained heap of the revision, then with the three hierarchies, then with every floor's render index, against
 * the baselines' maps and lists.
 * </ol>
 * The acceptance targets are checked on the largest generated building. The machine's cores, load average and JVM are
 * printed first: on a shared machine, compare rows of one run.
 *
 * <p>Arguments, separated by spaces or commas: sizes, {@code --viewports=N} per zoom level (default 200),
 * {@code --tiles=N} per tile zoom (default 40), {@code --change-sets=N} (default 11).
 */
public final class ViewsBenchmark {

    private static final Map<String, String> STRATEGIES = Map.of(
            "spatial", "org.arxos.grouping.spatial.internal.SpatialGroupingStrategy",
            "system", "org.arxos.grouping.system.internal.SystemGroupingStrategy",
            "functional", "org.arxos.grouping.functional.internal.FunctionalGroupingStrategy");

    private static final double GROUPING_TARGET_MS = 5_000;
    private static final double REGROUP_TARGET_MS = 50;
    private static final double RENDER_P99_TARGET_MS = 50;
    private static final double HEAP_TARGET_MB = 500;

    @FunctionalInterface
    private interface Loader {
        Revision load() throws Exception;
    }

    private final Map<String, GroupingStrategy> strategies = new LinkedHashMap<>();
    private final GroupingSection grouping = new GroupingSection();
    private final IncrementalSection incremental;
    private final RenderSection render;
    private final TextTable heap = new TextTable(
            "4. Retained heap (full collections with the structures held), cumulative: revision, + the three "
                    + "hierarchies, + every floor's render index; ratio = structure / its baseline (naive maps; "
                    + "per-floor object lists)",
            "building", "objects", "revision MB", "B/object", "hierarchies MB", "spatial/system/functional",
            "naive MB", "ratio", "+ hierarchies MB", "index MB", "lists MB", "ratio", "total MB", "B/object");
    private final List<String> acceptance = new ArrayList<>();
    /** The size of the generated building the acceptance targets are checked on. */
    private final int largestGenerated;

    private ViewsBenchmark(int viewports, int tiles, int changeSets, int largestGenerated) {
        for (NaiveGrouping naive : NaiveGrouping.values()) {
            String name = naive.strategy();
            strategies.put(name, DefaultComponent.create(STRATEGIES.get(name), GroupingStrategy.class));
        }
        incremental = new IncrementalSection(changeSets);
        render = new RenderSection(viewports, tiles);
        this.largestGenerated = largestGenerated;
    }

    public static void main(String[] args) throws Exception {
        // PNG tiles are drawn by Batik through Java2D: no display
        System.setProperty("java.awt.headless", "true");
        List<Integer> sizes = new ArrayList<>();
        int viewports = 200;
        int tiles = 40;
        int changeSets = 11;
        for (String arg : args) {
            for (String part : arg.trim().split("[,\\s]+")) {
                if (part.startsWith("--viewports=")) {
                    viewports = Integer.parseInt(part.substring("--viewports=".length()));
                } else if (part.startsWith("--tiles=")) {
                    tiles = Integer.parseInt(part.substring("--tiles=".length()));
                } else if (part.startsWith("--change-sets=")) {
                    changeSets = Integer.parseInt(part.substring("--change-sets=".length()));
                } else if (!part.isBlank()) {
                    sizes.add(Integer.parseInt(part));
                }
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(10_000, 100_000, 1_000_000);
        }
        System.out.println("ViewsBenchmark: " + machine());
        long start = System.nanoTime();
        ViewsBenchmark benchmark = new ViewsBenchmark(viewports, tiles, changeSets, Collections.max(sizes));
        for (int size : sizes) {
            benchmark.measure("generated-" + size, () -> SyntheticBuilding.generateRevision(
                    new GeneratorSettings(42, size, "b", "Synthetic building")));
        }
        // the shared files are in data/ifc and data/svg, named by the one extension each importer reads
        for (BuildingImporter importer : List.of(new IfcBuildingImporter(), new SvgBuildingImporter())) {
            String extension = importer.extensions().iterator().next();
            for (Path file : SharedData.files(extension, extension)) {
                benchmark.measure(file.getFileName().toString(), () -> imported(importer, file));
            }
        }
        benchmark.print();
        System.out.printf(Locale.ROOT, "%nDone in %.0f s; load average now %s%n", (System.nanoTime() - start) / 1e9,
                loadAverage());
    }

    private static Revision imported(BuildingImporter importer, Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return Revision.EMPTY.apply(importer.read(in, ImportOptions.of(file.getFileName().toString())).content());
        }
    }

    private void measure(String building, Loader loader) throws Exception {
        long empty = RetainedHeap.bytes();
        long t = System.nanoTime();
        Revision revision = loader.load();
        double loadMillis = (System.nanoTime() - t) / 1e6;
        long revisionBytes = RetainedHeap.bytes() - empty;
        long floors = revision.objects().filter(o -> o.type() == ObjectType.FLOOR).count();
        System.out.printf(Locale.ROOT, "%s: %d objects, %d connections, %d floors, loaded in %.0f ms; load average "
                + "%s%n", building, revision.objectCount(), revision.connectionCount(), floors, loadMillis,
                loadAverage());

        GroupingSection.Grouped grouped = grouping.measure(building, revision, strategies);
        Timing slowestRegroup = incremental.measure(building, revision, grouped.hierarchies(), strategies);
        RenderSection.Rendered rendered = render.measure(building, revision, grouped.hierarchies().get("spatial"));

        int objects = revision.objectCount();
        long hierarchies = grouped.hierarchyBytes();
        long total = revisionBytes + hierarchies + rendered.indexBytes();
        heap.add(building, objects, mb(revisionBytes), (double) revisionBytes / objects, mb(hierarchies),
                grouped.retained().values().stream().map(b -> TextTable.number(mb(b)))
                        .collect(Collectors.joining("/")),
                mb(grouped.naiveBytes()), (double) hierarchies / grouped.naiveBytes(),
                mb(revisionBytes + hierarchies), mb(rendered.indexBytes()), mb(rendered.listBytes()),
                (double) rendered.indexBytes() / rendered.listBytes(), mb(total), (double) total / objects);

        if (building.equals("generated-" + largestGenerated)) {
            acceptance.clear();
            acceptance.add(String.format(Locale.ROOT, "Acceptance on %s (%,d objects, %,d connections):", building,
                    objects, revision.connectionCount()));
            grouped.medians().forEach((name, median) -> acceptance.add(verdict("full grouping, " + name + ", median",
                    median, GROUPING_TARGET_MS)));
            acceptance.add(verdict("incremental regrouping, slowest strategy's median", slowestRegroup,
                    REGROUP_TARGET_MS));
            acceptance.add(verdict("render p99, slowest zoom level", rendered.slowestP99(), RENDER_P99_TARGET_MS));
            acceptance.add(String.format(Locale.ROOT, "  %-52s %8s MB %26s target < %s MB: %s",
                    "heap: revision + three hierarchies + render indexes", TextTable.number(mb(total)), "",
                    TextTable.number(HEAP_TARGET_MB), mb(total) < HEAP_TARGET_MB ? "met" : "NOT MET"));
        }
    }

    private void print() {
        grouping.table().print(System.out);
        incremental.table().print(System.out);
        render.tables().forEach(t -> t.print(System.out));
        heap.print(System.out);
        System.out.println();
        acceptance.forEach(System.out::println);
    }

    /** Met or not by the wall clock, as the targets are stated; the CPU time says how much of it was waiting. */
    private static String verdict(String what, Timing timing, double limitMillis) {
        if (timing == null) {
            return String.format(Locale.ROOT, "  %-52s not measured: nothing to edit or draw", what);
        }
        return String.format(Locale.ROOT, "  %-52s %8s ms   thread CPU %8s ms   target < %s ms: %s", what,
                TextTable.number(timing.millis()), TextTable.number(timing.cpuMillis()),
                TextTable.number(limitMillis), timing.millis() < limitMillis ? "met" : "NOT MET");
    }

    private static double mb(long bytes) {
        return bytes / 1e6;
    }

    private static String machine() {
        Runtime runtime = Runtime.getRuntime();
        String collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%d cores, load average %s; %s %s, max heap %d MiB, %s",
                runtime.availableProcessors(), loadAverage(), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), runtime.maxMemory() >> 20, collectors);
    }

    /** The 1, 5 and 15 minute load averages, as {@code /proc/loadavg} has them. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (Exception e) {
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load);
        }
    }
}
