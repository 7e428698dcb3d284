package org.arxos.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.ChangeSet;
import org.arxos.model.ObjectType;
import org.arxos.model.PropertyValue;
import org.arxos.model.Revision;

/**
 * Memory and speed of {@link Revision} on synthetic buildings. For each size (objects plus connections): time to
 * generate the change set and to apply it to the empty revision, retained heap per item of the resulting revision
 * (heap after full GCs with the revision held, minus heap before, divided by objects plus connections), median time
 * to apply a 100-change set (50 moves, 50 property sets) to it, and the retained heap each such derived revision adds.
 * Prints one table. Arguments: sizes, separated by spaces or commas (default 10000 100000 1000000).
 */
public final class ModelMemoryBenchmark {

    private static final int CHANGES = 100;
    private static final int APPLY_RUNS = 21;
    private static final int DERIVED = 20;


    public static void main(String[] args) throws Exception {
        int[] sizes = sizes(args);
        System.out.printf(Locale.ROOT, "ModelMemoryBenchmark: java %s, %d cpus, max heap %d MiB%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        List<String> rows = new ArrayList<>();
        for (int size : sizes) {
            rows.add(run(size));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%10s %9s %11s %11s %9s %10s %14s %16s%n", "target", "objects", "connections",
                "generate ms", "build ms", "bytes/item", "apply-100 ms", "KiB/derived rev");
        rows.forEach(System.out::println);
    }

    private static String run(int size) throws ChangeRejectedException {
        long before = RetainedHeap.bytes();
        long t0 = System.nanoTime();
        ChangeSet changes = SyntheticBuilding.generate(GeneratorSettings.of(42, size));
        long t1 = System.nanoTime();
        Revision revision = Revision.EMPTY.apply(changes);
        long t2 = System.nanoTime();
        changes = null;
        long after = RetainedHeap.bytes();
        int items = revision.objectCount() + revision.connectionCount();
        double bytesPerItem = (double) (after - before) / items;

        // 100-change sets: move components to another system of their discipline, set a property on others
        List<BuildingObject> components = new ArrayList<>();
        List<BuildingObject> systems = new ArrayList<>();
        revision.objects().forEach(o -> {
            if (o.type() == ObjectType.COMPONENT && o.parentId().startsWith("f")) {
                components.add(o);
            } else if (o.type() == ObjectType.SYSTEM && o.parentId().startsWith("f")) {
                systems.add(o);
            }
        });
        SplittableRandom random = new SplittableRandom(1);
        long[] times = new long[APPLY_RUNS];
        List<Revision> derived = new ArrayList<>();
        for (int warm = 0; warm < 10; warm++) {
            revision.apply(changeSet(random, components, systems));
        }
        for (int run = 0; run < APPLY_RUNS; run++) {
            ChangeSet cs = changeSet(random, components, systems);
            long s = System.nanoTime();
            Revision next = revision.apply(cs);
            times[run] = System.nanoTime() - s;
            if (next.number() != 2) {
                throw new IllegalStateException();
            }
        }
        Arrays.sort(times);
        List<ChangeSet> sets = new ArrayList<>();
        for (int i = 0; i < DERIVED; i++) {
            sets.add(changeSet(random, components, systems));
        }
        components.clear();
        systems.clear();
        long beforeDerived = RetainedHeap.bytes();
        for (ChangeSet cs : sets) {
            derived.add(revision.apply(cs));
        }
        long afterDerived = RetainedHeap.bytes();
        double kibPerDerived = (afterDerived - beforeDerived) / 1024.0 / DERIVED;
        String row = String.format(Locale.ROOT, "%10d %9d %11d %11.0f %9.0f %10.1f %14.2f %16.0f", size,
                revision.objectCount(), revision.connectionCount(), (t1 - t0) / 1e6, (t2 - t1) / 1e6, bytesPerItem,
                times[APPLY_RUNS / 2] / 1e6, kibPerDerived);
        System.out.println(row + "   (hash " + revision.contentHash() + ", derived " + derived.size() + ")");
        return row;
    }

    private static ChangeSet changeSet(SplittableRandom random, List<BuildingObject> components,
            List<BuildingObject> systems) {
        List<Change> changes = new ArrayList<>(CHANGES);
        for (int i = 0; i < CHANGES; i++) {
            BuildingObject c = components.get(random.nextInt(components.size()));
            if (i % 2 == 0) {
                BuildingObject target;
                do {
                    target = systems.get(random.nextInt(systems.size()));
                } while (!target.kind().equals("electrical") && systems.size() > 1);
                changes.add(new Change.MoveObject(c.id(), target.id()));
            } else {
                changes.add(new Change.SetProperty(c.id(), "note", PropertyValue.of("checked " + i)));
            }
        }
        return new ChangeSet("benchmark", "", changes);
    }


    private static int[] sizes(String[] args) {
        List<Integer> sizes = new ArrayList<>();
        for (String arg : args) {
            for (String part : arg.split("[,\\s]+")) {
                if (!part.isBlank()) {
                    sizes.add(Integer.parseInt(part.trim()));
                }
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(10_000, 100_000, 1_000_000);
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }
}
