package org.arxos.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.arxos.compute.ignite.internal.IgniteComputeEngine;
import org.arxos.compute.ignite.internal.IgniteNodeSettings;

/**
 * One Ignite server node of {@link ComputeScalingBenchmark}, in a JVM of its own: joins the benchmark's loopback
 * cluster, runs jobs until its standard input ends (the benchmark closes it, or dies), then stops.
 *
 * <pre>java [Ignite's JVM flags] -cp ... org.arxos.benchmarks.ComputeServerNode name discoveryPort communicationPort workers</pre>
 */
public final class ComputeServerNode {

    static final String READY = "compute-server-node ready";

    private ComputeServerNode() {
    }

    public static void main(String[] args) throws IOException {
        Path work = Files.createTempDirectory("arxos-compute-node-");
        IgniteNodeSettings settings = IgniteNodeSettings.loopback(args[0], false, Integer.parseInt(args[1]),
                Integer.parseInt(args[2]), Integer.parseInt(args[3]), work);
        try (IgniteComputeEngine engine = new IgniteComputeEngine(settings)) {
            System.out.println(READY);
            System.out.flush();
            while (System.in.read() >= 0) {
                // the benchmark writes nothing: end of input is the signal to stop
            }
        }
        System.exit(0);
    }
}
