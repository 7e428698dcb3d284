package org.arxos.api.health;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One component's part of {@code /health}. Register with {@code arxos.health.name} set to the component's name.
 * {@link #check()} is called on every health request: it must return quickly (well under a second).
 */
@ConsumerType
public interface HealthContributor {

    String NAME = "arxos.health.name";

    Health check();
}
