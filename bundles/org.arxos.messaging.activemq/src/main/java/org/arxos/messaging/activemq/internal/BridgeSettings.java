package org.arxos.messaging.activemq.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

/** The checked configuration: every problem is named in one sentence before anything starts. */
record BridgeSettings(String brokerUrl, String listenAddress, String nodeId, String topic, int maxMessageBytes,
        boolean persistent, Path dataDirectory, Duration reconnectInitial, Duration reconnectMax) {

    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    BridgeSettings {
        if (!brokerUrl.isEmpty() && !listenAddress.isEmpty()) {
            throw invalid("listenAddress '" + listenAddress + "' is for the embedded broker, but brokerUrl '"
                    + brokerUrl + "' names an external one; set only one of them");
        }
        if (brokerUrl.startsWith("failover:") || brokerUrl.startsWith("discovery:")) {
            throw invalid("brokerUrl '" + brokerUrl + "': the bridge reconnects by itself and reports outages on "
                    + "/health, so name one broker (tcp://<host>:<port>, ssl://..., nio://...), not a failover list");
        }
        if (!listenAddress.isEmpty()) {
            requireListenAddress(listenAddress);
        }
        if (!NODE_ID.matcher(nodeId).matches()) {
            throw invalid("nodeId '" + nodeId + "' must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (!TOPIC.matcher(topic).matches()) {
            throw invalid("topic '" + topic + "' must be 1 to 200 letters, digits, '.', '_' or '-'");
        }
        if (maxMessageBytes < 256) {
            throw invalid("maxMessageBytes must be at least 256, but was " + maxMessageBytes);
        }
        if (reconnectInitial.toMillis() < 10 || reconnectMax.compareTo(reconnectInitial) < 0) {
            throw invalid("reconnect waits must be at least 10 ms and reconnectMaxMillis (" + reconnectMax.toMillis()
                    + ") at least reconnectInitialMillis (" + reconnectInitial.toMillis() + ")");
        }
    }

    static BridgeSettings of(BridgeConfiguration c) {
        String nodeId = c.nodeId().strip();
        return new BridgeSettings(c.brokerUrl().strip(), c.listenAddress().strip(),
                nodeId.isEmpty() ? UUID.randomUUID().toString() : nodeId, c.topic().strip(), c.maxMessageBytes(),
                c.persistent(), Path.of(c.dataDirectory().strip()), Duration.ofMillis(c.reconnectInitialMillis()),
                Duration.ofMillis(c.reconnectMaxMillis()));
    }

    boolean embedded() {
        return brokerUrl.isEmpty();
    }

    private static void requireListenAddress(String address) {
        try {
            URI uri = new URI(address);
            if (!"tcp".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1) {
                throw invalid("listenAddress '" + address + "' must be tcp://<host>:<port>, such as "
                        + "tcp://127.0.0.1:61616");
            }
        } catch (URISyntaxException e) {
            throw invalid("listenAddress '" + address + "' is not a URI: " + e.getReason());
        }
    }

    private static IllegalArgumentException invalid(String problem) {
        return new IllegalArgumentException("configuration " + BridgeConfiguration.PID + ": " + problem);
    }
}
