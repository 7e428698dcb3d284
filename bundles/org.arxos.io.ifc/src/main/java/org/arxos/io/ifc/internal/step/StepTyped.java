package org.arxos.io.ifc.internal.step;

import java.util.List;

/**
 * A typed parameter such as {@code IFCLABEL('x')} or {@code IFCLENGTHMEASURE(2.5)}: a defined type's name (upper case)
 * and its arguments, usually one. Argument values are those of {@link StepEntity#arguments()}.
 */
public record StepTyped(String type, List<Object> arguments) {

    public StepTyped {
        arguments = ArgList.immutable(arguments);
    }

    /** The single argument of the usual typed parameter, e.g. the string of {@code IFCLABEL('x')}. */
    public Object value() {
        if (arguments.size() != 1) {
            throw new IllegalStateException(type + " has " + arguments.size() + " arguments, not one");
        }
        return arguments.get(0);
    }
}
