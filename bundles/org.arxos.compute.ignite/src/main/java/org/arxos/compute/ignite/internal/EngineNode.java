package org.arxos.compute.ignite.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteException;
import org.apache.ignite.Ignition;
import org.apache.ignite.configuration.DataRegionConfiguration;
import org.apache.ignite.configuration.DataStorageConfiguration;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.configuration.SystemDataRegionConfiguration;
import org.apache.ignite.failure.StopNodeFailureHandler;
import org.apache.ignite.spi.collision.fifoqueue.FifoQueueCollisionSpi;
import org.apache.ignite.spi.communication.tcp.TcpCommunicationSpi;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;
import org.apache.ignite.spi.failover.always.AlwaysFailoverSpi;

/**
 * The Ignite node of one engine: configured from {@link IgniteNodeSettings}, started with the engine, stopped with
 * it. A node runs as many jobs at once as it has workers and queues the others in arrival order; failover sends the
 * jobs of a node that left to the others (both Ignite SPIs). Load balancing is {@link MapTask}'s: it sends each node
 * jobs as it returns results.
 */
final class EngineNode implements AutoCloseable {

    /** Each node's worker count, published to the cluster for {@link IgniteComputeEngine#status()}. */
    static final String WORKERS_ATTRIBUTE = "arxos.compute.workers";
    private static final int FAILOVER_ATTEMPTS = 5;
    /**
     * The serialization of each running node by instance name, set before the node joins: a job may arrive as soon as
     * it has.
     */
    private static final Map<String, BundleSerialization> SERIALIZATIONS = new ConcurrentHashMap<>();

    private final Ignite ignite;

    private EngineNode(Ignite ignite) {
        this.ignite = ignite;
    }

    static EngineNode start(IgniteNodeSettings settings, BundleSerialization serialization, ClassLoader jobLoader) {
        IgniteConfiguration configuration = configuration(settings, jobLoader);
        if (SERIALIZATIONS.putIfAbsent(settings.instanceName(), serialization) != null) {
            throw new IllegalStateException("an Ignite node named '" + settings.instanceName() + "' already runs in "
                    + "this JVM: give each engine its own instanceName");
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(jobLoader);
        try {
            return new EngineNode(Ignition.start(configuration));
        } catch (IgniteException e) {
            SERIALIZATIONS.remove(settings.instanceName());
            throw new IllegalStateException("the Ignite node '" + settings.instanceName() + "' could not start on "
                    + settings.localAddress() + " (discovery ports " + settings.discoveryPort() + "+"
                    + settings.discoveryPortRange() + ", communication ports " + settings.communicationPort() + "+"
                    + settings.communicationPortRange() + "): " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    static IgniteConfiguration configuration(IgniteNodeSettings settings, ClassLoader jobLoader) {
        TcpDiscoveryVmIpFinder finder = new TcpDiscoveryVmIpFinder();
        finder.setAddresses(settings.addresses());
        TcpDiscoverySpi discovery = new TcpDiscoverySpi();
        discovery.setLocalAddress(settings.localAddress());
        discovery.setLocalPort(settings.discoveryPort());
        discovery.setLocalPortRange(settings.discoveryPortRange());
        discovery.setIpFinder(finder);

        TcpCommunicationSpi communication = new TcpCommunicationSpi();
        communication.setLocalAddress(settings.localAddress());
        communication.setLocalPort(settings.communicationPort());
        communication.setLocalPortRange(settings.communicationPortRange());
        communication.setMessageQueueLimit(4_096);

        FifoQueueCollisionSpi queue = new FifoQueueCollisionSpi();
        queue.setParallelJobsNumber(settings.workers());
        AlwaysFailoverSpi failover = new AlwaysFailoverSpi();
        failover.setMaximumFailoverAttempts(FAILOVER_ATTEMPTS);

        long initialRegion = IgniteNodeSettings.MIN_REGION_BYTES;
        DataStorageConfiguration storage = new DataStorageConfiguration()
                .setDefaultDataRegionConfiguration(new DataRegionConfiguration().setName("arxos-compute")
                        .setInitialSize(initialRegion).setMaxSize(settings.dataRegionBytes()))
                .setSystemDataRegionConfiguration(new SystemDataRegionConfiguration()
                        .setInitialSize(initialRegion).setMaxSize(settings.dataRegionBytes()));

        return new IgniteConfiguration()
                .setIgniteInstanceName(settings.instanceName())
                .setClientMode(settings.clientMode())
                .setPeerClassLoadingEnabled(false)
                .setClassLoader(jobLoader)
                .setGridLogger(QuietIgniteLogger.forCategory("org.apache.ignite"))
                .setWorkDirectory(settings.workDirectory().toAbsolutePath().toString())
                .setLocalHost(settings.localAddress())
                .setDiscoverySpi(discovery)
                .setCommunicationSpi(communication)
                .setCollisionSpi(queue)
                .setFailoverSpi(failover)
                .setFailureDetectionTimeout(settings.failureDetection().toMillis())
                .setClientFailureDetectionTimeout(settings.failureDetection().toMillis())
                .setMetricsUpdateFrequency(1_000)
                .setMetricsLogFrequency(0)
                .setPublicThreadPoolSize(settings.workers())
                .setClientConnectorConfiguration(null)
                .setConnectorConfiguration(null)
                .setFailureHandler(new StopNodeFailureHandler())
                .setDataStorageConfiguration(storage)
                .setUserAttributes(Map.of(WORKERS_ATTRIBUTE, settings.clientMode() ? 0 : settings.workers()));
    }

    /** The serialization of the engine that started the node a job runs on. */
    static BundleSerialization serialization(Ignite ignite) {
        BundleSerialization found = SERIALIZATIONS.get(ignite.name());
        if (found == null) {
            throw new IllegalStateException("the Ignite node " + ignite.name() + " was not started by an Arxos engine");
        }
        return found;
    }

    Ignite ignite() {
        return ignite;
    }

    /** Stops the node, cancelling the jobs it runs (the cluster fails them over). */
    @Override
    public void close() {
        try {
            Ignition.stop(ignite.name(), true);
        } finally {
            SERIALIZATIONS.remove(ignite.name());
        }
    }
}
