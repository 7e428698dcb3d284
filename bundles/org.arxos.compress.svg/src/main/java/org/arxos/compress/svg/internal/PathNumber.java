package org.arxos.compress.svg.internal;

/**
 * A number of path data: its text and, when it has at most 18 significant digits, its exact value.
 */
record PathNumber(String text, Decimal value) {

    static PathNumber of(Decimal value) {
        return new PathNumber(value.format(true), value);
    }

    /** The same value in its shortest text, or this one when its value is unknown. */
    PathNumber shortest() {
        return value == null ? this : of(value);
    }

    float batik() {
        return BatikFloat.read(text);
    }
}
