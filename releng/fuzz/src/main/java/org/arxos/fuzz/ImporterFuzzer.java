package org.arxos.fuzz;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A seeded, structure-aware mutation fuzzer for the building importers. No native agent and no coverage feedback:
 * every input is made from the corpus by {@link Mutator} from seed and iteration alone, so any finding is reproduced
 * with {@code --seed S --iteration N}, or from its saved bytes with {@code --replay file.bin}.
 *
 * <pre>
 * ImporterFuzzer --target ifc|svg|json [--minutes N | --seconds N | --iterations N] [--seed S] [--corpus dir]
 *                [--max-input-bytes B] [--timeout-seconds T] [--findings dir]
 * ImporterFuzzer --target T --seed S --iteration N     run one input again (and save it)
 * ImporterFuzzer --target T --replay file              run one saved input
 * </pre>
 *
 * Prints a summary row every minute and a table at the end; saves every crash, hang and leak to
 * {@code <findings>/<target>-<iteration>.bin} with a {@code .txt} beside it. Exits 0 when there was none, 1 otherwise.
 */
public final class ImporterFuzzer {

    /** What to run. */
    public record Config(Target target, long millis, long maxIterations, long seed, Path corpus, int maxInputBytes,
            long timeoutMillis, Path findings, Path sharedDir, PrintStream out) {

        public static Config of(Target target, long millis, long seed) {
            return new Config(target, millis, Long.MAX_VALUE, seed, null, 256 * 1024, 5_000,
                    Path.of("target", "fuzz-findings"), ImporterFuzzer.sharedDir(), System.out);
        }

        public Config withTimeoutMillis(long t) {
            return new Config(target, millis, maxIterations, seed, corpus, maxInputBytes, t, findings, sharedDir, out);
        }

        public Config withFindings(Path f) {
            return new Config(target, millis, maxIterations, seed, corpus, maxInputBytes, timeoutMillis, f, sharedDir, out);
        }
    }

    /** What a run found. */
    public static final class Summary {
        final Target target;
        final long seed;
        final Map<Oracle.Kind, Long> counts = new EnumMap<>(Oracle.Kind.class);
        /** signature -> [count, first iteration]; for EXPECTED, CRASH, HANG and LEAK. */
        final Map<String, long[]> signatures = new LinkedHashMap<>();
        final Map<String, Oracle.Kind> signatureKinds = new LinkedHashMap<>();
        final List<Path> saved = new ArrayList<>();
        long inputs;
        long bytes;
        long nanos;
        String stopped;

        Summary(Target target, long seed) {
            this.target = target;
            this.seed = seed;
            for (Oracle.Kind k : Oracle.Kind.values()) {
                counts.put(k, 0L);
            }
        }

        public long inputs() {
            return inputs;
        }

        public long count(Oracle.Kind kind) {
            return counts.get(kind);
        }

        public long crashes() {
            return count(Oracle.Kind.CRASH);
        }

        public long hangs() {
            return count(Oracle.Kind.HANG);
        }

        public long leaks() {
            return count(Oracle.Kind.LEAK);
        }

        public List<Path> saved() {
            return saved;
        }

        /** Why the run stopped early (a hung worker burning CPU), or null. */
        public String stopped() {
            return stopped;
        }

        public double rate() {
            return nanos == 0 ? 0 : inputs / (nanos / 1e9);
        }

        static String header() {
            return String.format(Locale.ROOT, "%-7s %-6s %9s %9s %9s %9s %6s %6s %5s %5s %11s", "elapsed", "target",
                    "inputs", "inputs/s", "OK", "EXPECTED", "MASKED", "CRASH", "HANG", "LEAK", "signatures");
        }

        String row() {
            long s = nanos / 1_000_000_000L;
            return String.format(Locale.ROOT, "%3d:%02d   %-6s %9d %9.1f %9d %9d %6d %6d %5d %5d %11d", s / 60, s % 60,
                    target.id(), inputs, rate(), count(Oracle.Kind.OK), count(Oracle.Kind.EXPECTED),
                    count(Oracle.Kind.MASKED), crashes(), hangs(), leaks(), signatures.size());
        }

        /** The closing table: the row, then every signature with its count and first iteration. */
        public String table() {
            StringBuilder sb = new StringBuilder();
            sb.append(header()).append('\n').append(row()).append('\n');
            sb.append(String.format(Locale.ROOT, "seed %d, %.1f MiB of input, %.1f KiB per input on average%n", seed,
                    bytes / 1048576.0, inputs == 0 ? 0 : bytes / 1024.0 / inputs));
            if (stopped != null) {
                sb.append("STOPPED EARLY: ").append(stopped).append('\n');
            }
            sb.append("distinct signatures (kind, count, first iteration, signature):\n");
            signatures.entrySet().stream()
                    .sorted((a, b) -> a.getValue()[0] == b.getValue()[0]
                            ? signatureKinds.get(b.getKey()).compareTo(signatureKinds.get(a.getKey()))
                            : Long.compare(b.getValue()[0], a.getValue()[0]))
                    .sorted((a, b) -> Boolean.compare(signatureKinds.get(a.getKey()) == Oracle.Kind.EXPECTED,
                            signatureKinds.get(b.getKey()) == Oracle.Kind.EXPECTED))
                    .limit(60)
                    .forEach(e -> sb.append(String.format(Locale.ROOT, "  %-8s %8d %9d  %s%n",
                            signatureKinds.get(e.getKey()), e.getValue()[0], e.getValue()[1], e.getKey())));
            if (signatures.size() > 60) {
                sb.append("  ... ").append(signatures.size() - 60).append(" more EXPECTED signatures\n");
            }
            if (!saved.isEmpty()) {
                sb.append("findings saved: ").append(saved.size()).append(" (first ").append(saved.get(0)).append(")\n");
            }
            return sb.toString();
        }
    }

    private static final int MAX_SAVED = 1000;

    private ImporterFuzzer() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = parse(args);
        Target target = Target.of(require(a, "target"));
        long seed = Long.parseLong(a.getOrDefault("seed", "1"));
        long millis = a.containsKey("seconds") ? (long) (Double.parseDouble(a.get("seconds")) * 1000)
                : (long) (Double.parseDouble(a.getOrDefault("minutes", "10")) * 60_000);
        long iterations = Long.parseLong(a.getOrDefault("iterations", String.valueOf(Long.MAX_VALUE)));
        Config config = new Config(target, millis, iterations, seed,
                a.containsKey("corpus") ? Path.of(a.get("corpus")) : null,
                Integer.parseInt(a.getOrDefault("max-input-bytes", String.valueOf(256 * 1024))),
                (long) (Double.parseDouble(a.getOrDefault("timeout-seconds", "5")) * 1000),
                Path.of(a.getOrDefault("findings", "target/fuzz-findings")), sharedDir(), System.out);
        if (!target.available()) {
            System.err.println("the " + target.id() + " importer is not on the class path (" + target
                    + "): build its bundle first");
            System.exit(2);
        }
        if (a.containsKey("replay")) {
            System.exit(replay(config, Files.readAllBytes(Path.of(a.get("replay")))) ? 0 : 1);
        }
        if (a.containsKey("iteration")) {
            System.exit(one(config, Long.parseLong(a.get("iteration"))) ? 0 : 1);
        }
        Summary s = run(config);
        System.exit(s.crashes() + s.hangs() + s.leaks() == 0 && s.stopped() == null ? 0 : 1);
    }

    /** Runs the fuzzer for the configured time (or number of inputs) and returns what it found. */
    public static Summary run(Config c) {
        PrintStream out = c.out();
        Corpus corpus = Corpus.load(c.target(), c.corpus(), c.sharedDir());
        Summary summary = new Summary(c.target(), c.seed());
        try (Probes probes = new Probes();
                Oracle oracle = new Oracle(c.target()::newImporter, c.timeoutMillis(), probes)) {
            Mutator mutator = new Mutator(c.target(), corpus, c.seed(), c.maxInputBytes(), probes);
            out.printf(Locale.ROOT, "ImporterFuzzer: target %s (%s), seed %d, %s, corpus %d files (%s), inputs up to "
                    + "%d bytes (some whole files), timeout %d ms, heap %d MiB, findings in %s%n", c.target().id(),
                    c.target().importerClass().getName(), c.seed(),
                    c.maxIterations() == Long.MAX_VALUE ? String.format(Locale.ROOT, "%.1f minutes", c.millis() / 60000.0)
                            : c.maxIterations() + " inputs",
                    corpus.entries().size(), c.corpus() != null ? c.corpus() : c.target() == Target.JSON ? "generated"
                            : c.sharedDir().resolve("data").resolve(c.target().extension()),
                    c.maxInputBytes(), c.timeoutMillis(), Runtime.getRuntime().maxMemory() >> 20,
                    c.findings().toAbsolutePath());
            out.println(Summary.header());
            long start = System.nanoTime();
            long deadline = start + c.millis() * 1_000_000L;
            long nextReport = start + 60_000_000_000L;
            long nextBurnCheck = start;
            for (long i = 0; i < c.maxIterations() && System.nanoTime() < deadline; i++) {
                Mutator.Input input = mutator.generate(i);
                Oracle.Outcome outcome = oracle.run(input);
                summary.inputs++;
                summary.bytes += input.bytes().length;
                summary.counts.merge(outcome.kind(), 1L, Long::sum);
                if (outcome.signature() != null) {
                    long iteration = i;
                    summary.signatures.computeIfAbsent(outcome.signature(), k -> new long[] {0, iteration})[0]++;
                    summary.signatureKinds.putIfAbsent(outcome.signature(), outcome.kind());
                }
                boolean finding = outcome.kind() == Oracle.Kind.CRASH || outcome.kind() == Oracle.Kind.HANG
                        || outcome.kind() == Oracle.Kind.LEAK;
                // masked defects: the first few of each signature are saved and shown
                boolean masked = outcome.kind() == Oracle.Kind.MASKED
                        && summary.signatures.get(outcome.signature())[0] <= 3;
                if (finding || masked) {
                    out.printf(Locale.ROOT, "  %s at iteration %d: %s (%s)%n", outcome.kind(), i, outcome.signature(),
                            clip(outcome.detail()));
                    if (summary.saved.size() < MAX_SAVED) {
                        summary.saved.add(save(c, input, outcome));
                    }
                }
                if (outcome.kind() == Oracle.Kind.HANG && oracle.aliveAbandoned() > 4) {
                    summary.stopped = oracle.aliveAbandoned() + " hung workers are still alive";
                }
                long now = System.nanoTime();
                summary.nanos = now - start;
                if (now >= nextBurnCheck) {
                    nextBurnCheck = now + 5_000_000_000L;
                    String burning = oracle.burningWorker();
                    if (burning != null) {
                        summary.stopped = "a hung worker keeps burning CPU: " + burning;
                    }
                }
                if (now >= nextReport) {
                    out.println(summary.row());
                    nextReport += 60_000_000_000L;
                }
                if (summary.stopped != null) {
                    out.println(summary.row());
                    out.println("STOPPING: " + summary.stopped);
                    break;
                }
            }
            summary.nanos = System.nanoTime() - start;
        }
        out.print(summary.table());
        return summary;
    }

    /** Runs iteration n of the seed again, saves its input and prints the outcome with its stack trace. */
    static boolean one(Config c, long n) {
        Corpus corpus = Corpus.load(c.target(), c.corpus(), c.sharedDir());
        try (Probes probes = new Probes();
                Oracle oracle = new Oracle(c.target()::newImporter, c.timeoutMillis(), probes)) {
            Mutator.Input input = new Mutator(c.target(), corpus, c.seed(), c.maxInputBytes(), probes).generate(n);
            Oracle.Outcome outcome = oracle.run(input);
            Path saved = save(c, input, outcome);
            c.out().println(describe(c, input, outcome));
            c.out().println("input saved to " + saved);
            return outcome.kind() == Oracle.Kind.OK || outcome.kind() == Oracle.Kind.EXPECTED
                    || outcome.kind() == Oracle.Kind.MASKED;
        }
    }

    /** Runs one saved input (as a whole stream) and prints the outcome with its stack trace. */
    static boolean replay(Config c, byte[] bytes) {
        try (Probes probes = new Probes();
                Oracle oracle = new Oracle(c.target()::newImporter, c.timeoutMillis(), probes)) {
            Mutator.Input input = new Mutator.Input(-1, bytes, "replayed file", List.of(), Mutator.Delivery.WHOLE, -1);
            Oracle.Outcome outcome = oracle.run(input);
            c.out().println(describe(c, input, outcome));
            return outcome.kind() == Oracle.Kind.OK || outcome.kind() == Oracle.Kind.EXPECTED
                    || outcome.kind() == Oracle.Kind.MASKED;
        }
    }

    private static Path save(Config c, Mutator.Input input, Oracle.Outcome outcome) {
        try {
            Files.createDirectories(c.findings());
            String base = c.target().id() + "-" + (input.iteration() < 0 ? "replay" : input.iteration());
            Path bin = c.findings().resolve(base + ".bin");
            Files.write(bin, input.bytes());
            Files.writeString(c.findings().resolve(base + ".txt"), describe(c, input, outcome));
            return bin;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(Config c, Mutator.Input input, Oracle.Outcome outcome) {
        StringWriter w = new StringWriter();
        PrintWriter p = new PrintWriter(w);
        p.printf(Locale.ROOT, "target:     %s (%s)%n", c.target().id(), c.target().importerClass().getName());
        p.printf(Locale.ROOT, "seed:       %d%niteration:  %d%n", c.seed(), input.iteration());
        p.printf(Locale.ROOT, "input:      %d bytes, from %s%n", input.bytes().length, input.sample());
        p.printf(Locale.ROOT, "mutations:  %s%n", input.mutations());
        p.printf(Locale.ROOT, "delivery:   %s%s%n", input.delivery(),
                input.delivery() == Mutator.Delivery.FAILING ? " (IOException after " + input.failAfter() + " bytes)" : "");
        p.printf(Locale.ROOT, "outcome:    %s%nsignature:  %s%ndetail:     %s%n", outcome.kind(), outcome.signature(),
                outcome.detail());
        if (outcome.error() != null) {
            p.println("stack:");
            printStack(p, outcome.error(), "");
        }
        p.printf(Locale.ROOT, "reproduce:  java -cp <fuzz classpath> org.arxos.fuzz.ImporterFuzzer --target %s --seed %d "
                + "--iteration %d --max-input-bytes %d%s%n", c.target().id(), c.seed(), input.iteration(),
                c.maxInputBytes(), c.corpus() == null ? "" : " --corpus " + c.corpus());
        p.printf(Locale.ROOT, "   or:      ... --target %s --replay <this .bin> (as one whole stream)%n", c.target().id());
        p.flush();
        return w.toString();
    }

    /**
     * A stack trace with its causes; a long one (a StackOverflowError has a thousand frames) keeps its first 25 frames,
     * where it failed, and its last 25, how it got there.
     */
    private static void printStack(PrintWriter p, Throwable e, String prefix) {
        p.println(prefix + e);
        StackTraceElement[] st = e.getStackTrace();
        for (int i = 0; i < st.length; i++) {
            if (st.length > 60 && i == 25) {
                p.println("\t... " + (st.length - 50) + " frames ...");
                i = st.length - 25;
            }
            p.println("\tat " + st[i]);
        }
        if (e.getCause() != null && e.getCause() != e && prefix.length() < 40) {
            printStack(p, e.getCause(), "Caused by: ");
        }
    }

    private static String clip(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    /** {@code -Darxos.shared.dir}, else {@code ../shared} beside the project root (found from the working folder). */
    public static Path sharedDir() {
        String p = System.getProperty("arxos.shared.dir");
        if (p != null && !p.isBlank()) {
            return Path.of(p).toAbsolutePath().normalize();
        }
        Path d = Path.of("").toAbsolutePath();
        for (Path x = d; x != null; x = x.getParent()) {
            if (Files.isDirectory(x.resolve("targetplatform")) && Files.isRegularFile(x.resolve("pom.xml"))) {
                return x.resolve("..").resolve("shared").normalize();
            }
        }
        return d.resolve("..").resolve("shared").normalize();
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'; usage: "
                        + "--target ifc|svg|json [--minutes N|--seconds N|--iterations N] [--seed S] [--corpus dir] "
                        + "[--max-input-bytes B] [--timeout-seconds T] [--findings dir] [--iteration N | --replay file]");
            }
            m.put(args[i].substring(2), args[++i]);
        }
        return m;
    }

    private static String require(Map<String, String> m, String key) {
        String v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return v;
    }
}
