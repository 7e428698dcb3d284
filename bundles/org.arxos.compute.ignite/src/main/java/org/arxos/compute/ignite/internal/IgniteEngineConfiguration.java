package org.arxos.compute.ignite.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = IgniteEngineConfiguration.PID, name = "Arxos compute engine: Apache Ignite",
        description = "Runs compute tasks as Apache Ignite jobs on a cluster of Arxos servers. Every node binds to one "
                + "local address and finds the others through a static list; task classes come from bundles "
                + "installed on every node (no peer class loading). Ranked below the local engine unless "
                + "service.ranking is set here or the engine is pinned.")
@interface IgniteEngineConfiguration {

    String PID = "org.arxos.compute.ignite";

    @AttributeDefinition(name = "Instance name", description = "The Ignite instance's name in this JVM; also in the "
            + "names of its threads.")
    String instanceName() default "arxos";

    @AttributeDefinition(name = "Client node", description = "A client node submits jobs to the cluster's server nodes "
            + "and runs none itself; a server node (the default) runs jobs too.")
    boolean clientMode() default false;

    @AttributeDefinition(name = "Cluster addresses", description = "Static IP finder: host:port or host:from..to of "
            + "the discovery ports of the nodes to join.")
    String[] addresses() default {"127.0.0.1:48500..48509"};

    @AttributeDefinition(name = "Local address", description = "The address discovery and communication bind to.")
    String localAddress() default "127.0.0.1";

    @AttributeDefinition(name = "Discovery port", min = "1", max = "65535")
    int discoveryPort() default 48500;

    @AttributeDefinition(name = "Discovery port range", min = "0",
            description = "How many ports above the discovery port a node may take when it is in use.")
    int discoveryPortRange() default 9;

    @AttributeDefinition(name = "Communication port", min = "1", max = "65535")
    int communicationPort() default 48600;

    @AttributeDefinition(name = "Communication port range", min = "0")
    int communicationPortRange() default 9;

    @AttributeDefinition(name = "Data region size (MB)", min = "10",
            description = "Upper bound of Ignite's off-heap memory for data (the engine stores none; Ignite needs "
                    + "a region).")
    int dataRegionMegabytes() default 64;

    @AttributeDefinition(name = "Worker threads", min = "0",
            description = "Jobs this node runs at once; 0 means one per available processor.")
    int workers() default 0;

    @AttributeDefinition(name = "Concurrent jobs", min = "1",
            description = "Map calls this node has on the cluster at once; more wait, the highest priority first.")
    int concurrentJobs() default 4;

    @AttributeDefinition(name = "Jobs per worker", min = "1",
            description = "Jobs of one map call a server node holds per worker: it is sent that many at first and one "
                    + "more per result it returns, so a free worker always has a job at hand and no job waits on a "
                    + "busy node while another idles.")
    int jobsPerWorker() default 2;

    @AttributeDefinition(name = "Job timeout (s)", min = "1",
            description = "Upper bound of a job's timeout, whatever the job asks for.")
    long jobTimeoutSeconds() default 3600;

    @AttributeDefinition(name = "Stop drain time (s)", min = "0",
            description = "On stop or reconfiguration, how long jobs still running may take to finish before the "
                    + "node stops.")
    long stopDrainSeconds() default 30;

    @AttributeDefinition(name = "Failure detection timeout (ms)", min = "100",
            description = "How long a silent node counts as alive; its jobs fail over after that.")
    long failureDetectionMillis() default 10_000;
}
