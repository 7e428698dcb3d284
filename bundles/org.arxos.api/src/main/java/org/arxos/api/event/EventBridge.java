package org.arxos.api.event;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Carries this node's building events to other server nodes and theirs into this node's {@link EventBus}. Registered
 * with {@code arxos.impl} naming the transport (for example {@code activemq}); read by health and metrics.
 */
@ProviderType
public interface EventBridge {

    /** The attribute an event received from another node carries: the id of the node it was published on. */
    String ORIGIN = "origin";

    BridgeStats stats();
}
