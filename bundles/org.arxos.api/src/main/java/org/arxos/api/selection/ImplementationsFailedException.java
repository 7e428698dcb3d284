package org.arxos.api.selection;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every implementation of a capability that a guarded call tried failed. The message, fit for the user of the request,
 * names each implementation and how it failed; {@link #failures()} has the details for an operator.
 */
public class ImplementationsFailedException extends NoImplementationException {

    private static final long serialVersionUID = 1L;

    private final transient List<CallFailure> failures;

    public ImplementationsFailedException(Capability capability, List<CallFailure> failures) {
        super("every implementation of " + capability.id() + " failed: "
                + failures.stream().map(CallFailure::summary).collect(Collectors.joining("; ")));
        this.failures = List.copyOf(failures);
    }

    /** The failures, in the order the implementations were tried. */
    public List<CallFailure> failures() {
        return failures;
    }
}
