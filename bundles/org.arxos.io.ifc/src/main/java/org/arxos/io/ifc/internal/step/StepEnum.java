package org.arxos.io.ifc.internal.step;

/**
 * An enumeration value such as {@code .ELEMENT.}, its name upper case without the dots. Booleans and logicals are
 * enumerations too: {@link #TRUE} ({@code .T.}), {@link #FALSE} ({@code .F.}) and {@link #UNKNOWN} ({@code .U.}).
 */
public record StepEnum(String name) {

    public static final StepEnum TRUE = new StepEnum("T");
    public static final StepEnum FALSE = new StepEnum("F");
    public static final StepEnum UNKNOWN = new StepEnum("U");

    public StepEnum {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("an enumeration value needs a name");
        }
    }

    public static StepEnum of(boolean value) {
        return value ? TRUE : FALSE;
    }

    @Override
    public String toString() {
        return "." + name + ".";
    }
}
