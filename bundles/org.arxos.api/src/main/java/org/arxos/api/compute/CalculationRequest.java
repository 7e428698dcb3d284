package org.arxos.api.compute;

import java.util.Map;
import java.util.Objects;

/**
 * @param tenant      whose building it is (cache partition)
 * @param building    the building's id
 * @param revision    the revision number, or {@link #HEAD} for the newest
 * @param calculation the calculation's {@code arxos.impl} name
 * @param parameters  the calculation's parameters by name
 * @param priority    higher starts first among queued jobs
 */
public record CalculationRequest(String tenant, String building, long revision, String calculation,
        Map<String, String> parameters, int priority) {

    public static final long HEAD = -1;

    public CalculationRequest {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(building, "building");
        Objects.requireNonNull(calculation, "calculation");
        parameters = Map.copyOf(parameters);
        if (revision < HEAD) {
            throw new IllegalArgumentException("a revision number cannot be negative: " + revision);
        }
    }
}
