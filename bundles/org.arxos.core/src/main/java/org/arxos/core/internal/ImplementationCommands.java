package org.arxos.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.felix.service.command.Descriptor;
import org.arxos.api.selection.CallRecord;
import org.arxos.api.selection.Capability;
import org.arxos.api.selection.CapabilityStatus;
import org.arxos.api.selection.Implementation;
import org.arxos.api.selection.ImplementationSelector;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo commands to see and choose which implementation serves each capability, and to end a quarantine. */
@Component(service = ImplementationCommands.class, property = {
        "osgi.command.scope=arxos",
        "osgi.command.function=impls",
        "osgi.command.function=use",
        "osgi.command.function=unpin",
        "osgi.command.function=reinstate" })
public final class ImplementationCommands {

    private final ImplementationSelector selector;

    @Activate
    public ImplementationCommands(@Reference ImplementationSelector selector) {
        this.selector = selector;
    }

    @Descriptor("lists every capability with its implementations and their guarded calls: * serves, ! is pinned, "
            + "x is quarantined")
    public String impls() {
        StringBuilder out = new StringBuilder();
        List<String> failures = new ArrayList<>();
        out.append(String.format(Locale.ROOT, "%-18s %-3s %-20s %8s %8s %8s  %s%n", "CAPABILITY", "", "IMPLEMENTATION",
                "RANKING", "CALLS", "FAILED", "BUNDLE"));
        for (CapabilityStatus status : selector.capabilities()) {
            if (status.implementations().isEmpty()) {
                out.append(String.format(Locale.ROOT, "%-18s %-3s %-20s%n", status.capability().id(), "",
                        status.pinned() == null ? "-" : "(pinned to " + status.pinned() + ", not running)"));
                continue;
            }
            Map<Long, CallRecord> calls = new HashMap<>();
            selector.calls(status.capability()).forEach(r -> calls.put(r.implementation().serviceId(), r));
            for (Implementation impl : status.implementations()) {
                CallRecord record = calls.get(impl.serviceId());
                boolean quarantined = record != null && record.quarantined();
                String marks = (impl.name().equals(status.serving()) ? "*" : "")
                        + (impl.name().equals(status.pinned()) ? "!" : "") + (quarantined ? "x" : "");
                out.append(String.format(Locale.ROOT, "%-18s %-3s %-20s %8d %8d %8d  %s%n", status.capability().id(),
                        marks, impl.name(), impl.ranking(), record == null ? 0 : record.calls(),
                        record == null ? 0 : record.failures(), impl.bundle()));
                if (record != null && record.lastFailure() != null) {
                    failures.add(status.capability().id() + " " + impl.name() + (quarantined ? " (quarantined)" : "")
                            + ": " + record.failuresInARow() + " failures in a row; last: "
                            + record.lastFailure().message());
                }
            }
        }
        if (!failures.isEmpty()) {
            out.append(String.format(Locale.ROOT, "%nFailed calls:%n"));
            failures.forEach(line -> out.append("  ").append(line).append(System.lineSeparator()));
        }
        return out.toString();
    }

    @Descriptor("pins the implementation that serves a capability, across restarts")
    public String use(@Descriptor("capability, e.g. grouping") String capability,
            @Descriptor("implementation name (arxos.impl)") String implementation) {
        Capability c = capabilityOf(capability);
        selector.pin(c, implementation);
        CapabilityStatus status = selector.capability(c);
        return implementation.equals(status.serving())
                ? c.id() + " is pinned to " + implementation + ", which serves now"
                : c.id() + " is pinned to " + implementation + ", which is not running; "
                        + (status.serving() == null ? "nothing" : status.serving()) + " serves until it is";
    }

    @Descriptor("removes the pin of a capability: the highest ranking implementation serves")
    public String unpin(@Descriptor("capability, e.g. grouping") String capability) {
        Capability c = capabilityOf(capability);
        selector.unpin(c);
        String serving = selector.capability(c).serving();
        return c.id() + " is not pinned; " + (serving == null ? "nothing" : serving) + " serves";
    }

    @Descriptor("lets a quarantined implementation serve again, its failures in a row forgotten")
    public String reinstate(@Descriptor("capability, e.g. grouping") String capability,
            @Descriptor("implementation name (arxos.impl)") String implementation) {
        Capability c = capabilityOf(capability);
        if (!selector.reinstate(c, implementation)) {
            return c.id() + " implementation '" + implementation + "' is not quarantined";
        }
        return c.id() + " implementation '" + implementation + "' is reinstated; " + selector.capability(c).serving()
                + " serves";
    }

    private static Capability capabilityOf(String id) {
        return Capability.of(id).orElseThrow(() -> new IllegalArgumentException("unknown capability '" + id
                + "'; one of " + Arrays.stream(Capability.values()).map(Capability::id).toList()));
    }
}
