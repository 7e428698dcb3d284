package org.arxos.core.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.arxos.api.health.Health;
import org.arxos.api.health.HealthContributor;
import org.arxos.api.selection.CallRecord;
import org.arxos.api.selection.Capability;
import org.arxos.api.selection.ImplementationSelector;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Reports DEGRADED, naming the implementation and its bundle, while an implementation is quarantined or failed its
 * last guarded call (the call itself was served by another implementation).
 */
@Component(property = HealthContributor.NAME + "=calls")
public final class CallHealthContributor implements HealthContributor {

    private final ImplementationSelector selector;

    @Activate
    public CallHealthContributor(@Reference ImplementationSelector selector) {
        this.selector = selector;
    }

    @Override
    public Health check() {
        List<String> problems = new ArrayList<>();
        Map<String, Object> failing = new TreeMap<>();
        for (Capability capability : Capability.values()) {
            for (CallRecord record : selector.calls(capability)) {
                if (record.quarantined() || record.failuresInARow() > 0) {
                    problems.add(problemOf(capability, record));
                    failing.put(capability.id() + "/" + record.implementation().name(), detailsOf(record));
                }
            }
        }
        return problems.isEmpty() ? Health.up(Map.of())
                : new Health(Health.Status.DEGRADED, String.join("; ", problems), failing);
    }

    private static String problemOf(Capability capability, CallRecord record) {
        String who = capability.id() + " implementation '" + record.implementation().name() + "' of bundle "
                + record.implementation().bundle();
        String last = "; the last: " + record.lastFailure().message();
        return record.quarantined()
                ? who + " is quarantined after " + record.failuresInARow() + " failures in a row" + last
                : who + " failed its last " + (record.failuresInARow() == 1 ? "call" : record.failuresInARow()
                        + " calls") + last;
    }

    private static Map<String, Object> detailsOf(CallRecord record) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("bundle", record.implementation().bundle());
        details.put("quarantined", record.quarantined());
        details.put("calls", record.calls());
        details.put("failures", record.failures());
        details.put("failuresInARow", record.failuresInARow());
        details.put("lastFailure", record.lastFailure().kind().name() + ": " + record.lastFailure().message());
        return details;
    }
}
