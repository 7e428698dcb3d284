package org.arxos.benchmarks;

/**
 * How often to repeat a measurement of a whole building: small buildings often (their times are short, and the JIT
 * must warm up on them), the largest a few times (each run takes seconds).
 *
 * @param warmUp runs not measured
 * @param runs   runs measured
 */
record Repetitions(int warmUp, int runs) {

    static Repetitions forObjects(int objects) {
        if (objects >= 300_000) {
            return new Repetitions(1, 3);
        }
        if (objects >= 30_000) {
            return new Repetitions(2, 5);
        }
        return new Repetitions(20, 21);
    }
}
