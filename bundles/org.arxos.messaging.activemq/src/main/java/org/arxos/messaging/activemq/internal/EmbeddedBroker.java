package org.arxos.messaging.activemq.internal;

import java.nio.file.Path;

import org.apache.activemq.broker.BrokerService;

/**
 * This node's own broker: reached in-process through {@code vm://<name>}, and from other nodes only when it listens
 * on an address. No JMX, no shutdown hook of its own (the component stops it), no advisory topics (nothing here
 * watches them); messages in memory unless persistent, then in KahaDB under the data directory.
 */
final class EmbeddedBroker implements AutoCloseable {

    private final BrokerService broker;

    private EmbeddedBroker(BrokerService broker) {
        this.broker = broker;
    }

    static EmbeddedBroker start(String name, String listenAddress, boolean persistent, Path dataDirectory)
            throws Exception {
        BrokerService broker = new BrokerService();
        broker.setBrokerName(name);
        broker.setUseJmx(false);
        broker.setUseShutdownHook(false);
        broker.setAdvisorySupport(false);
        broker.setSchedulerSupport(false);
        broker.setPersistent(persistent);
        // also for a broker without persistence: its temporary store must not land in the working directory
        broker.setDataDirectoryFile(dataDirectory.toFile());
        if (!listenAddress.isEmpty()) {
            broker.addConnector(listenAddress);
        }
        try {
            broker.start();
            broker.waitUntilStarted();
        } catch (Exception e) {
            broker.stop();
            throw e;
        }
        return new EmbeddedBroker(broker);
    }

    /** In-process only; {@code create=false}: never starts a broker of its own when this one is gone. */
    String vmUrl() {
        return "vm://" + broker.getBrokerName() + "?create=false";
    }

    @Override
    public void close() throws Exception {
        broker.stop();
        broker.waitUntilStopped();
    }
}
