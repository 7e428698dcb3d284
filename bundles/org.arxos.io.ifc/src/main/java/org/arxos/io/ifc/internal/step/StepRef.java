package org.arxos.io.ifc.internal.step;

/** A reference to another entity instance, {@code #id}. */
public record StepRef(long id) {

    @Override
    public String toString() {
        return "#" + id;
    }
}
