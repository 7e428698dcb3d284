package org.arxos.messaging.activemq.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.activemq.ActiveMQConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

/**
 * One JMS connection to the broker, kept alive: connects on its own thread, and when the broker goes away connects
 * again with a doubling wait (capped), warning once per outage and saying when it is back. Messages sent while
 * disconnected are not kept: the caller counts them as failed.
 */
final class BrokerLink implements AutoCloseable {

    /** The URL to connect to, found (for an embedded broker: started) on the link's thread. */
    interface BrokerLocator {
        String url() throws Exception;
    }

    enum State {
        /** The first attempt has not finished yet. */
        CONNECTING,
        CONNECTED,
        /** An attempt failed or the connection was lost; the next attempt is scheduled. */
        RECONNECTING,
        CLOSED
    }

    /** What health shows: the state, since when, and the last problem while not connected. */
    record Status(State state, Instant since, String problem, String url) {
    }

    static final String ORIGIN_PROPERTY = "arxosOrigin";

    private static final Logger LOG = LoggerFactory.getLogger(BrokerLink.class);

    private final BrokerLocator locator;
    private final String topicName;
    private final String nodeId;
    private final Duration initialWait;
    private final Duration maxWait;
    private final Consumer<TextMessage> inbound;
    private final ScheduledExecutorService thread;

    private volatile Status status;
    private Connection connection;
    private Session producerSession;
    private MessageProducer producer;
    private Duration nextWait;
    private boolean warned;

    BrokerLink(BrokerLocator locator, BridgeSettings settings, Consumer<TextMessage> inbound) {
        this.locator = locator;
        this.topicName = settings.topic();
        this.nodeId = settings.nodeId();
        this.initialWait = settings.reconnectInitial();
        this.maxWait = settings.reconnectMax();
        this.inbound = inbound;
        this.nextWait = initialWait;
        this.status = new Status(State.CONNECTING, Instant.now(), "", "");
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "arxos-messaging-link");
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        thread.execute(this::connect);
    }

    Status status() {
        return status;
    }

    /**
     * Sends one message tagged with this node's id.
     *
     * @return false when not connected or the broker refused it (the link then reconnects)
     */
    boolean send(String text) {
        synchronized (this) {
            if (producer == null) {
                return false;
            }
            try {
                TextMessage message = producerSession.createTextMessage(text);
                message.setStringProperty(ORIGIN_PROPERTY, nodeId);
                producer.send(message);
                return true;
            } catch (JMSException | RuntimeException e) {
                Connection failed = connection;
                onLinkThread(() -> lost(failed, e));
                return false;
            }
        }
    }

    private void connect() {
        if (status.state() == State.CLOSED) {
            return;
        }
        String url = status.url();
        try {
            url = locator.url();
            ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
            factory.setWatchTopicAdvisories(false);
            Connection opened = factory.createConnection();
            try {
                Session consumerSession = opened.createSession(false, Session.AUTO_ACKNOWLEDGE);
                Topic topic = consumerSession.createTopic(topicName);
                // noLocal: the broker never hands this connection its own messages
                consumerSession.createConsumer(topic, null, true).setMessageListener(this::receive);
                Session session = opened.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer created = session.createProducer(session.createTopic(topicName));
                created.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
                opened.setExceptionListener(e -> onLinkThread(() -> lost(opened, e)));
                opened.start();
                synchronized (this) {
                    connection = opened;
                    producerSession = session;
                    producer = created;
                }
            } catch (JMSException | RuntimeException e) {
                closeQuietly(opened);
                throw e;
            }
            if (warned) {
                LOG.info("Event bridge connected to {} again; events flow between nodes", url);
            } else {
                LOG.info("Event bridge of node {} connected to {} (topic {})", nodeId, url, topicName);
            }
            warned = false;
            nextWait = initialWait;
            status = new Status(State.CONNECTED, Instant.now(), "", url);
        } catch (Exception e) {
            retryLater(url, describe(e));
        }
    }

    private void receive(Message message) {
        if (message instanceof TextMessage text) {
            inbound.accept(text);
        } else {
            LOG.warn("Event bridge ignored a {} on topic {}: events are text messages",
                    message.getClass().getSimpleName(), topicName);
        }
    }

    /** Runs on the link's thread; a report about a connection already replaced is ignored. */
    private void lost(Connection failed, Exception cause) {
        synchronized (this) {
            if (failed != connection || connection == null) {
                return;
            }
            connection = null;
            producerSession = null;
            producer = null;
        }
        closeQuietly(failed);
        retryLater(status.url(), describe(cause));
    }

    private void retryLater(String url, String problem) {
        if (status.state() == State.CLOSED) {
            return;
        }
        Duration wait = nextWait;
        if (!warned) {
            LOG.warn("Event bridge cannot reach the broker{}: {}; events of this node stay on this node until it "
                    + "is back (trying again every {} ms at most)", url.isEmpty() ? "" : " " + url, problem,
                    maxWait.toMillis());
            warned = true;
        }
        Instant since = status.state() == State.RECONNECTING ? status.since() : Instant.now();
        status = new Status(State.RECONNECTING, since, problem, url);
        nextWait = wait.multipliedBy(2).compareTo(maxWait) > 0 ? maxWait : wait.multipliedBy(2);
        try {
            thread.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    private void onLinkThread(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException e) {
            // closed: nothing to reconnect
        }
    }

    private static String describe(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (JMSException | RuntimeException e) {
            LOG.debug("Closing a broken connection: {}", e.toString());
        }
    }

    @Override
    public void close() throws InterruptedException {
        status = new Status(State.CLOSED, Instant.now(), "", status.url());
        thread.shutdownNow();
        thread.awaitTermination(10, TimeUnit.SECONDS);
        Connection open;
        synchronized (this) {
            open = connection;
            connection = null;
            producerSession = null;
            producer = null;
        }
        if (open != null) {
            closeQuietly(open);
        }
    }
}
