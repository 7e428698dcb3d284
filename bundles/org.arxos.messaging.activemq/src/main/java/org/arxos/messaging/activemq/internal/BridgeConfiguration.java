package org.arxos.messaging.activemq.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Arxos event bridge (ActiveMQ)", description = "Carries building events between server "
        + "nodes over a JMS topic. Without a broker URL the node runs an embedded broker that other nodes can join "
        + "when it listens on an address.")
public @interface BridgeConfiguration {

    String PID = "org.arxos.messaging.activemq";

    @AttributeDefinition(description = "The broker to join, for example tcp://10.0.0.5:61616 (one broker: the bridge "
            + "reconnects by itself, so failover: lists are refused). Empty: start an embedded broker in this node, "
            + "reached in-process (vm://) only.")
    String brokerUrl() default "";

    @AttributeDefinition(description = "Where the embedded broker also listens for other nodes, for example "
            + "tcp://127.0.0.1:61616. Empty: no network listener. Only with an empty broker URL.")
    String listenAddress() default "";

    @AttributeDefinition(description = "This node's id, the origin other nodes see on its events. Empty: a random id "
            + "at each start.")
    String nodeId() default "";

    @AttributeDefinition(description = "The JMS topic the nodes share.")
    String topic() default "arxos.events";

    @AttributeDefinition(description = "Largest event, in bytes of its JSON, carried between nodes; larger ones are "
            + "refused with a log line.", min = "256")
    int maxMessageBytes() default 65_536;

    @AttributeDefinition(description = "Keep the embedded broker's messages in KahaDB under the data directory "
            + "instead of memory only.")
    boolean persistent() default false;

    @AttributeDefinition(description = "The embedded broker's data directory (KahaDB and temporary storage).")
    String dataDirectory() default "data/activemq";

    @AttributeDefinition(description = "First wait before connecting again after the broker went away, in "
            + "milliseconds; doubled after each failed attempt.", min = "10")
    long reconnectInitialMillis() default 250;

    @AttributeDefinition(description = "Longest wait between two connection attempts, in milliseconds.", min = "10")
    long reconnectMaxMillis() default 10_000;
}
