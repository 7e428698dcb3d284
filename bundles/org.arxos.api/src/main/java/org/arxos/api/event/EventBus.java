package org.arxos.api.event;

import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Carries building events between components and, with a messaging implementation, between server nodes.
 * Delivery to a subscriber is in publication order per building.
 */
@ProviderType
public interface EventBus {

    void publish(BuildingEvent event);

    /**
     * @param topicPattern a topic, or a prefix ending in {@code *} (for example {@code revision/*})
     * @return a handle that ends the subscription when closed
     */
    AutoCloseable subscribe(String topicPattern, Consumer<BuildingEvent> listener);
}
