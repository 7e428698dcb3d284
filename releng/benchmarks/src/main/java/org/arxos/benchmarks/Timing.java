package org.arxos.benchmarks;

/**
 * A time measured both ways, in ms: by the wall clock, which the targets are stated in, and by the measuring thread's
 * CPU time, which a busy machine changes much less. The CPU time leaves out what the thread waited for a core, and
 * also what the garbage collector and the JIT compiler did on their own threads meanwhile.
 */
record Timing(double millis, double cpuMillis) {
}
