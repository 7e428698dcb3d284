package org.arxos.io.ifc.internal.step;

/** The two argument values that carry no data: {@code $} (unset) and {@code *} (derived by the schema). */
public enum StepValue {
    /** {@code $}: the attribute is not set. */
    NULL,
    /** {@code *}: the attribute is derived, its value is computed from others. */
    DERIVED
}
