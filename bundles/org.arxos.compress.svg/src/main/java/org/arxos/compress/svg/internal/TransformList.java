package org.arxos.compress.svg.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code transform} attribute family: parsed into its transforms, written in the shortest form that builds the
 * same matrix from the same floats ({@code translate(5 0)} is {@code translate(5)}, {@code scale(2 2)} is
 * {@code scale(2)}, {@code matrix(1 0 0 1 5 6)} is {@code translate(5 6)}), and multiplied out for the lossy levels.
 */
final class TransformList {

    /** One transform as written: its name and its numbers. */
    record Transform(String name, PathNumber[] args) {
    }

    private TransformList() {
    }

    /** The transforms, or {@code null} when the value does not follow the grammar. */
    static List<Transform> parse(String value) {
        List<Transform> out = new ArrayList<>();
        int n = value.length();
        int i = skip(value, 0, true);
        while (i < n) {
            int open = value.indexOf('(', i);
            if (open < 0) {
                return null;
            }
            String name = value.substring(i, open).trim();
            int[] arity = switch (name) {
                case "matrix" -> new int[] {6};
                case "translate", "scale" -> new int[] {1, 2};
                case "rotate" -> new int[] {1, 3};
                case "skewX", "skewY" -> new int[] {1};
                default -> null;
            };
            if (arity == null) {
                return null;
            }
            List<PathNumber> args = new ArrayList<>();
            i = skip(value, open + 1, false);
            while (i < n && value.charAt(i) != ')') {
                if (!args.isEmpty()) {
                    i = skip(value, i, true);
                }
                int end = Decimal.end(value, i);
                if (end == i) {
                    return null;
                }
                args.add(new PathNumber(value.substring(i, end), Decimal.parse(value, i, end)));
                i = skip(value, end, false);
            }
            if (i >= n || !(args.size() == arity[0] || (arity.length > 1 && args.size() == arity[1]))) {
                return null;
            }
            out.add(new Transform(name, args.toArray(PathNumber[]::new)));
            i = skip(value, i + 1, true);
        }
        return out;
    }

    private static int skip(String s, int i, boolean comma) {
        while (i < s.length() && (PathData.isSpace(s.charAt(i)) || (comma && s.charAt(i) == ','))) {
            i++;
        }
        return i;
    }

    /** The shortest equivalent, or {@code value} when it does not parse. */
    static String minify(String value) {
        List<Transform> transforms = parse(value);
        if (transforms == null) {
            return value;
        }
        StringBuilder out = new StringBuilder();
        for (Transform t : transforms) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            write(simplified(t), out);
        }
        return out.toString();
    }

    private static Transform simplified(Transform t) {
        PathNumber[] a = t.args().clone();
        for (int k = 0; k < a.length; k++) {
            PathNumber shorter = a[k].shortest();
            if (shorter.batik() == a[k].batik()) {
                a[k] = shorter;
            }
        }
        if (t.name().equals("matrix") && is(a[0], 1) && is(a[1], 0) && is(a[2], 0) && is(a[3], 1)) {
            return new Transform("translate", is(a[5], 0) ? new PathNumber[] {a[4]} : new PathNumber[] {a[4], a[5]});
        }
        if (t.name().equals("translate") && a.length == 2 && is(a[1], 0)) {
            return new Transform("translate", new PathNumber[] {a[0]});
        }
        if (t.name().equals("scale") && a.length == 2 && a[0].batik() == a[1].batik() && a[0].value() != null
                && a[0].value().equals(a[1].value())) {
            return new Transform("scale", new PathNumber[] {a[0]});
        }
        return new Transform(t.name(), a);
    }

    private static boolean is(PathNumber n, int value) {
        return n.value() != null && n.value().equals(Decimal.of(value)) && n.batik() == value;
    }

    static void write(Transform t, StringBuilder out) {
        out.append(t.name()).append('(');
        String last = null;
        for (PathNumber n : t.args()) {
            if (last != null) {
                out.append(PathData.separator(last, n.text()));
            }
            out.append(n.text());
            last = n.text();
        }
        out.append(')');
    }

    /**
     * The matrix {@code [a b c d e f]} the transforms multiply to, in doubles, or {@code null} when the value does not
     * parse or a number is not finite.
     */
    static double[] matrix(String value) {
        List<Transform> transforms = parse(value);
        if (transforms == null) {
            return null;
        }
        double[] m = {1, 0, 0, 1, 0, 0};
        for (Transform t : transforms) {
            double[] a = new double[t.args().length];
            for (int k = 0; k < a.length; k++) {
                a[k] = Double.parseDouble(t.args()[k].text());
                if (!Double.isFinite(a[k])) {
                    return null;
                }
            }
            double[] f = switch (t.name()) {
                case "matrix" -> a;
                case "translate" -> new double[] {1, 0, 0, 1, a[0], a.length > 1 ? a[1] : 0};
                case "scale" -> new double[] {a[0], 0, 0, a.length > 1 ? a[1] : a[0], 0, 0};
                case "rotate" -> rotation(a);
                case "skewX" -> new double[] {1, 0, Math.tan(Math.toRadians(a[0])), 1, 0, 0};
                default -> new double[] {1, Math.tan(Math.toRadians(a[0])), 0, 1, 0, 0};
            };
            m = multiply(m, f);
        }
        return m;
    }

    private static double[] rotation(double[] a) {
        double r = Math.toRadians(a[0]);
        double cos = Math.cos(r);
        double sin = Math.sin(r);
        double[] m = {cos, sin, -sin, cos, 0, 0};
        if (a.length == 3) {
            m = multiply(multiply(new double[] {1, 0, 0, 1, a[1], a[2]}, m), new double[] {1, 0, 0, 1, -a[1], -a[2]});
        }
        return m;
    }

    /** {@code m × f}: f applies first. */
    static double[] multiply(double[] m, double[] f) {
        return new double[] {
            m[0] * f[0] + m[2] * f[1], m[1] * f[0] + m[3] * f[1],
            m[0] * f[2] + m[2] * f[3], m[1] * f[2] + m[3] * f[3],
            m[0] * f[4] + m[2] * f[5] + m[4], m[1] * f[4] + m[3] * f[5] + m[5]};
    }

    /** The largest factor by which the matrix stretches a distance: its linear part's largest singular value. */
    static double stretch(double[] m) {
        double s = m[0] * m[0] + m[1] * m[1] + m[2] * m[2] + m[3] * m[3];
        double det = m[0] * m[3] - m[1] * m[2];
        return Math.sqrt((s + Math.sqrt(Math.max(0, s * s - 4 * det * det))) / 2);
    }
}
