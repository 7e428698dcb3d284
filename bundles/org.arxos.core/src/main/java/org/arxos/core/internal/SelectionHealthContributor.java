package org.arxos.core.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.arxos.api.health.Health;
import org.arxos.api.health.HealthContributor;
import org.arxos.api.selection.Capability;
import org.arxos.api.selection.CapabilityStatus;
import org.arxos.api.selection.ImplementationSelector;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Reports the server DOWN while a capability it cannot serve requests without has no implementation, and DEGRADED
 * while a pinned implementation is not running or is quarantined (another one serves in its place).
 */
@Component(property = HealthContributor.NAME + "=selection")
public final class SelectionHealthContributor implements HealthContributor {

    static final Set<Capability> ESSENTIAL = EnumSet.of(Capability.REPOSITORY, Capability.IDENTITY_STORE);

    private final ImplementationSelector selector;

    @Activate
    public SelectionHealthContributor(@Reference ImplementationSelector selector) {
        this.selector = selector;
    }

    @Override
    public Health check() {
        Map<String, Object> serving = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        Health.Status status = Health.Status.UP;
        for (CapabilityStatus capability : selector.capabilities()) {
            String id = capability.capability().id();
            if (capability.serving() != null) {
                serving.put(id, capability.serving());
            }
            if (capability.serving() == null && ESSENTIAL.contains(capability.capability())) {
                status = status.and(Health.Status.DOWN);
                problems.add("no " + id + " is running");
            } else if (capability.pinned() != null && !capability.pinned().equals(capability.serving())) {
                status = status.and(Health.Status.DEGRADED);
                boolean registered = capability.implementations().stream()
                        .anyMatch(i -> i.name().equals(capability.pinned()));
                problems.add(id + " is pinned to " + capability.pinned() + ", which is "
                        + (registered ? "quarantined" : "not running"));
            }
        }
        return new Health(status, String.join("; ", problems), serving);
    }
}
