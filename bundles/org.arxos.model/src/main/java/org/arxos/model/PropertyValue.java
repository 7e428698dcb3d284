package org.arxos.model;

/** A typed property value. */
public sealed interface PropertyValue permits PropertyValue.Text, PropertyValue.Number, PropertyValue.Flag {

    /** A string value. */
    record Text(String value) implements PropertyValue {
        public Text {
            if (value == null) {
                throw new IllegalArgumentException("text value must not be null");
            }
        }
    }

    /** A number, with its unit (for example {@code "W"}, {@code "m2"}) or {@code null} when it has none. */
    record Number(double value, String unit) implements PropertyValue {
        public Number {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("number value must be finite: " + value);
            }
        }

        public Number(double value) {
            this(value, null);
        }
    }

    /** A yes/no value. */
    record Flag(boolean value) implements PropertyValue {
    }

    static PropertyValue of(String value) {
        return new Text(value);
    }

    static PropertyValue of(double value) {
        return new Number(value, null);
    }

    static PropertyValue of(double value, String unit) {
        return new Number(value, unit);
    }

    static PropertyValue of(boolean value) {
        return new Flag(value);
    }
}
