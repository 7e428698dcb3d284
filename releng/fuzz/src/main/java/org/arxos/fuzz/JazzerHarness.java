package org.arxos.fuzz;

/**
 * An optional entry point for Jazzer (coverage-guided, libFuzzer-based; {@code com.code-intelligence:jazzer} on Maven
 * Central): the same oracle as {@link ImporterFuzzer}, one input per call, for {@code -Dfuzz.target=ifc|svg|json}.
 * A CRASH or LEAK is thrown as an {@link AssertionError} so that Jazzer saves the input; hangs are Jazzer's
 * {@code -timeout}. Jazzer needs no compile-time dependency here: it finds these static methods by name. See README.md.
 */
public final class JazzerHarness {

    private static Oracle oracle;
    private static Probes probes;
    private static long iteration;

    private JazzerHarness() {
    }

    public static void fuzzerInitialize() {
        Target target = Target.of(System.getProperty("fuzz.target", "ifc"));
        if (!target.available()) {
            throw new IllegalStateException("the " + target.id() + " importer is not on the class path");
        }
        probes = new Probes();
        // Jazzer's own -timeout kills a hang; this one only has to be longer
        oracle = new Oracle(target::newImporter, Long.getLong("fuzz.timeout.millis", 60_000), probes);
    }

    public static void fuzzerTestOneInput(byte[] data) {
        Mutator.Input input = new Mutator.Input(iteration++, data, "jazzer", java.util.List.of(),
                Mutator.Delivery.WHOLE, -1);
        Oracle.Outcome outcome = oracle.run(input);
        switch (outcome.kind()) {
            case CRASH, LEAK, HANG -> {
                AssertionError e = new AssertionError(outcome.kind() + " " + outcome.signature() + ": "
                        + outcome.detail());
                if (outcome.error() != null) {
                    e.initCause(outcome.error());
                }
                throw e;
            }
            default -> {
                // OK, EXPECTED and MASKED pass (MASKED is counted by ImporterFuzzer, not here)
            }
        }
    }
}
