package org.arxos.api.compute;

import java.util.Map;
import java.util.Optional;

import org.arxos.model.Revision;
import org.osgi.annotation.versioning.ProviderType;

/** What a calculation runs on and reports to. */
@ProviderType
public interface CalculationContext {

    String building();

    Revision revision();

    /** The request's parameters by name, as given (the calculation parses and validates them). */
    Map<String, String> parameters();

    default Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters().get(name));
    }

    /** The engine to distribute work on, chosen for this job. */
    ComputeEngine engine();

    /** The options to pass to the engine: the job's priority, timeout and label. */
    JobOptions options();

    /** Reports progress, from 0 to 1. */
    void progress(double fraction);

    /** True once the job was cancelled; a long calculation checks it between steps and gives up. */
    boolean cancelled();
}
