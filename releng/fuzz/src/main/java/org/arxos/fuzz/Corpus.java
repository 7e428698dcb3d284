package org.arxos.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.io.json.BuildingJson;

/**
 * The seed files of one target, in a fixed order (sorted by name) so that an input is reproducible from seed and
 * iteration. Large files are sampled: an IFC file to a header plus a reference-closed set of entities, an SVG file to
 * a well-formed window of its elements; a few inputs stay whole files.
 */
final class Corpus {

    record Entry(String name, byte[] bytes, StepIndex step) {
    }

    /** The window kinds {@link #sample} picks from, for the finding notes. */
    record Sample(byte[] bytes, String how) {
    }

    private final Target target;
    private final List<Entry> entries;

    private Corpus(Target target, List<Entry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("the " + target.id() + " corpus is empty");
        }
        this.target = target;
        this.entries = List.copyOf(entries);
    }

    List<Entry> entries() {
        return entries;
    }

    /**
     * The default corpus: {@code <shared>/data/ifc/*.ifc}, {@code <shared>/data/svg/*.svg}, or generated JSON
     * buildings; {@code dir} instead when given (every regular file in it).
     */
    static Corpus load(Target target, Path dir, Path sharedDir) {
        List<Entry> entries = new ArrayList<>();
        if (dir == null && target == Target.JSON) {
            entries.add(entry(target, "example.json", JSON_EXAMPLE.getBytes(StandardCharsets.UTF_8)));
            int[] sizes = {100, 137, 400};
            for (int i = 0; i < sizes.length; i++) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try {
                    BuildingJson.writeBuilding(SyntheticBuilding.generateRevision(
                            new GeneratorSettings(7 + i, sizes[i], "hq" + i, i == 1 ? null : "Tower " + i)), out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                entries.add(entry(target, "synthetic-" + sizes[i] + ".json", out.toByteArray()));
            }
            return new Corpus(target, entries);
        }
        Path folder = dir != null ? dir : sharedDir.resolve("data").resolve(target.extension());
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.filter(Files::isRegularFile)
                    .filter(p -> dir != null || p.getFileName().toString().toLowerCase().endsWith("." + target.extension()))
                    .sorted().toList()) {
                entries.add(entry(target, p.getFileName().toString(), Files.readAllBytes(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + target.id() + " corpus in " + folder, e);
        }
        return new Corpus(target, entries);
    }

    private static Entry entry(Target target, String name, byte[] bytes) {
        return new Entry(name, bytes, target == Target.IFC ? StepIndex.of(bytes) : null);
    }

    /** One seed input: sometimes a whole file, mostly a sample of at most {@code maxBytes}. */
    Sample sample(SplittableRandom rng, int maxBytes) {
        Entry e = entries.get(rng.nextInt(entries.size()));
        boolean small = e.bytes().length <= maxBytes;
        if (rng.nextInt(100) < (small ? 25 : 4)) {
            return new Sample(e.bytes(), e.name() + " (whole file)");
        }
        if (small && rng.nextBoolean()) {
            return new Sample(e.bytes(), e.name() + " (whole file)");
        }
        int budget = 2048 + rng.nextInt(Math.max(1, maxBytes - 2048));
        switch (target) {
            case IFC: {
                if (rng.nextInt(4) == 0) {
                    return new Sample(e.step().run(rng, budget), e.name() + " (run of entities, " + budget + " B budget)");
                }
                return new Sample(e.step().closure(rng, budget), e.name() + " (reference-closed sample, " + budget
                        + " B budget)");
            }
            case SVG:
                return new Sample(XmlWindow.window(e.bytes(), rng, budget), e.name() + " (element window, " + budget
                        + " B budget)");
            default:
                return new Sample(e.bytes(), e.name() + " (whole file)");
        }
    }

    /** A whole corpus file, for splicing. */
    byte[] any(SplittableRandom rng) {
        return entries.get(rng.nextInt(entries.size())).bytes();
    }

    /** The format's example (docs/formats/json.md) with every kind of geometry and property. */
    static final String JSON_EXAMPLE = """
            {"format":"arxos.building","version":1,"building":{"id":"hq","name":"Head office","revision":3,"contentHash":"61b36ab472c4374c0ae161c89ba47aec"},"objects":[
            {"id":"hq","type":"building","kind":"office","name":"Head office","properties":{"year":{"number":1999}}},
            {"id":"f1","type":"floor","kind":"storey","parent":"hq","name":"Ground","bounds":[0,0,40.25,20],"elevation":[0,3.2]},
            {"id":"r1","type":"space","kind":"office","parent":"f1","name":"Room 1","polygon":[0,0,10,0,10,8.125,0,8.125],"elevation":[0,3]},
            {"id":"e1","type":"system","kind":"electrical","parent":"hq"},
            {"id":"p1","type":"component","kind":"panel","parent":"e1","name":"Panel","bounds":[1,1,1.5,1.1]},
            {"id":"l1","type":"component","kind":"light-fixture","parent":"r1","bounds":[2,2,2.6,2.6],"elevation":[2.9,3],"properties":{"emergency":{"flag":true},"model":{"text":"LX-7"},"power":{"number":60.5,"unit":"W"}}},
            {"id":"w1","type":"component","kind":"wire","parent":"e1","polyline":[1.25,1,2.3,2.3]}],"connections":[
            {"id":"c1","from":"p1","to":"l1","kind":"power","properties":{"circuit":{"text":"L1-3"}}}]}
            """;
}
