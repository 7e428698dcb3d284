package org.arxos.io.svg.internal;

import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Dimension2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Point2D;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.batik.anim.dom.SAXSVGDocumentFactory;
import org.apache.batik.bridge.BridgeContext;
import org.apache.batik.bridge.BridgeException;
import org.apache.batik.bridge.GVTBuilder;
import org.apache.batik.css.engine.CSSNavigableNode;
import org.apache.batik.gvt.CompositeGraphicsNode;
import org.apache.batik.gvt.GraphicsNode;
import org.apache.batik.gvt.ShapeNode;
import org.arxos.api.io.ImportException;
import org.arxos.api.io.ImportOptions;
import org.arxos.api.io.ImportReport;
import org.arxos.api.io.ImportResult;
import org.arxos.io.svg.SvgLimits;
import org.arxos.io.svg.SvgMapping;
import org.arxos.io.svg.SvgMapping.Attribute;
import org.arxos.io.svg.SvgMapping.Rule;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.ObjectType;
import org.arxos.model.PropertyValue;
import org.arxos.model.geometry.Bounds;
import org.arxos.model.geometry.Footprint;
import org.arxos.model.geometry.Polygon;
import org.arxos.model.geometry.Polyline;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.svg.SVGDocument;

/**
 * Maps a drawn SVG floor plan to a building through Batik: the DOM for structure, ids, classes and labels, the GVT
 * tree for geometry with every transform resolved (nested viewports, {@code use}/{@code symbol}, CSS). Not thread
 * safe: one reader per file.
 */
final class PlanReader {

    private static final String INKSCAPE_NS = "http://www.inkscape.org/namespaces/inkscape";
    private static final String XLINK_NS = "http://www.w3.org/1999/xlink";
    private static final Set<String> SHAPES = Set.of("rect", "circle", "ellipse", "line", "polyline", "polygon",
            "path", "use", "image");
    private static final Set<String> GROUPS = Set.of("g", "a", "switch", "svg");
    private static final Set<String> NOT_DRAWN = Set.of("defs", "symbol", "clipPath", "mask", "pattern", "marker",
            "linearGradient", "radialGradient", "filter", "style", "metadata", "title", "desc", "font", "font-face",
            "cursor", "view", "animate", "animateColor", "animateMotion", "animateTransform", "set", "color-profile");
    /** Coordinates beyond this many metres from the origin are refused: no building is 1,000 km wide. */
    private static final double MAX_COORDINATE = 1e6;
    private static final int MAX_WARNINGS = 200;

    private final byte[] content;
    private final SecureXml.Scan scan;
    private final ImportOptions options;
    private final SvgMapping mapping;
    private final SvgLimits limits;
    private final String source;

    private final IdAllocator ids = new IdAllocator();
    private final List<Draft> drafts = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();
    private final Map<String, Integer> mapped = new TreeMap<>();
    private final Map<String, Integer> kept = new TreeMap<>();
    private final Map<String, Integer> skipped = new TreeMap<>();
    private final List<String> warnings = new ArrayList<>();
    private int warningsLeftOut;
    private final Map<Element, Integer> ordinals = new IdentityHashMap<>();
    /** Each element's 1-based index among its parent's children of the same name, filled one parent at a time. */
    private final Map<Element, Integer> sameNameIndex = new IdentityHashMap<>();

    private BridgeContext ctx;
    private double viewportHeight;
    private Draft building;
    private Draft outsideFloor;
    private boolean hasFloorGroups;

    /** Where the walk is: the floor, the floor or zone spaces go into, the system components go into. */
    private record Level(Draft floor, Draft spatial, Draft system, boolean inRooms) {
    }

    private record Label(String text, double x, double y, Level level, Element element) {
    }

    PlanReader(byte[] content, SecureXml.Scan scan, ImportOptions options, SvgMapping mapping, SvgLimits limits) {
        this.content = content;
        this.scan = scan;
        this.options = options;
        this.mapping = mapping;
        this.limits = limits;
        this.source = options.sourceName() == null || options.sourceName().isEmpty() ? "input" : options.sourceName();
    }

    ImportResult read() throws ImportException, IOException {
        SVGDocument doc = parse();
        Element root = doc.getDocumentElement();
        number(root);
        checkUseExpansion(root);
        checkPathData();
        replaceImages(root);
        buildGeometry(doc);
        try {
            building = add(new Draft(buildingId(root), ObjectType.BUILDING, "building", null, null));
            building.name = firstNonEmpty(title(root), root.getAttributeNS("http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd", "docname"));
            building.properties.put("source", new PropertyValue.Text(source));
            hasFloorGroups = hasFloorGroup(root);
            Level top = new Level(null, null, null, false);
            if (!hasFloorGroups) {
                Draft floor = newFloor(null, "floor-1", "Floor 1", "storey");
                top = new Level(floor, floor, null, false);
            }
            walk(root, top);
            attachLabels();
            floorBounds();
        } catch (IllegalArgumentException e) {
            throw new ImportException(source, 0, null, "cannot map the plan: " + e.getMessage());
        }
        List<Change> changes = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            changes.add(new Change.AddObject(d.toObject()));
        }
        if (warningsLeftOut > 0) {
            warnings.add("... and " + warningsLeftOut + " more warnings");
        }
        return new ImportResult(new ChangeSet(options.author(), "import " + source, changes),
                new ImportReport(mapped, kept, skipped, warnings));
    }

    // ------------------------------------------------------------------------------------------------ loading

    private SVGDocument parse() throws ImportException {
        try {
            SAXSVGDocumentFactory factory = new SAXSVGDocumentFactory(null);
            // A URI no resource can be loaded relative to: the user agent refuses every load anyway.
            return factory.createSVGDocument("file:/arxos-import/" + IdAllocator.sanitize(source),
                    new ByteArrayInputStream(content));
        } catch (IOException | RuntimeException e) {
            throw new ImportException(source, 0, null, "Batik cannot read the SVG: " + e.getMessage());
        }
    }

    /** Element ordinals in document order, the same order the scan recorded lines in. */
    private void number(Element root) {
        List<Element> stack = new ArrayList<>();
        stack.add(root);
        int n = 0;
        while (!stack.isEmpty()) {
            Element e = stack.remove(stack.size() - 1);
            ordinals.put(e, n++);
            List<Element> children = children(e);
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.add(children.get(i));
            }
        }
    }

    private long line(Element e) {
        Integer ordinal = e == null ? null : ordinals.get(e);
        return ordinal == null || ordinals.size() != scan.elementCount() ? 0 : scan.line(ordinal);
    }

    /** Refuses {@code use} chains that would copy more elements than the limit (the SVG form of a billion laughs). */
    private void checkUseExpansion(Element root) throws ImportException {
        Map<Element, Long> sizes = new IdentityHashMap<>();
        long total = expansion(root, sizes, new HashSet<>());
        if (total > limits.maxElements()) {
            throw new ImportException(source, 0, "use", "the use elements would expand to more than "
                    + limits.maxElements() + " elements (the element limit)");
        }
    }

    private long expansion(Element e, Map<Element, Long> sizes, Set<Element> open) throws ImportException {
        Long known = sizes.get(e);
        if (known != null) {
            return known;
        }
        if (!open.add(e)) {
            throw new ImportException(source, line(e), describe(e), "use elements refer to each other in a cycle");
        }
        long size = 1;
        for (Element c : children(e)) {
            size = Math.min(size + expansion(c, sizes, open), Long.MAX_VALUE / 4);
        }
        if ("use".equals(e.getLocalName())) {
            Element target = referenced(e);
            if (target != null) {
                size = Math.min(size + expansion(target, sizes, open), Long.MAX_VALUE / 4);
            }
        }
        if (size > limits.maxElements()) {
            throw new ImportException(source, line(e), describe(e), "expands to more than " + limits.maxElements()
                    + " elements through use references (the element limit)");
        }
        open.remove(e);
        sizes.put(e, size);
        return size;
    }

    private static Element referenced(Element use) {
        String href = use.getAttributeNS(XLINK_NS, "href");
        if (href.isEmpty()) {
            href = use.getAttribute("href");
        }
        if (href.startsWith("#")) {
            return use.getOwnerDocument().getElementById(href.substring(1));
        }
        return null;
    }

    /**
     * Path data must start with a moveto (SVG 1.1, 8.3.2). Batik accepts {@code d="Z"} or {@code d="L 1 1"} and then
     * fails inside its path producer with a NullPointerException or IllegalPathStateException, wherever the path is
     * used (drawn, in a marker, a clip path, a {@code use} or a {@code textPath}). Checked for every path before Batik
     * builds anything, so the message names the path and its line.
     */
    private void checkPathData() throws ImportException {
        for (Element e : ordinals.keySet()) {
            String tag = e.getLocalName();
            if (!SecureXml.SVG_NS.equals(e.getNamespaceURI())
                    || !("path".equals(tag) || "glyph".equals(tag) || "missing-glyph".equals(tag))) {
                continue;
            }
            String d = e.getAttribute("d");
            int i = 0;
            while (i < d.length() && (d.charAt(i) == ' ' || d.charAt(i) == '\t' || d.charAt(i) == '\n'
                    || d.charAt(i) == '\r' || d.charAt(i) == '\f')) {
                i++;
            }
            if (i < d.length() && d.charAt(i) != 'M' && d.charAt(i) != 'm') {
                throw new ImportException(source, line(e), describe(e), "path data must start with a moveto (M or m),"
                        + " not '" + printable(d.charAt(i)) + "': Batik cannot compute this shape's geometry");
            }
        }
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format(Locale.ROOT, "\\u%04x", (int) c);
    }

    /**
     * Images are kept as their frame: each {@code image} becomes a {@code rect} with the same position, size, id and
     * transform, so the plan keeps the object without Batik ever loading the picture.
     */
    private void replaceImages(Element root) {
        List<Element> images = new ArrayList<>();
        collect(root, "image", images);
        for (Element image : images) {
            Element rect = image.getOwnerDocument().createElementNS(SecureXml.SVG_NS, "rect");
            for (String a : List.of("id", "x", "y", "width", "height", "transform", "class", "style")) {
                if (image.hasAttribute(a)) {
                    rect.setAttribute(a, image.getAttribute(a));
                }
            }
            if (image.hasAttributeNS(INKSCAPE_NS, "label")) {
                rect.setAttributeNS(INKSCAPE_NS, "inkscape:label", image.getAttributeNS(INKSCAPE_NS, "label"));
            }
            rect.setAttribute("data-arxos-image", "1");
            image.getParentNode().replaceChild(rect, image);
            ordinals.put(rect, ordinals.get(image));
        }
    }

    private static void collect(Element e, String localName, List<Element> into) {
        for (Element c : children(e)) {
            if (localName.equals(c.getLocalName()) && SecureXml.SVG_NS.equals(c.getNamespaceURI())) {
                into.add(c);
            } else {
                collect(c, localName, into);
            }
        }
    }

    private void buildGeometry(SVGDocument doc) throws ImportException {
        SandboxedUserAgent agent = new SandboxedUserAgent();
        ctx = new BridgeContext(agent);
        // Interactive: Batik then keeps the element -> graphics node links this mapper reads. Scripts still never
        // run: only the dynamic state runs them, and the user agent refuses them.
        ctx.setDynamicState(BridgeContext.INTERACTIVE);
        try {
            new ElementGuardingBuilder().build(ctx, doc);
        } catch (BridgeException e) {
            Element at = located(e.getElement());
            throw new ImportException(source, line(at), at == null ? null : describe(at), e.getMessage());
        } catch (SecurityException e) {
            throw new ImportException(source, 0, null, e.getMessage());
        } catch (ElementFailure e) {
            throw geometryFailure(e.element, e.getCause());
        } catch (RuntimeException e) {
            // Outside every element (the document itself): still no Java exception in the message.
            throw geometryFailure(doc.getDocumentElement(), e);
        }
        Dimension2D size = ctx.getDocumentSize();
        viewportHeight = size == null ? 0 : size.getHeight();
        if (!Double.isFinite(viewportHeight) || Math.abs(viewportHeight) / mapping.pixelsPerMetre() > MAX_COORDINATE) {
            throw new ImportException(source, line(doc.getDocumentElement()), "svg@height",
                    "the declared size is out of range: " + viewportHeight);
        }
        for (String m : agent.messages) {
            warn(0, "Batik: " + m);
        }
    }

    /** A failure inside Batik while it built one element, carried out of the builder with that element. */
    private static final class ElementFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Element element;

        ElementFailure(Element element, RuntimeException cause) {
            super(cause);
            this.element = element;
        }
    }

    /**
     * Batik's builder, with each element's build guarded: a runtime exception Batik throws while building an element
     * (a defect it has for some degenerate input) is tied to the innermost element being built, so the error names
     * it and its line instead of a Java exception. Batik's own errors ({@link BridgeException}) pass unchanged.
     * {@code use} instances, markers and other referenced content are built through {@link #build(BridgeContext,
     * Element)}, so they are guarded too.
     */
    private static final class ElementGuardingBuilder extends GVTBuilder {

        @Override
        public GraphicsNode build(BridgeContext ctx, Element e) {
            try {
                return super.build(ctx, e);
            } catch (BridgeException | SecurityException | ElementFailure ex) {
                throw ex;
            } catch (RuntimeException ex) {
                throw new ElementFailure(e, ex);
            }
        }

        @Override
        protected void buildGraphicsNode(BridgeContext ctx, Element e, CompositeGraphicsNode parentNode) {
            try {
                super.buildGraphicsNode(ctx, e, parentNode);
            } catch (BridgeException | SecurityException | ElementFailure ex) {
                throw ex;
            } catch (RuntimeException ex) {
                throw new ElementFailure(e, ex);
            }
        }
    }

    /**
     * The element of the file an element Batik reports stands for: itself, or for a copy in a {@code use} instance the
     * nearest element of the file above it (the {@code use}).
     */
    private Element located(Element e) {
        Node at = e;
        for (int guard = 0; at != null && guard < 100_000; guard++) {
            if (at instanceof Element el && ordinals.containsKey(el)) {
                return el;
            }
            Node up = at.getParentNode();
            if (up == null && at instanceof CSSNavigableNode nav) {
                up = nav.getCSSParentNode(); // a use instance's shadow root: its parent is the use element
            }
            at = up;
        }
        return e;
    }

    /**
     * Batik failed on this element's geometry. The message names the element and its line, not the Java exception:
     * that is kept as a suppressed exception for a stack trace in the logs.
     */
    private ImportException geometryFailure(Element element, Throwable batikFailure) {
        Element at = element == null ? null : located(element);
        String what = at != null && (SHAPES.contains(at.getLocalName()) || "text".equals(at.getLocalName()))
                ? "this shape's" : "this element's";
        ImportException ie = new ImportException(source, line(at), at == null ? null : describe(at),
                "Batik cannot compute " + what + " geometry");
        if (batikFailure != null) {
            ie.addSuppressed(batikFailure);
        }
        return ie;
    }

    // ------------------------------------------------------------------------------------------------ the walk

    private void walk(Element parent, Level level) throws ImportException {
        for (Element e : children(parent)) {
            if (!SecureXml.SVG_NS.equals(e.getNamespaceURI())) {
                continue; // editor data (sodipodi:namedview, RDF): not part of the drawing
            }
            String tag = e.getLocalName();
            if (GROUPS.contains(tag)) {
                group(e, level);
            } else if (SHAPES.contains(tag)) {
                shape(e, level);
            } else if ("text".equals(tag)) {
                text(e, level);
            } else if (NOT_DRAWN.contains(tag)) {
                count(skipped, tag);
            } else if ("script".equals(tag) || "foreignObject".equals(tag)) {
                count(skipped, tag);
                warn(line(e), describe(e) + " skipped: scripts are never run, foreign content is not a plan");
            } else {
                count(skipped, tag);
                warn(line(e), describe(e) + " skipped: not a plan element");
            }
        }
    }

    private void group(Element e, Level level) throws ImportException {
        Rule rule = match(mapping.groupRules(), e);
        String role = rule == null ? "group" : rule.as();
        String tag = e.getLocalName();
        if ("floor".equals(role) && level.floor() != null) {
            role = "zone"; // a floor inside a floor: the inner one is a part of it
        }
        switch (role) {
            case "skip" -> {
                int n = countSubtree(e, skipped);
                warn(line(e), describe(e) + " skipped with its " + (n - 1) + " elements by a mapping rule");
            }
            case "floor" -> {
                Draft floor = newFloor(e, e.getAttribute("id"), firstNonEmpty(label(e), e.getAttribute("id")),
                        kindOr(rule, "storey"));
                count(mapped, tag);
                walk(e, new Level(floor, floor, null, false));
            }
            case "zone" -> {
                Draft spatial = spatial(level, e);
                if (spatial == null) {
                    return;
                }
                Draft zone = add(new Draft(ids.allocate(e.getAttribute("id"), pathId(e)), ObjectType.ZONE,
                        kindOr(rule, "zone"), spatial, tag));
                zone.floor = spatial.floor;
                zone.name = firstNonEmpty(label(e), e.getAttribute("id"));
                count(mapped, tag);
                walk(e, new Level(spatial.floor, zone, null, level.inRooms()));
            }
            case "system" -> {
                Draft parent = level.system() != null ? level.system()
                        : level.spatial() != null && level.spatial().type == ObjectType.ZONE ? level.spatial() : building;
                Draft system = add(new Draft(ids.allocate(e.getAttribute("id"), pathId(e)), ObjectType.SYSTEM,
                        kindOr(rule, "system"), parent, tag));
                system.floor = level.floor();
                system.name = firstNonEmpty(label(e), e.getAttribute("id"));
                if (parent == building && level.floor() != null) {
                    // Systems hang from the building or a zone; the floor they were drawn on is kept.
                    system.properties.put("floor", new PropertyValue.Text(level.floor().id));
                }
                count(mapped, tag);
                walk(e, new Level(level.floor(), level.spatial(), system, level.inRooms()));
            }
            case "rooms" -> walk(e, new Level(level.floor(), level.spatial(), level.system(), true));
            default -> walk(e, level);
        }
    }

    private void shape(Element e, Level level) throws ImportException {
        String tag = e.getLocalName();
        boolean image = e.hasAttribute("data-arxos-image");
        String reportTag = image ? "image" : tag;
        Rule rule = match(mapping.shapeRules(), e);
        if (rule != null && "skip".equals(rule.as())) {
            count(skipped, reportTag);
            return;
        }
        GraphicsNode node = ctx.getGraphicsNode(e);
        if (node == null) {
            count(skipped, reportTag);
            warn(line(e), describe(e) + " skipped: not drawn (display none or empty)");
            return;
        }
        Outline outline = outline(e, node);
        if (outline == null) {
            count(skipped, reportTag);
            warn(line(e), describe(e) + " skipped: no geometry");
            return;
        }
        boolean space = rule != null ? "space".equals(rule.as()) : level.inRooms() && outline.footprint instanceof Polygon;
        if (space && !(outline.footprint instanceof Polygon)) {
            warn(line(e), describe(e) + " is open, so it is a component, not a space");
            space = false;
        }
        Draft parent = space || level.system() == null ? spatial(level, e) : level.system();
        if (parent == null) {
            count(skipped, reportTag);
            return;
        }
        String kind = rule != null && rule.kind() != null ? rule.kind()
                : space ? "room" : image ? "svg-image" : classKind(e, "svg-" + tag);
        Draft d = add(new Draft(ids.allocate(e.getAttribute("id"), pathId(e)),
                space ? ObjectType.SPACE : ObjectType.COMPONENT, kind, parent, reportTag));
        d.floor = level.floor() != null ? level.floor() : parent.floor;
        d.name = label(e);
        d.footprint = outline.footprint;
        d.area = outline.area;
        if (!e.getAttribute("class").isBlank()) {
            d.properties.put("svg.class", new PropertyValue.Text(e.getAttribute("class").trim()));
        }
        if (outline.subpaths > 1) {
            d.properties.put("svg.subpaths", new PropertyValue.Number(outline.subpaths));
        }
        count(mapped, reportTag);
    }

    private void text(Element e, Level level) throws ImportException {
        String text = e.getTextContent() == null ? "" : e.getTextContent().replaceAll("\\s+", " ").trim();
        GraphicsNode node = ctx.getGraphicsNode(e);
        if (text.isEmpty() || node == null) {
            count(skipped, "text");
            return;
        }
        double x = firstNumber(e, "x");
        double y = firstNumber(e, "y");
        if (Double.isNaN(x) || Double.isNaN(y)) {
            for (Element c : children(e)) {
                if ("tspan".equals(c.getLocalName())) {
                    x = Double.isNaN(x) ? firstNumber(c, "x") : x;
                    y = Double.isNaN(y) ? firstNumber(c, "y") : y;
                    break;
                }
            }
        }
        Point2D p = node.getGlobalTransform().transform(new Point2D.Double(Double.isNaN(x) ? 0 : x,
                Double.isNaN(y) ? 0 : y), null);
        labels.add(new Label(text, metresX(p.getX(), e), metresY(p.getY(), e), level, e));
    }

    // ------------------------------------------------------------------------------------------------ labels

    /**
     * Each label goes to the smallest closed shape on its floor that contains it: a space, or a closed component that
     * becomes a space. A label in no shape becomes a {@code text-label} component.
     */
    private void attachLabels() throws ImportException {
        Map<Draft, List<Draft>> closedByFloor = new IdentityHashMap<>();
        Map<Draft, Bounds> floorDrawing = new IdentityHashMap<>();
        for (Draft d : drafts) {
            if (d.floor != null && d.footprint != null) {
                floorDrawing.merge(d.floor, d.bounds(), Bounds::union);
                if (d.closed() && (d.type == ObjectType.SPACE
                        || (mapping.spacesFromLabels() && d.type == ObjectType.COMPONENT
                                && d.parent.type != ObjectType.SYSTEM))) {
                    closedByFloor.computeIfAbsent(d.floor, f -> new ArrayList<>()).add(d);
                }
            }
        }
        for (Label label : labels) {
            Draft floor = label.level().floor();
            Draft best = null;
            Bounds drawing = floor == null ? null : floorDrawing.get(floor);
            double maxArea = drawing == null ? 0 : drawing.area() * mapping.maxSpaceShare();
            for (Draft d : floor == null ? List.<Draft>of() : closedByFloor.getOrDefault(floor, List.of())) {
                Bounds b = d.bounds();
                if (label.x() < b.minX() || label.x() > b.maxX() || label.y() < b.minY() || label.y() > b.maxY()
                        || (d.type != ObjectType.SPACE && d.area > maxArea)
                        || !contains((Polygon) d.footprint, label.x(), label.y())) {
                    continue;
                }
                if (best == null || d.area < best.area) {
                    best = d;
                }
            }
            if (best != null) {
                if (best.type == ObjectType.COMPONENT) {
                    best.type = ObjectType.SPACE;
                    best.kind = "room";
                }
                if (best.name == null) {
                    best.name = label.text();
                } else {
                    PropertyValue old = best.properties.get("label");
                    best.properties.put("label", new PropertyValue.Text(old == null ? label.text()
                            : ((PropertyValue.Text) old).value() + "\n" + label.text()));
                }
                count(kept, "text");
                continue;
            }
            Element e = label.element();
            Draft parent = label.level().system() != null ? label.level().system() : spatial(label.level(), e);
            if (parent == null) {
                count(skipped, "text");
                continue;
            }
            Draft d = add(new Draft(ids.allocate(e.getAttribute("id"), pathId(e)), ObjectType.COMPONENT,
                    "text-label", parent, "text"));
            d.floor = floor;
            d.name = label.text();
            float x = (float) label.x();
            float y = (float) label.y();
            d.footprint = new Bounds(x, y, x, y);
            count(mapped, "text");
        }
    }

    private static boolean contains(Polygon p, double x, double y) {
        boolean inside = false;
        int n = p.vertexCount();
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double xi = p.x(i), yi = p.y(i), xj = p.x(j), yj = p.y(j);
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
        }
        return inside;
    }

    /** A floor's footprint is the bounds of everything drawn on it. */
    private void floorBounds() {
        Map<Draft, Bounds> drawing = new IdentityHashMap<>();
        for (Draft d : drafts) {
            if (d.floor != null && d.floor != d && d.footprint != null) {
                drawing.merge(d.floor, d.bounds(), Bounds::union);
            }
        }
        drawing.forEach((floor, b) -> floor.footprint = b);
    }

    // ------------------------------------------------------------------------------------------------ geometry

    private record Outline(Footprint footprint, double area, int subpaths) {
    }

    private Outline outline(Element e, GraphicsNode node) throws ImportException {
        AffineTransform at;
        Shape shape;
        try {
            // Batik computes some geometry lazily (text layout, use instances): its failures surface here.
            at = node.getGlobalTransform();
            shape = node instanceof ShapeNode shapeNode && shapeNode.getShape() != null ? shapeNode.getShape()
                    : node.getGeometryBounds();
        } catch (RuntimeException ex) {
            throw geometryFailure(e, ex);
        }
        return shape == null ? null : outline(e, shape, at);
    }

    private Outline outline(Element e, Shape shape, AffineTransform at) throws ImportException {
        List<double[]> paths = new ArrayList<>();
        List<Boolean> closed = new ArrayList<>();
        double[] current = new double[16];
        int n = 0;
        boolean isClosed = false;
        double[] seg = new double[6];
        // Curves are flattened to within a centimetre.
        for (PathIterator it = shape.getPathIterator(at, 0.01 * mapping.pixelsPerMetre()); !it.isDone(); it.next()) {
            int type = it.currentSegment(seg);
            if (type == PathIterator.SEG_MOVETO) {
                if (n > 0) {
                    paths.add(java.util.Arrays.copyOf(current, n));
                    closed.add(isClosed);
                }
                n = 0;
                isClosed = false;
            }
            if (type == PathIterator.SEG_CLOSE) {
                isClosed = true;
                continue;
            }
            if (n + 2 > current.length) {
                current = java.util.Arrays.copyOf(current, current.length * 2);
            }
            if (n >= 2 && current[n - 2] == seg[0] && current[n - 1] == seg[1]) {
                continue; // a repeated point
            }
            current[n++] = seg[0];
            current[n++] = seg[1];
        }
        if (n > 0) {
            paths.add(java.util.Arrays.copyOf(current, n));
            closed.add(isClosed);
        }
        if (paths.isEmpty()) {
            return null;
        }
        // Several subpaths (a wall with openings, hatching): the largest closed one, else the longest open one.
        int pick = -1;
        double pickSize = -1;
        boolean pickClosed = false;
        for (int i = 0; i < paths.size(); i++) {
            double[] p = paths.get(i);
            boolean c = closed.get(i) || (p.length >= 8 && p[0] == p[p.length - 2] && p[1] == p[p.length - 1]);
            double size = c ? Math.abs(area(p)) : extent(p);
            if (pick < 0 || (c && !pickClosed) || (c == pickClosed && size > pickSize)) {
                pick = i;
                pickSize = size;
                pickClosed = c;
            }
        }
        double[] p = paths.get(pick);
        if (pickClosed && p.length >= 4 && p[0] == p[p.length - 2] && p[1] == p[p.length - 1]) {
            p = java.util.Arrays.copyOf(p, p.length - 2);
        }
        float[] coords = new float[p.length];
        for (int i = 0; i < p.length; i += 2) {
            coords[i] = (float) metresX(p[i], e);
            coords[i + 1] = (float) metresY(p[i + 1], e);
        }
        Footprint footprint;
        double area = 0;
        if (pickClosed && coords.length >= 6) {
            footprint = new Polygon(coords);
            area = Math.abs(area(coords));
        } else if (coords.length >= 4) {
            footprint = new Polyline(coords);
        } else {
            footprint = new Bounds(coords[0], coords[1], coords[0], coords[1]);
        }
        return new Outline(footprint, area, paths.size());
    }

    private double metresX(double px, Element e) throws ImportException {
        return checked(px / mapping.pixelsPerMetre(), e);
    }

    private double metresY(double px, Element e) throws ImportException {
        return checked((mapping.yUp() ? viewportHeight - px : px) / mapping.pixelsPerMetre(), e);
    }

    private double checked(double metres, Element e) throws ImportException {
        if (!Double.isFinite(metres) || Math.abs(metres) > MAX_COORDINATE) {
            throw new ImportException(source, line(e), describe(e), "coordinate out of range: " + metres
                    + " m (the limit is " + MAX_COORDINATE + " m; check the scale and the declared sizes)");
        }
        return metres;
    }

    private static double area(double[] p) {
        double sum = 0;
        for (int i = 0, n = p.length; i < n; i += 2) {
            int j = (i + 2) % n;
            sum += p[i] * p[j + 1] - p[j] * p[i + 1];
        }
        return sum / 2;
    }

    private static double area(float[] p) {
        double sum = 0;
        for (int i = 0, n = p.length; i < n; i += 2) {
            int j = (i + 2) % n;
            sum += (double) p[i] * p[j + 1] - (double) p[j] * p[i + 1];
        }
        return sum / 2;
    }

    private static double extent(double[] p) {
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i = 0; i < p.length; i += 2) {
            minX = Math.min(minX, p[i]);
            maxX = Math.max(maxX, p[i]);
            minY = Math.min(minY, p[i + 1]);
            maxY = Math.max(maxY, p[i + 1]);
        }
        return Math.hypot(maxX - minX, maxY - minY);
    }

    // ------------------------------------------------------------------------------------------------ objects

    private Draft add(Draft d) throws ImportException {
        if (drafts.size() >= options.maxObjects()) {
            throw new ImportException(source, 0, null, "more than " + options.maxObjects()
                    + " objects: the import limit (maxObjects) is " + options.maxObjects());
        }
        drafts.add(d);
        options.progress().objectsRead(drafts.size());
        return d;
    }

    private Draft newFloor(Element e, String rawId, String name, String kind) throws ImportException {
        Draft floor = add(new Draft(ids.allocate(rawId, e == null ? "floor" : pathId(e)), ObjectType.FLOOR, kind,
                building, e == null ? null : e.getLocalName()));
        floor.floor = floor;
        floor.name = name;
        return floor;
    }

    /** The floor or zone a space or component goes into; outside every floor group, per the mapping. */
    private Draft spatial(Level level, Element e) throws ImportException {
        if (level.spatial() != null) {
            return level.spatial();
        }
        if ("floor".equals(mapping.outsideFloors())) {
            if (outsideFloor == null) {
                outsideFloor = newFloor(null, "outside-floors", "Outside floor groups", "storey");
            }
            return outsideFloor;
        }
        countSubtree(e, skipped);
        warn(line(e), describe(e) + " skipped: outside every floor group (mapping outsideFloors = skip)");
        return null;
    }

    private boolean hasFloorGroup(Element e) {
        for (Element c : children(e)) {
            if (!SecureXml.SVG_NS.equals(c.getNamespaceURI()) || !GROUPS.contains(c.getLocalName())) {
                continue;
            }
            Rule r = match(mapping.groupRules(), c);
            if (r != null && "skip".equals(r.as())) {
                continue;
            }
            if ((r != null && "floor".equals(r.as())) || hasFloorGroup(c)) {
                return true;
            }
        }
        return false;
    }

    private String buildingId(Element root) {
        if (options.buildingId() != null) {
            return ids.allocate(options.buildingId(), "building");
        }
        String stem = source.replaceAll("^.*[/\\\\]", "").replaceAll("\\.[^.]*$", "");
        return ids.allocate(stem, firstNonEmpty(root.getAttribute("id"), "building"));
    }

    // ------------------------------------------------------------------------------------------------ DOM helpers

    private static Rule match(List<Rule> rules, Element e) {
        for (Rule r : rules) {
            if (matches(r, e)) {
                return r;
            }
        }
        return null;
    }

    private static boolean matches(Rule r, Element e) {
        Attribute a = r.attribute();
        if (a == Attribute.ELEMENT) {
            return r.pattern().matcher(e.getLocalName()).find();
        }
        if ((a == Attribute.ID || a == Attribute.ANY) && find(r, e.getAttribute("id"))) {
            return true;
        }
        if (a == Attribute.CLASS || a == Attribute.ANY) {
            for (String token : e.getAttribute("class").trim().split("\\s+")) {
                if (find(r, token)) {
                    return true;
                }
            }
        }
        return (a == Attribute.LABEL || a == Attribute.ANY) && find(r, label(e));
    }

    private static boolean find(Rule r, String value) {
        return value != null && !value.isEmpty() && r.pattern().matcher(value).find();
    }

    /** {@code inkscape:label}, else the {@code title} child, else {@code null}. */
    private static String label(Element e) {
        String label = e.getAttributeNS(INKSCAPE_NS, "label");
        return label.isBlank() ? title(e) : label.trim();
    }

    private static String title(Element e) {
        for (Element c : children(e)) {
            if ("title".equals(c.getLocalName()) && SecureXml.SVG_NS.equals(c.getNamespaceURI())) {
                String t = c.getTextContent().trim();
                return t.isEmpty() ? null : t;
            }
        }
        return null;
    }

    private static String classKind(Element e, String fallback) {
        String cls = e.getAttribute("class").trim();
        if (cls.isEmpty()) {
            return fallback;
        }
        String kind = IdAllocator.sanitize(cls.split("\\s+")[0].toLowerCase(Locale.ROOT));
        return kind.isEmpty() ? fallback : kind;
    }

    private static String kindOr(Rule rule, String fallback) {
        return rule != null && rule.kind() != null ? rule.kind() : fallback;
    }

    /** The id for an element without one: its nearest ancestor with an id, then tag and index per level. */
    private String pathId(Element e) {
        StringBuilder path = new StringBuilder();
        Element at = e;
        while (at != null && at.getAttribute("id").isEmpty()) {
            path.insert(0, "." + at.getLocalName() + sameNameIndex(at));
            at = at.getParentNode() instanceof Element pe ? pe : null;
        }
        String base = at == null ? "svg" : IdAllocator.sanitize(at.getAttribute("id"));
        return base + path;
    }

    private static double firstNumber(Element e, String attribute) {
        String v = e.getAttribute(attribute).trim();
        if (v.isEmpty()) {
            return Double.NaN;
        }
        String first = v.split("[\\s,]+")[0].replaceAll("(px)$", "");
        try {
            return Double.parseDouble(first);
        } catch (NumberFormatException ex) {
            return Double.NaN;
        }
    }

    /**
     * The element's 1-based index among its siblings of the same local name. Computed for all the parent's children at
     * once (the DOM no longer changes during the walk): counting previous siblings per element was quadratic in a
     * group of thousands of elements without ids.
     */
    private int sameNameIndex(Element e) {
        Integer known = sameNameIndex.get(e);
        if (known != null) {
            return known;
        }
        Node parent = e.getParentNode();
        if (parent == null) {
            return 1;
        }
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element ce) {
                sameNameIndex.put(ce, seen.merge(String.valueOf(ce.getLocalName()), 1, Integer::sum));
            }
        }
        Integer index = sameNameIndex.get(e);
        return index == null ? 1 : index;
    }

    private static String describe(Element e) {
        String id = e.getAttribute("id");
        return "<" + e.getLocalName() + (id.isEmpty() ? "" : " id=\"" + id + "\"") + ">";
    }

    private static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element ce) {
                out.add(ce);
            }
        }
        return out;
    }

    private static int countSubtree(Element e, Map<String, Integer> into) {
        int n = 1;
        count(into, e.getLocalName());
        for (Element c : children(e)) {
            n += countSubtree(c, into);
        }
        return n;
    }

    private static void count(Map<String, Integer> map, String key) {
        map.merge(key, 1, Integer::sum);
    }

    private void warn(long line, String message) {
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(source + (line > 0 ? ":" + line : "") + ": " + message);
        } else {
            warningsLeftOut++;
        }
    }

    private static String firstNonEmpty(String a, String b) {
        return a != null && !a.isBlank() ? a.trim() : b != null && !b.isBlank() ? b.trim() : null;
    }
}
