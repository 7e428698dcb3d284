package org.arxos.render.internal;

/**
 * Writes coordinates with the decimals a tenth of a pixel needs at a drawing's scale, trailing zeros dropped: shorter
 * than {@link Float#toString(float)}, faster, and the same for the same value and scale.
 */
final class Decimals {

    /** Beyond this the scaled value leaves the exact range of a double; such coordinates are written as they are. */
    private static final double EXACT = 1e15;

    private final int places;
    private final long factor;

    Decimals(double scale) {
        places = (int) Math.max(0, Math.min(9, Math.ceil(Math.log10(10 * scale))));
        long f = 1;
        for (int i = 0; i < places; i++) {
            f *= 10;
        }
        factor = f;
    }

    void append(StringBuilder out, double value) {
        double scaled = value * factor;
        if (!(Math.abs(scaled) < EXACT)) {
            out.append(value);
            return;
        }
        long units = Math.round(scaled);
        if (units < 0) {
            out.append('-');
            units = -units;
        }
        out.append(units / factor);
        long fraction = units % factor;
        if (fraction == 0) {
            return;
        }
        out.append('.');
        int digits = places;
        while (fraction % 10 == 0) {
            fraction /= 10;
            digits--;
        }
        String text = Long.toString(fraction);
        for (int i = text.length(); i < digits; i++) {
            out.append('0');
        }
        out.append(text);
    }
}
