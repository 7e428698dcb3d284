package org.arxos.api.compute;

import java.io.Serializable;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A building calculation (quantity takeoff, clash detection, load roll-up, egress, ...). Register with
 * {@code arxos.impl} set to the calculation's name ({@code takeoff}, {@code clash}, ...). A result depends only on
 * the revision and the parameters, so the platform caches it by the revision's content hash; a calculation that
 * changes how it computes changes its {@link #version() version}.
 *
 * <p>A calculation distributes its heavy part through {@link CalculationContext#engine()}: it splits the revision
 * into serializable slices (per floor, per tile), maps a {@link ComputeTask} over them and reduces the results in
 * order, so the local and distributed engines give identical results.
 *
 * @param <R> the result: an immutable, serializable value (records of numbers, strings and lists) that maps to JSON
 */
@ConsumerType
public interface Calculation<R extends Serializable> {

    /** One sentence for users: what it computes and which parameters it takes. */
    String description();

    /** Part of every cache key of this calculation's results. */
    default String version() {
        return "1";
    }

    Class<R> resultType();

    /**
     * @throws IllegalArgumentException naming the parameter when a parameter is unknown or invalid
     * @throws Exception                when the calculation fails; the job fails with its message
     */
    R calculate(CalculationContext context) throws Exception;
}
