package org.arxos.compute.internal;

import java.util.Arrays;
import java.util.List;

/**
 * What the calculation stream runs, read once per configuration change.
 *
 * @param onRevision  calculations run on every revision applied to a building
 * @param afterImport calculations run on a building just created
 * @param priority    the priority of the stream's jobs
 * @param queue       buildings waiting at most
 */
public record StreamSettings(List<String> onRevision, List<String> afterImport, int priority, int queue) {

    public StreamSettings {
        onRevision = names(onRevision);
        afterImport = names(afterImport);
        if (queue < 1) {
            throw new IllegalArgumentException(StreamConfiguration.PID + ": queue must be at least 1, was " + queue);
        }
    }

    private static List<String> names(List<String> names) {
        return names.stream().map(String::strip).filter(n -> !n.isEmpty()).distinct().toList();
    }

    static StreamSettings of(StreamConfiguration configuration) {
        return new StreamSettings(list(configuration.calculations()), list(configuration.afterImport()),
                configuration.priority(), configuration.queue());
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }
}
