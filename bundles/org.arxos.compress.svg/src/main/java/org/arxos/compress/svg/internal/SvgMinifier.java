package org.arxos.compress.svg.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lossless structural minification: the document renders the same, pixel for pixel in Batik, and an importer sees the
 * same elements, ids, classes, names and texts. What goes:
 * <ul>
 * <li>comments (dropped while reading), the XML declaration, whitespace between elements outside text;</li>
 * <li>{@code metadata} and everything in an editor's namespace (Inkscape, Sodipodi, Illustrator, Sketch, ...), except
 * the names those editors give: {@code inkscape:label} and the root's {@code sodipodi:docname}; namespace declarations
 * nothing uses any more;</li>
 * <li>presentation properties set to the value the element has anyway (the initial value, or for an inherited property
 * the parent's), {@code x="0"}-style geometry defaults, {@code version="1.1"} — all only when the document has no
 * style sheet, which could make any of these matter;</li>
 * <li>digits: every number in its shortest text of the same value, colors in their shortest spelling, path data and
 * transforms in their shortest equivalent form ({@link PathMinifier}, {@link TransformList});</li>
 * <li>repetition, where the text itself is what gets compressed: identical inline styles of text and gradient stops
 * become classes of one sheet ({@link StyleClasses}).</li>
 * </ul>
 * Element names, ids and order, the classes of shapes and groups, and text content are never changed; a repeated
 * shape stays where it is rather than become a {@code use} of a shared definition, since an importer reads each
 * drawn element as an object of its kind (the tree coder codes a repeated value by reference instead).
 */
final class SvgMinifier {

    static final Set<String> EDITOR_NAMESPACES = Set.of(
            "http://www.inkscape.org/namespaces/inkscape",
            "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
            "http://ns.adobe.com/AdobeIllustrator/10.0/",
            "http://ns.adobe.com/AdobeSVGViewerExtensions/3.0/",
            "http://ns.adobe.com/Extensibility/1.0/",
            "http://ns.adobe.com/Flows/1.0/",
            "http://ns.adobe.com/GenericCustomNamespace/1.0/",
            "http://ns.adobe.com/Graphs/1.0/",
            "http://ns.adobe.com/ImageReplacement/1.0/",
            "http://ns.adobe.com/SaveForWeb/1.0/",
            "http://ns.adobe.com/Variables/1.0/",
            "http://ns.adobe.com/XPath/1.0/",
            "http://www.bohemiancoding.com/sketch/ns",
            "http://www.serif.com/",
            "http://vectornator.io");
    static final String INKSCAPE = "http://www.inkscape.org/namespaces/inkscape";
    static final String SODIPODI = "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd";
    static final String XLINK = "http://www.w3.org/1999/xlink";

    /** Elements whose character data is rendered or read: their whitespace stays. */
    private static final Set<String> TEXT_ELEMENTS = Set.of("text", "tspan", "textPath", "tref", "altGlyph",
            "title", "desc", "style", "script", "flowRoot", "flowPara", "flowSpan", "flowDiv", "flowLine");
    /** Content drawn only through a reference, with the referencing element's inheritance. */
    static final Set<String> REUSED_CONTENT = Set.of("defs", "symbol", "clipPath", "mask", "pattern", "marker",
            "linearGradient", "radialGradient", "filter", "font", "glyph", "missing-glyph");
    /** Path-like attributes read with exponent-capable parsers. */
    private static final Set<String> GEOMETRY = Set.of("x", "y", "width", "height", "rx", "ry", "cx", "cy", "r",
            "fx", "fy", "fr", "x1", "y1", "x2", "y2", "offset", "dx", "dy", "rotate", "refX", "refY", "markerWidth",
            "markerHeight", "startOffset", "textLength", "stdDeviation", "k1", "k2", "k3", "k4", "surfaceScale",
            "diffuseConstant", "specularConstant", "specularExponent", "radius", "scale", "pathLength", "viewBox");
    private static final Set<String> TRANSFORMS = Set.of("transform", "gradientTransform", "patternTransform");
    private static final Map<String, Set<String>> ZERO_DEFAULTS = Map.of(
            "rect", Set.of("x", "y"), "svg", Set.of("x", "y"), "use", Set.of("x", "y"), "image", Set.of("x", "y"),
            "foreignObject", Set.of("x", "y"), "circle", Set.of("cx", "cy"), "ellipse", Set.of("cx", "cy"),
            "line", Set.of("x1", "y1", "x2", "y2"));
    private static final Set<String> ASPECT_DEFAULT = Set.of("svg", "symbol", "image", "marker", "view");

    private final boolean styleSheets;
    private final Set<String> referenced;
    /** Property values seen, to their shortest and normal forms: drawings repeat the same few styles thousands of times. */
    private final Map<String, String[]> forms = new HashMap<>();
    private final Map<String, Style> styles = new HashMap<>();

    private SvgMinifier(XmlDocument document) {
        this.styleSheets = hasStyleSheet(document);
        this.referenced = ReferencedIds.of(document.root());
    }

    /** Minifies the document in place, without merging styles into classes. */
    static void minify(XmlDocument document) {
        minify(document, false);
    }

    /**
     * Minifies the document in place.
     *
     * @param mergeStyles whether repeated inline styles become classes: shorter text for a general codec, but a few
     *                    bytes more for the tree coder, which codes a repeated style as a reference anyway
     */
    static void minify(XmlDocument document, boolean mergeStyles) {
        SvgMinifier minifier = new SvgMinifier(document);
        minifier.element(document.root(), true, Map.of(), false, false);
        Namespaces.dropUnused(document.root());
        if (mergeStyles && !minifier.styleSheets) {
            StyleClasses.merge(document.root());
        }
    }

    private void element(XmlElement e, boolean root, Map<String, String> inherited, boolean inText, boolean reused) {
        boolean text = inText || (e.inSvgNamespace() && TEXT_ELEMENTS.contains(e.localName))
                || !e.inSvgNamespace() || e.isSvg("foreignObject");
        boolean reusedHere = reused || (e.inSvgNamespace() && REUSED_CONTENT.contains(e.localName))
                || referenced.contains(e.attribute("id"));
        dropEditorAttributes(e, root);
        Map<String, String> mine = inherited;
        if (e.inSvgNamespace()) {
            mine = properties(e, inherited, reusedHere);
            if (!styleSheets) {
                dropGeometryDefaults(e);
            }
            rewriteAttributes(e);
        }
        for (Iterator<XmlNode> it = e.children.iterator(); it.hasNext();) {
            XmlNode child = it.next();
            if (child instanceof XmlText t && !text && t.isWhitespace()) {
                it.remove();
            } else if (child instanceof XmlElement c) {
                if (isEditorData(c)) {
                    it.remove();
                } else {
                    element(c, false, mine, text, reusedHere);
                }
            }
        }
    }

    private static boolean isEditorData(XmlElement e) {
        return EDITOR_NAMESPACES.contains(e.namespace) || e.isSvg("metadata");
    }

    private static void dropEditorAttributes(XmlElement e, boolean root) {
        e.attributes.removeIf(a -> EDITOR_NAMESPACES.contains(a.namespace())
                && !(INKSCAPE.equals(a.namespace()) && a.localName().equals("label"))
                && !(root && SODIPODI.equals(a.namespace()) && a.localName().equals("docname")));
        if (root && e.isSvg("svg")) {
            String version = e.attribute("version");
            if ("1.1".equals(version) || "1.0".equals(version)) {
                e.setAttribute("version", null);
            }
        }
    }

    /**
     * Rewrites the element's presentation attributes and style declarations in their shortest form, drops those that
     * set what the element has anyway, and returns the inherited properties its children see.
     */
    private Map<String, String> properties(XmlElement e, Map<String, String> inherited, boolean reused) {
        Map<String, String> mine = null;
        for (int i = 0; i < e.attributes.size(); i++) {
            XmlAttribute a = e.attributes.get(i);
            SvgProperty p = a.namespace().isEmpty() ? SvgProperty.of(a.localName()) : null;
            if (p == null) {
                continue;
            }
            String[] form = forms(p, a.value());
            if (!styleSheets && redundant(p, form[1], inherited, reused)) {
                e.attributes.remove(i--);
                continue;
            }
            e.attributes.set(i, a.withValue(form[0]));
            if (p.inherited()) {
                mine = put(mine, inherited, p.name(), form[1]);
            }
        }
        String style = e.attribute("style");
        Style parsed = style == null ? null : styles.computeIfAbsent(style, this::style);
        if (parsed != null && parsed.declarations() != null) {
            List<Declared> declared = parsed.declarations();
            StringBuilder kept = null;
            for (int i = 0; i < declared.size(); i++) {
                Declared d = declared.get(i);
                SvgProperty p = d.property();
                // Without the declaration an attribute of the same property would apply: both stay.
                if (p != null && !styleSheets && redundant(p, d.normal(), inherited, reused)
                        && e.indexOf("", p.name()) < 0) {
                    if (kept == null) {
                        kept = new StringBuilder(parsed.written().length());
                        for (int k = 0; k < i; k++) {
                            append(kept, declared.get(k).text());
                        }
                    }
                    continue;
                }
                if (p != null && p.inherited()) {
                    mine = put(mine, inherited, p.name(), d.normal());
                }
                if (kept != null) {
                    append(kept, d.text());
                }
            }
            String written = kept == null ? parsed.written() : kept.toString();
            e.setAttribute("style", written.isEmpty() ? null : written);
        }
        return mine == null ? inherited : mine;
    }

    /**
     * A style attribute's declarations, or {@code null} ones when it is not plain enough to rewrite, and their text
     * when all of them stay.
     */
    private record Style(List<Declared> declarations, String written) {
    }

    /**
     * One declaration: its text in shortest form, and for a property this table knows (without {@code !important})
     * the property and its value's normal form.
     */
    private record Declared(String text, SvgProperty property, String normal) {
    }

    /** Parses a style once: drawings repeat a few styles thousands of times. */
    private Style style(String style) {
        List<StyleDeclarations.Declaration> declarations = StyleDeclarations.parse(style);
        if (declarations == null) {
            return new Style(null, style);
        }
        List<Declared> declared = new ArrayList<>(declarations.size());
        StringBuilder written = new StringBuilder(style.length());
        for (StyleDeclarations.Declaration d : declarations) {
            if (d.name().startsWith("-inkscape-")) {
                continue;
            }
            SvgProperty p = SvgProperty.of(d.name());
            Declared one;
            if (p == null || d.value().contains("!")) {
                one = new Declared(d.name() + ':' + d.value(), null, null);
            } else {
                String[] form = forms(p, d.value());
                one = new Declared(d.name() + ':' + form[0], p, form[1]);
            }
            declared.add(one);
            append(written, one.text());
        }
        return new Style(declared, written.toString());
    }

    private static void append(StringBuilder declarations, String declaration) {
        if (!declarations.isEmpty()) {
            declarations.append(';');
        }
        declarations.append(declaration);
    }

    /** The value's shortest form and its normal form (for comparing). */
    private String[] forms(SvgProperty p, String value) {
        return forms.computeIfAbsent(p.name() + ':' + value, k -> {
            String shortest = p.minify(value);
            return new String[] {shortest, p.normal(shortest)};
        });
    }

    private static Map<String, String> put(Map<String, String> mine, Map<String, String> inherited, String name,
            String value) {
        Map<String, String> m = mine == null ? new HashMap<>(inherited) : mine;
        m.put(name, value);
        return m;
    }

    /**
     * Whether setting the property to the value changes nothing: a non-inherited property at its initial value, or an
     * inherited one at the value the parent passes down. Content drawn through references inherits from the
     * referencing element, which is not known here: its inherited properties always stay.
     */
    private static boolean redundant(SvgProperty p, String normal, Map<String, String> inherited, boolean reused) {
        if (normal.equals("inherit")) {
            return false;
        }
        if (!p.inherited()) {
            return normal.equals(p.initial());
        }
        if (reused) {
            return false;
        }
        String parent = inherited.get(p.name());
        return normal.equals(parent != null ? parent : p.initial());
    }

    private static void dropGeometryDefaults(XmlElement e) {
        for (String a : ZERO_DEFAULTS.getOrDefault(e.localName, Set.of())) {
            String v = e.attribute(a);
            if (v != null) {
                String n = v.trim().endsWith("px") ? v.trim().substring(0, v.trim().length() - 2) : v.trim();
                Decimal d = Decimal.parse(n);
                if (d != null && d.signum() == 0) {
                    e.setAttribute(a, null);
                }
            }
        }
        if (ASPECT_DEFAULT.contains(e.localName)) {
            String par = e.attribute("preserveAspectRatio");
            if (par != null && (par.trim().equals("xMidYMid meet") || par.trim().equals("xMidYMid"))) {
                e.setAttribute("preserveAspectRatio", null);
            }
        }
    }

    private static void rewriteAttributes(XmlElement e) {
        for (int i = 0; i < e.attributes.size(); i++) {
            XmlAttribute a = e.attributes.get(i);
            if (!a.namespace().isEmpty()) {
                continue;
            }
            String name = a.localName();
            String value = a.value();
            String rewritten;
            if (name.equals("d") && (e.localName.equals("path") || e.localName.endsWith("glyph"))) {
                rewritten = PathMinifier.minify(value);
            } else if (name.equals("points")) {
                rewritten = PointList.minify(value);
            } else if (TRANSFORMS.contains(name)) {
                rewritten = TransformList.minify(value);
            } else if (GEOMETRY.contains(name)) {
                rewritten = NumberText.rewrite(value.trim(), false);
            } else {
                continue;
            }
            if (!rewritten.equals(value)) {
                e.attributes.set(i, a.withValue(rewritten));
            }
        }
    }

    private static boolean hasStyleSheet(XmlDocument document) {
        for (XmlInstruction pi : document.prolog()) {
            if (pi.target().equals("xml-stylesheet")) {
                return true;
            }
        }
        return containsStyle(document.root());
    }

    private static boolean containsStyle(XmlElement e) {
        if (e.isSvg("style")) {
            return true;
        }
        for (XmlNode n : e.children) {
            if (n instanceof XmlElement c && containsStyle(c)) {
                return true;
            }
            if (n instanceof XmlInstruction pi && pi.target().equals("xml-stylesheet")) {
                return true;
            }
        }
        return false;
    }
}
