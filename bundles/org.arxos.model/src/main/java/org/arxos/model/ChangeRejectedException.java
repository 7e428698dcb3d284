package org.arxos.model;

import java.util.List;
import java.util.stream.Collectors;

/** A change set broke a model rule; the revision it was applied to is unchanged. */
public final class ChangeRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public ChangeRejectedException(List<Violation> violations) {
        super(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
