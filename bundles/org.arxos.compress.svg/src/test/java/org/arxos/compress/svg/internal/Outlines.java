package org.arxos.compress.svg.internal;

import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.batik.parser.AWTPathProducer;
import org.apache.batik.parser.AWTPolygonProducer;
import org.apache.batik.parser.AWTPolylineProducer;
import org.apache.batik.parser.AWTTransformProducer;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What each element of a document draws, as polylines in the drawing's user units, worked out with Batik's own
 * parsers and Java2D (not the compressor's code): for checking that a lossy version moved nothing too far.
 */
final class Outlines {

    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final Set<String> REUSED = Set.of("defs", "symbol", "clipPath", "mask", "pattern", "marker",
            "linearGradient", "radialGradient", "filter", "foreignObject");
    private static final double FLATNESS = 0.0005;

    /** One element's outline: its place in document order and its polylines (x, y, x, y, ...). */
    record Outline(String where, List<double[]> polylines) {
    }

    private Outlines() {
    }

    static List<Outline> of(byte[] svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        Element root = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg)).getDocumentElement();
        List<Outline> out = new ArrayList<>();
        walk(root, new AffineTransform(), "svg", out, true);
        return out;
    }

    private static void walk(Element e, AffineTransform parent, String where, List<Outline> out, boolean root)
            throws Exception {
        if (!SVG.equals(e.getNamespaceURI()) || REUSED.contains(e.getLocalName())) {
            return;
        }
        AffineTransform m = new AffineTransform(parent);
        if (!root && e.getLocalName().equals("svg")) {
            m.concatenate(viewport(e));
        }
        if (e.hasAttribute("transform")) {
            m.concatenate(AWTTransformProducer.createAffineTransform(e.getAttribute("transform")));
        }
        Shape shape = shape(e);
        if (shape != null && measurable(shape)) {
            out.add(new Outline(where, polylines(shape, m)));
        }
        int k = 0;
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child) {
                walk(child, m, where + "/" + child.getLocalName() + (k++), out, false);
            }
        }
    }

    /** xMidYMid meet, the default: uniform scale, centred. */
    private static AffineTransform viewport(Element e) {
        double x = number(e, "x");
        double y = number(e, "y");
        AffineTransform t = AffineTransform.getTranslateInstance(x, y);
        if (e.hasAttribute("viewBox")) {
            String[] v = e.getAttribute("viewBox").trim().split("[\\s,]+");
            double vx = Double.parseDouble(v[0]);
            double vy = Double.parseDouble(v[1]);
            double vw = Double.parseDouble(v[2]);
            double vh = Double.parseDouble(v[3]);
            double w = number(e, "width");
            double h = number(e, "height");
            double s = Math.min(w / vw, h / vh);
            t.translate((w - vw * s) / 2, (h - vh * s) / 2);
            t.scale(s, s);
            t.translate(-vx, -vy);
        }
        return t;
    }

    private static Shape shape(Element e) throws Exception {
        return switch (e.getLocalName()) {
            case "path" -> AWTPathProducer.createShape(new StringReader(e.getAttribute("d")), PathIterator.WIND_NON_ZERO);
            case "rect", "image" -> e.hasAttribute("rx") || e.hasAttribute("ry")
                    ? new RoundRectangle2D.Double(number(e, "x"), number(e, "y"), number(e, "width"),
                            number(e, "height"), 2 * number(e, "rx"), 2 * number(e, "ry"))
                    : new Rectangle2D.Double(number(e, "x"), number(e, "y"), number(e, "width"), number(e, "height"));
            case "circle" -> new Ellipse2D.Double(number(e, "cx") - number(e, "r"), number(e, "cy") - number(e, "r"),
                    2 * number(e, "r"), 2 * number(e, "r"));
            case "ellipse" -> new Ellipse2D.Double(number(e, "cx") - number(e, "rx"),
                    number(e, "cy") - number(e, "ry"), 2 * number(e, "rx"), 2 * number(e, "ry"));
            case "line" -> new Line2D.Double(number(e, "x1"), number(e, "y1"), number(e, "x2"), number(e, "y2"));
            case "polyline" -> AWTPolylineProducer.createShape(new StringReader(e.getAttribute("points")),
                    PathIterator.WIND_NON_ZERO);
            case "polygon" -> AWTPolygonProducer.createShape(new StringReader(e.getAttribute("points")),
                    PathIterator.WIND_NON_ZERO);
            case "use", "text", "tspan" -> e.hasAttribute("x") || e.hasAttribute("y")
                    ? new Line2D.Double(first(e, "x"), first(e, "y"), first(e, "x"), first(e, "y")) : null;
            default -> null;
        };
    }

    private static boolean measurable(Shape shape) {
        Rectangle2D b = shape.getBounds2D();
        return Double.isFinite(b.getX()) && Double.isFinite(b.getY()) && Double.isFinite(b.getWidth())
                && Double.isFinite(b.getHeight());
    }

    /** A plain or px number; NaN for other units, which the checks leave out (the compressor keeps them exact). */
    private static double number(Element e, String name) {
        String v = e.getAttribute(name).trim().replace("px", "");
        try {
            return v.isEmpty() ? 0 : Double.parseDouble(v);
        } catch (NumberFormatException ex) {
            return Double.NaN;
        }
    }

    private static double first(Element e, String name) {
        String v = e.getAttribute(name).trim();
        return v.isEmpty() ? 0 : Double.parseDouble(v.split("[\\s,]+")[0].replace("px", ""));
    }

    private static List<double[]> polylines(Shape shape, AffineTransform m) {
        List<double[]> out = new ArrayList<>();
        List<Double> current = new ArrayList<>();
        double[] c = new double[6];
        double startX = 0;
        double startY = 0;
        for (PathIterator it = shape.getPathIterator(m, FLATNESS); !it.isDone(); it.next()) {
            int type = it.currentSegment(c);
            if (type == PathIterator.SEG_MOVETO && !current.isEmpty()) {
                out.add(array(current));
                current.clear();
            }
            if (type == PathIterator.SEG_MOVETO) {
                startX = c[0];
                startY = c[1];
            }
            if (type == PathIterator.SEG_CLOSE) {
                current.add(startX);
                current.add(startY);
            } else {
                current.add(c[0]);
                current.add(c[1]);
            }
        }
        if (!current.isEmpty()) {
            out.add(array(current));
        }
        return out;
    }

    private static double[] array(List<Double> values) {
        double[] a = new double[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i);
        }
        return a;
    }

    /** The largest distance from a vertex of {@code a} to the nearest point of {@code b}'s polylines. */
    static double farthest(Outline a, Outline b) {
        double worst = 0;
        for (double[] p : a.polylines()) {
            for (int i = 0; i < p.length; i += 2) {
                double best = Double.MAX_VALUE;
                for (double[] q : b.polylines()) {
                    best = Math.min(best, distance(p[i], p[i + 1], q));
                }
                worst = Math.max(worst, best);
            }
        }
        return worst;
    }

    private static double distance(double x, double y, double[] q) {
        if (q.length == 2) {
            return Math.hypot(x - q[0], y - q[1]);
        }
        double best = Double.MAX_VALUE;
        for (int i = 0; i + 3 < q.length; i += 2) {
            double ax = q[i];
            double ay = q[i + 1];
            double bx = q[i + 2] - ax;
            double by = q[i + 3] - ay;
            double len = bx * bx + by * by;
            double t = len == 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * bx + (y - ay) * by) / len));
            best = Math.min(best, Math.hypot(x - ax - t * bx, y - ay - t * by));
        }
        return best;
    }
}
