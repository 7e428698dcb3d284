package org.arxos.compress.svg.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The lossy step: coordinates rounded to a grid and paths simplified, so that nothing drawn moves more than the
 * tolerance, measured in the drawing's user units (the root's coordinate system, after its viewBox).
 *
 * <p>Each element's grid step comes from the largest stretch of its transform to the root (nested transforms and
 * nested viewports multiplied out): a rounded point moves at most {@code step/2} on each axis of its own system,
 * {@code step/√2} in all, and at most {@code stretch × step/√2} in the drawing. A circle's outline moves by its
 * centre's shift plus its radius's, a stroke's edge by half its width's. Paths and polylines spend half the tolerance
 * on rounding and the rest on simplification ({@link PathQuantizer}), unless the document draws markers, which
 * simplification would move.
 *
 * <p>What stays exact: everything drawn through a reference (defs, symbols, patterns, markers, clip paths, masks,
 * anything a {@code use} or {@code url(#...)} names), since its transform is the referrer's; content under a nested
 * {@code svg} whose size is not absolute; values with units other than px; paths with arcs; transforms, gradients,
 * text sizes and everything else that is not a position.
 */
final class SvgQuantizer {

    private static final double SQRT2 = Math.sqrt(2);
    /** A safety margin on the computed stretch, for the doubles it is computed in. */
    private static final double MARGIN = 1 + 1e-9;

    private final double tolerance;
    private final boolean simplify;
    private final Set<String> referenced;

    private SvgQuantizer(XmlDocument document, double tolerance, boolean simplify) {
        this.tolerance = tolerance;
        this.referenced = ReferencedIds.of(document.root());
        this.simplify = simplify && !drawsMarkers(document.root());
    }

    /**
     * Rounds and simplifies the document in place.
     *
     * @param tolerance the most any drawn point may move, in the drawing's user units (positive)
     * @param simplify  whether paths and polylines may lose points, not just be rounded
     */
    static void quantize(XmlDocument document, double tolerance, boolean simplify) {
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("the tolerance must be a positive number: " + tolerance);
        }
        SvgQuantizer q = new SvgQuantizer(document, tolerance, simplify);
        for (XmlElement child : document.root().childElements()) {
            q.element(child, new double[] {1, 0, 0, 1, 0, 0});
        }
    }

    private void element(XmlElement e, double[] parent) {
        if (!e.inSvgNamespace() || SvgMinifier.REUSED_CONTENT.contains(e.localName)
                || e.localName.equals("foreignObject") || referenced.contains(e.attribute("id"))) {
            return;
        }
        double[] m = parent;
        if (e.localName.equals("svg")) {
            m = viewport(e, m);
        }
        String transform = e.attribute("transform");
        if (m != null && transform != null) {
            double[] t = TransformList.matrix(transform);
            m = t == null ? null : TransformList.multiply(m, t);
        }
        if (m == null) {
            return;
        }
        double stretch = TransformList.stretch(m) * MARGIN;
        if (!(stretch > 0) || !Double.isFinite(stretch)) {
            return;
        }
        shape(e, stretch);
        for (XmlElement child : e.childElements()) {
            element(child, m);
        }
    }

    /**
     * A nested viewport's transform: its position and its viewBox scale, taken as uniform at the larger of the two
     * axes' (an upper bound whatever {@code preserveAspectRatio} says). {@code null} when its size is not absolute or
     * it has a transform of its own (SVG 2 only; renderers differ).
     */
    private static double[] viewport(XmlElement e, double[] parent) {
        if (e.attribute("transform") != null) {
            return null;
        }
        double x = length(e.attribute("x"), 0);
        double y = length(e.attribute("y"), 0);
        String viewBox = e.attribute("viewBox");
        double scale = 1;
        if (viewBox != null) {
            String[] v = viewBox.trim().split("[\\s,]+");
            double width = length(e.attribute("width"), Double.NaN);
            double height = length(e.attribute("height"), Double.NaN);
            if (v.length != 4 || Double.isNaN(width) || Double.isNaN(height)) {
                return null;
            }
            try {
                scale = Math.max(width / Double.parseDouble(v[2]), height / Double.parseDouble(v[3]));
            } catch (NumberFormatException ex) {
                return null;
            }
        }
        if (Double.isNaN(x) || Double.isNaN(y) || !(scale > 0) || Double.isInfinite(scale)) {
            return null;
        }
        return TransformList.multiply(parent, new double[] {scale, 0, 0, scale, x, y});
    }

    /** A plain or px length, the default when absent, NaN for anything else. */
    private static double length(String value, double absent) {
        if (value == null) {
            return absent;
        }
        Decimal d = Decimal.parse(stripPx(value.trim()));
        return d == null ? Double.NaN : d.doubleValue();
    }

    private static String stripPx(String v) {
        return v.endsWith("px") ? v.substring(0, v.length() - 2) : v;
    }

    private void shape(XmlElement e, double stretch) {
        Decimal points = step(tolerance * SQRT2 / stretch);
        if (points == null) {
            return;
        }
        switch (e.localName) {
            case "path" -> path(e, stretch);
            case "rect", "image" -> box(e, points);
            case "use" -> round(e, points, "x", "y");
            case "line" -> round(e, points, "x1", "y1", "x2", "y2");
            case "circle" -> round(e, step(tolerance / stretch / (1 / SQRT2 + 0.5)), "cx", "cy", "r");
            case "ellipse" -> round(e, step(tolerance / stretch / (1 / SQRT2 + 0.5)), "cx", "cy", "rx", "ry");
            case "polyline", "polygon" -> polyline(e, stretch);
            case "text", "tspan" -> {
                roundList(e, points, "x");
                roundList(e, points, "y");
            }
            default -> {
                return;
            }
        }
        strokeWidth(e, points);
    }

    /**
     * Rounds a path to the full tolerance, or, where simplification is on, spends half on rounding and half on
     * simplifying when that comes out shorter: drawings with few collinear points gain more from the coarser grid.
     */
    private void path(XmlElement e, double stretch) {
        String d = e.attribute("d");
        if (d == null) {
            return;
        }
        String best = null;
        for (boolean simplified : simplify ? new boolean[] {false, true} : new boolean[] {false}) {
            Decimal step = step((simplified ? tolerance / 2 : tolerance) * SQRT2 / stretch);
            String candidate = step == null ? null
                    : PathQuantizer.quantize(d, step, simplified ? epsilon(step, stretch) : 0);
            if (candidate != null && (best == null || candidate.length() < best.length())) {
                best = candidate;
            }
        }
        if (best != null) {
            e.setAttribute("d", best);
        }
    }

    /** What simplification may move after rounding to the step, in the element's units. */
    private double epsilon(Decimal step, double stretch) {
        return Math.max(0, (tolerance - stretch * step.doubleValue() / SQRT2) / stretch);
    }

    private void polyline(XmlElement e, double stretch) {
        String value = e.attribute("points");
        List<Decimal> numbers = value == null ? null : numbers(value, false);
        if (numbers == null || numbers.size() % 2 != 0 || numbers.size() < 4) {
            return;
        }
        List<PathQuantizer.Point> points = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i += 2) {
            points.add(new PathQuantizer.Point(numbers.get(i), numbers.get(i + 1)));
        }
        String best = null;
        for (boolean simplified : simplify ? new boolean[] {false, true} : new boolean[] {false}) {
            Decimal step = step((simplified ? tolerance / 2 : tolerance) * SQRT2 / stretch);
            String candidate = step == null ? null : points(simplified
                    ? PathQuantizer.simplifyPolyline(points, epsilon(step, stretch)) : points, step);
            if (candidate != null && (best == null || candidate.length() < best.length())) {
                best = candidate;
            }
        }
        if (best != null) {
            e.setAttribute("points", best);
        }
    }

    private static String points(List<PathQuantizer.Point> points, Decimal step) {
        StringBuilder out = new StringBuilder();
        String last = null;
        for (PathQuantizer.Point p : points) {
            for (Decimal v : new Decimal[] {p.x(), p.y()}) {
                Decimal r = v.roundTo(step);
                if (r == null) {
                    return null;
                }
                String text = r.format(true);
                if (last != null) {
                    out.append(PathData.separator(last, text));
                }
                out.append(text);
                last = text;
            }
        }
        return out.toString();
    }

    /** A rect's or image's corners on the grid; a box that would lose its area stays as it is. */
    private static void box(XmlElement e, Decimal step) {
        Decimal[] x = corners(e.attribute("x"), e.attribute("width"), step);
        Decimal[] y = corners(e.attribute("y"), e.attribute("height"), step);
        if (x == null || y == null) {
            return;
        }
        setIfPresent(e, "x", x[0]);
        setIfPresent(e, "y", y[0]);
        e.setAttribute("width", x[1].format(false));
        e.setAttribute("height", y[1].format(false));
    }

    /** {@code [Q(start), Q(start + size) − Q(start)]}, or {@code null}. */
    private static Decimal[] corners(String start, String size, Decimal step) {
        Decimal s = start == null ? Decimal.ZERO : Decimal.parse(stripPx(start.trim()));
        Decimal w = size == null ? null : Decimal.parse(stripPx(size.trim()));
        if (s == null || w == null || w.signum() <= 0) {
            return null;
        }
        Decimal end = s.add(w);
        Decimal s2 = s.roundTo(step);
        Decimal e2 = end == null ? null : end.roundTo(step);
        Decimal w2 = s2 == null || e2 == null ? null : e2.subtract(s2);
        return w2 == null || w2.signum() <= 0 ? null : new Decimal[] {s2, w2};
    }

    private static void setIfPresent(XmlElement e, String name, Decimal value) {
        if (e.attribute(name) != null || value.signum() != 0) {
            e.setAttribute(name, value.format(false));
        }
    }

    /** Rounds each named single-number attribute; a radius or size that would vanish stays as it is. */
    private static void round(XmlElement e, Decimal step, String... names) {
        if (step == null) {
            return;
        }
        for (String name : names) {
            String v = e.attribute(name);
            Decimal d = v == null ? null : Decimal.parse(stripPx(v.trim()));
            Decimal r = d == null ? null : d.roundTo(step);
            boolean size = name.startsWith("r");
            if (r != null && !(size && r.signum() <= 0)) {
                e.setAttribute(name, r.format(false));
            }
        }
    }

    private static void roundList(XmlElement e, Decimal step, String name) {
        String v = e.attribute(name);
        List<Decimal> numbers = v == null ? null : numbers(v, true);
        if (numbers == null) {
            return;
        }
        StringBuilder out = new StringBuilder();
        for (Decimal d : numbers) {
            Decimal r = d.roundTo(step);
            if (r == null) {
                return;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(r.format(false));
        }
        e.setAttribute(name, out.toString());
    }

    /** The numbers of a list separated by spaces or commas (px allowed where {@code units}), or {@code null}. */
    private static List<Decimal> numbers(String value, boolean units) {
        List<Decimal> out = new ArrayList<>();
        int n = value.length();
        int i = 0;
        while (true) {
            while (i < n && (PathData.isSpace(value.charAt(i)) || value.charAt(i) == ',')) {
                i++;
            }
            if (i >= n) {
                return out;
            }
            int end = Decimal.end(value, i);
            Decimal d = end == i ? null : Decimal.parse(value, i, end);
            if (d == null) {
                return null;
            }
            if (units && value.startsWith("px", end)) {
                end += 2;
            }
            if (end < n && !PathData.isSpace(value.charAt(end)) && value.charAt(end) != ','
                    && value.charAt(end) != '-' && value.charAt(end) != '.') {
                return null;
            }
            out.add(d);
            i = end;
        }
    }

    /** A stroke's width on the grid: its edges move by half the change. */
    private static void strokeWidth(XmlElement e, Decimal step) {
        String attribute = e.attribute("stroke-width");
        if (attribute != null) {
            Decimal r = roundedWidth(attribute, step);
            if (r != null) {
                e.setAttribute("stroke-width", r.format(false));
            }
        }
        String style = e.attribute("style");
        List<StyleDeclarations.Declaration> declarations = style == null ? null : StyleDeclarations.parse(style);
        if (declarations == null) {
            return;
        }
        boolean changed = false;
        for (int i = 0; i < declarations.size(); i++) {
            StyleDeclarations.Declaration d = declarations.get(i);
            Decimal r = d.name().equals("stroke-width") ? roundedWidth(d.value(), step) : null;
            if (r != null) {
                declarations.set(i, new StyleDeclarations.Declaration(d.name(), r.format(false)));
                changed = true;
            }
        }
        if (changed) {
            e.setAttribute("style", StyleDeclarations.write(declarations));
        }
    }

    private static Decimal roundedWidth(String value, Decimal step) {
        Decimal d = Decimal.parse(stripPx(value.trim()));
        Decimal r = d == null || d.signum() <= 0 ? null : d.roundTo(step);
        return r == null || r.signum() <= 0 ? null : r;
    }

    /** The largest step of the form 1, 2 or 5 × 10^k not above {@code most}, or {@code null} when tiny. */
    static Decimal step(double most) {
        if (!(most >= 1e-12) || Double.isInfinite(most)) {
            return null;
        }
        int k = (int) Math.floor(Math.log10(most));
        k = Math.min(k, 300);
        for (int f : new int[] {5, 2, 1}) {
            Decimal candidate = new Decimal(f, -k);
            if (candidate.doubleValue() <= most) {
                return candidate;
            }
        }
        return new Decimal(5, -(k - 1));
    }

    private static boolean drawsMarkers(XmlElement e) {
        if (e.isSvg("marker")) {
            return true;
        }
        for (XmlAttribute a : e.attributes) {
            if (a.localName().startsWith("marker") || (a.localName().equals("style") && a.value().contains("marker"))) {
                return true;
            }
        }
        for (XmlElement c : e.childElements()) {
            if (drawsMarkers(c)) {
                return true;
            }
        }
        return false;
    }
}
