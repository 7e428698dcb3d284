package org.arxos.messaging.activemq.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.activemq.ActiveMQConnectionFactory;
import org.arxos.api.event.BridgeStats;
import org.arxos.api.event.BuildingEvent;
import org.arxos.api.event.EventBridge;
import org.arxos.api.event.EventBus;
import org.arxos.api.health.Health;
import org.arxos.api.health.HealthContributor;
import org.arxos.api.selection.Capability;
import org.arxos.messaging.activemq.internal.BrokerLink.State;
import org.arxos.messaging.activemq.internal.EventCodec.Received;
import org.arxos.messaging.activemq.internal.EventCodec.UnreadableEventException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;

/**
 * Joins this node's event bus to the other nodes': every event published here goes to the topic tagged with this
 * node's id; every event of another node is published into this node's bus with its origin as the
 * {@link EventBridge#ORIGIN} attribute, and such an event is never sent on again. Activation returns at once: the
 * broker starts and the connection opens on the link's own thread.
 */
@Component(service = { EventBridge.class, HealthContributor.class }, configurationPid = BridgeConfiguration.PID,
        property = { Capability.IMPL + "=activemq", HealthContributor.NAME + "=messaging" })
@Designate(ocd = BridgeConfiguration.class)
public final class ActiveMqEventBridge implements EventBridge, HealthContributor {

    private static final Logger LOG = LoggerFactory.getLogger(ActiveMqEventBridge.class);

    private final EventBus bus;
    private final BridgeSettings settings;
    private final BrokerLink link;
    private final AutoCloseable subscription;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile EmbeddedBroker broker;

    @Activate
    public ActiveMqEventBridge(@Reference EventBus bus, BridgeConfiguration configuration) {
        this(bus, settings(configuration));
    }

    ActiveMqEventBridge(EventBus bus, BridgeSettings settings) {
        this.bus = bus;
        this.settings = settings;
        this.link = new BrokerLink(this::brokerUrl, settings, this::receive);
        this.subscription = bus.subscribe("*", this::forward);
        link.start();
    }

    private static BridgeSettings settings(BridgeConfiguration configuration) {
        try {
            return BridgeSettings.of(configuration);
        } catch (IllegalArgumentException e) {
            LOG.error("Event bridge not started: {}", e.getMessage());
            throw e;
        }
    }

    /** On the link's thread: the external broker's URL, or this node's broker, started on first use. */
    private String brokerUrl() throws Exception {
        if (!settings.embedded()) {
            return settings.brokerUrl();
        }
        EmbeddedBroker running = broker;
        if (running == null) {
            // ActiveMQ finds its transports through service files read with the context class loader
            Thread current = Thread.currentThread();
            ClassLoader previous = current.getContextClassLoader();
            current.setContextClassLoader(ActiveMQConnectionFactory.class.getClassLoader());
            try {
                running = EmbeddedBroker.start("arxos-" + settings.nodeId(), settings.listenAddress(),
                        settings.persistent(), settings.dataDirectory());
            } finally {
                current.setContextClassLoader(previous);
            }
            broker = running;
            LOG.info("Embedded ActiveMQ broker of node {} started{}", settings.nodeId(),
                    settings.listenAddress().isEmpty() ? " (in-process only)"
                            : ", listening on " + settings.listenAddress());
        }
        return running.vmUrl();
    }

    private void forward(BuildingEvent event) {
        if (event.attributes().containsKey(ORIGIN)) {
            return; // came from another node: it has been delivered there already
        }
        String json = EventCodec.encode(settings.nodeId(), event);
        int size = json.getBytes(StandardCharsets.UTF_8).length;
        if (size > settings.maxMessageBytes()) {
            failed.incrementAndGet();
            LOG.warn("Event {} of building {} not sent to other nodes: {} bytes is more than the limit of {} "
                    + "(maxMessageBytes of {})", event.topic(), event.buildingId(), size, settings.maxMessageBytes(),
                    BridgeConfiguration.PID);
            return;
        }
        if (link.send(json)) {
            sent.incrementAndGet();
        } else {
            failed.incrementAndGet();
        }
    }

    private void receive(TextMessage message) {
        try {
            String json = message.getText();
            if (json == null || json.getBytes(StandardCharsets.UTF_8).length > settings.maxMessageBytes()) {
                failed.incrementAndGet();
                LOG.warn("Event bridge refused a message from node {}: empty or larger than {} bytes",
                        message.getStringProperty(BrokerLink.ORIGIN_PROPERTY), settings.maxMessageBytes());
                return;
            }
            Received event = EventCodec.decode(json);
            if (event.origin().equals(settings.nodeId())) {
                return; // this node's own event, already delivered here
            }
            bus.publish(event.event());
            received.incrementAndGet();
        } catch (UnreadableEventException | JMSException e) {
            failed.incrementAndGet();
            LOG.warn("Event bridge could not read a message on topic {}: {}", settings.topic(), e.getMessage());
        }
    }

    @Override
    public BridgeStats stats() {
        return new BridgeStats(settings.nodeId(), link.status().state() == State.CONNECTED, sent.get(),
                received.get(), failed.get());
    }

    @Override
    public Health check() {
        BrokerLink.Status status = link.status();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("nodeId", settings.nodeId());
        details.put("broker", settings.embedded() ? "embedded" + (settings.listenAddress().isEmpty() ? ""
                : " listening on " + settings.listenAddress()) : settings.brokerUrl());
        details.put("topic", settings.topic());
        details.put("state", status.state().name().toLowerCase(Locale.ROOT));
        details.put("sent", sent.get());
        details.put("received", received.get());
        details.put("failed", failed.get());
        if (status.state() != State.RECONNECTING) {
            // connecting for the first time is starting, not an outage
            return Health.up(details);
        }
        long seconds = Duration.between(status.since(), Instant.now()).toSeconds();
        return new Health(Health.Status.DEGRADED, "the broker has been unreachable for " + seconds
                + " s (" + status.problem() + "); events stay on this node until it is back", details);
    }

    @Deactivate
    void stop() throws Exception {
        subscription.close();
        link.close();
        EmbeddedBroker running = broker;
        if (running != null) {
            running.close();
            broker = null;
        }
    }
}
