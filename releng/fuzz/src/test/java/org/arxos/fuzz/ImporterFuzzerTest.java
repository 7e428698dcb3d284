package org.arxos.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * A short smoke run of each importer that is on the class path: 10 seconds with a fixed seed, no crash, no hang, no
 * leak. The long runs are separate (README.md).
 */
class ImporterFuzzerTest {

    private static final long SMOKE_MILLIS = Long.getLong("fuzz.smoke.millis", 10_000);

    private static Path findings() {
        return Path.of(System.getProperty("fuzz.findings.dir", "target/fuzz-findings"));
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void smokeRunFindsNothing(Target target) {
        assumeTrue(target.available(), "the " + target.id() + " importer is not on the class path");
        if (target != Target.JSON) {
            Path corpus = ImporterFuzzer.sharedDir().resolve("data").resolve(target.extension());
            assumeTrue(Files.isDirectory(corpus), "no corpus in " + corpus);
        }
        // a generous timeout: CI shares the machine with other builds; a real hang takes far longer
        ImporterFuzzer.Summary s = ImporterFuzzer.run(ImporterFuzzer.Config.of(target, SMOKE_MILLIS, 20240601L)
                .withTimeoutMillis(15_000).withFindings(findings()));
        assertTrue(s.inputs() > 0, "no input ran");
        assertEquals(0, s.crashes() + s.hangs() + s.leaks(), () -> "findings in " + findings() + ":\n" + s.table());
        assertNull(s.stopped());
    }

    @Test
    void inputsAreReproducibleFromSeedAndIteration() {
        Corpus corpus = Corpus.load(Target.JSON, null, ImporterFuzzer.sharedDir());
        try (Probes probes = new Probes()) {
            Mutator a = new Mutator(Target.JSON, corpus, 99, 1 << 18, probes);
            Mutator b = new Mutator(Target.JSON, corpus, 99, 1 << 18, probes);
            for (long i = 0; i < 200; i++) {
                assertArrayEquals(a.generate(i).bytes(), b.generate(i).bytes(), "iteration " + i);
            }
        }
    }
}
