package org.arxos.fuzz;

import static org.arxos.fuzz.Mutator.depth;
import static org.arxos.fuzz.Mutator.pick;
import static org.arxos.fuzz.Mutator.randomMatch;
import static org.arxos.fuzz.Mutator.repeat;
import static org.arxos.fuzz.Mutator.replace;
import static org.arxos.fuzz.Mutator.utf8;

import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutations that know XML and SVG: external entities and DTDs (which must never be read or fetched), entity expansion
 * bombs, deep nesting, huge sizes, non-finite coordinates, malformed path data, {@code use} cycles and fan-out bombs,
 * degenerate transforms, encodings.
 */
final class XmlMutations {

    private XmlMutations() {
    }

    private static final Pattern START_TAG_END = Pattern.compile("<[A-Za-z][^<>]*?(/?)>");
    private static final Pattern NUMERIC_ATTRIBUTE = Pattern.compile(
            "\\s(?:x|y|x1|y1|x2|y2|cx|cy|r|rx|ry|width|height|points|d|transform|viewBox|font-size)=\"([^\"]*)\"");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:e-?\\d+)?");
    private static final Pattern SIZE_ATTRIBUTE = Pattern.compile("\\s(width|height|viewBox)=\"([^\"]*)\"");
    private static final Pattern PATH_DATA = Pattern.compile("\\sd=\"([^\"]*)\"");
    private static final Pattern TRANSFORM = Pattern.compile("\\stransform=\"([^\"]*)\"");
    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]*)\"");
    private static final Pattern XML_DECLARATION = Pattern.compile("^\\s*<\\?xml[^>]*\\?>");
    private static final Pattern ENCODING = Pattern.compile("encoding=\"([^\"]*)\"");
    private static final Pattern TEXT_ELEMENT = Pattern.compile("<(text|tspan|title|desc)\\b[^>]*>");
    private static final Pattern CLOSE_TAG = Pattern.compile("</[A-Za-z][^>]*>");

    private static final String[] NUMBERS = {"NaN", "Infinity", "-Infinity", "1e308", "-1e308", "1e309", "1e39",
            "3.5e38", "-3.5e38", "1e-320", "4.9e-324", "0", "-0", "99999999999999999999999999999", "1e99999", "",
            "1.2.3", "1e", "-", ".", "0x10", "1,5", "\u0661", "1e-7"};
    private static final String[] SIZES = {"1e308", "-1", "0", "NaN", "Infinity", "99999999999999999999999", "1e39",
            "100%", "abc", "", "0 0 0 0", "0 0 1e308 1e308", "-5 -5 -10 -10", "0 0 NaN NaN", "0 0 1e-320 1e-320",
            "1 2 3", "0,0,100,100", "1e308mm", "2147483648px", "1e10in"};
    private static final String[] PATHS = {"", "M", "M 1", "M1,2 L", "M1 2 A 1 1 0 0 1", "Z Z Z", "M NaN NaN L 1e308 1e308 Z",
            "m1e308,1e308 l1e308,1e308 z", "M1,2C3", "M0 0 A0 0 0 0 0 1e308 1e308", "M0 0 A1e308 1e-320 45 1 1 5 5",
            "M0,0 L10,0 L10,10 Z Q", "M0 0 H NaN V Infinity Z", "L1 1", "M0 0 l", "M0,0 10,10 20", "M 0 0 Z m",
            "M1.2.3.4.5.6", "M0 0 T1 1 S2 2 3 3 z", "\u0000", "M 1e99999 0 L 0 0 Z", "M0 0 C 1 1 1 1",
            "M0 0 A 5 5 NaN 1 1 10 10"};
    private static final String[] TRANSFORMS = {"scale(0)", "scale(0 0)", "matrix(0,0,0,0,0,0)", "scale(1e308)",
            "scale(1e308) scale(1e308)", "rotate(NaN)", "translate(Infinity)", "skewX(90)", "skewY(-90)",
            "matrix(1 2 3)", "scale(", "rotate(45 NaN NaN)", "translate(1e308,1e308) scale(10)", "matrix(1,0,0,1,NaN,0)",
            "scale(-0)", "rotate(1e308)", "scale(1e-320)", "foo(1)", ""};

    static String mutate(String s, SplittableRandom rng, String[] name, Probes probes) {
        switch (rng.nextInt(18)) {
            case 0: {
                // external entities to files: their content must never end up in a result or a message
                String url = rng.nextBoolean() ? "file:///etc/passwd" : probes.secretUrl();
                String[] forms = {"file", "plain-path", "netdoc"};
                String form = pick(rng, forms);
                String system = form.equals("file") ? url : form.equals("plain-path") ? url.replace("file://", "")
                        : url.replace("file:", "netdoc:");
                String decl = "<!ENTITY xxe SYSTEM \"" + system + "\">";
                name[0] = "xml-xxe-file(" + system + ")";
                return withEntityUse(s, rng, decl, "&xxe;");
            }
            case 1: {
                // external entities, DTDs and parameter entities over the network: must not be fetched
                int r = rng.nextInt(4);
                if (r == 0) {
                    name[0] = "xml-xxe-http";
                    return withEntityUse(s, rng, "<!ENTITY xxe SYSTEM \"" + probes.httpUrl("entity") + "\">", "&xxe;");
                }
                if (r == 1) {
                    name[0] = "xml-external-dtd";
                    return withDoctype(s, "<!DOCTYPE svg SYSTEM \"" + probes.httpUrl("dtd") + "\">");
                }
                if (r == 2) {
                    name[0] = "xml-parameter-entity";
                    return withDoctype(s, "<!DOCTYPE svg [<!ENTITY % p SYSTEM \"" + probes.httpUrl("param") + "\"> %p;]>");
                }
                name[0] = "xml-public-dtd";
                return withDoctype(s, "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"" + probes.httpUrl("svg11.dtd")
                        + "\">");
            }
            case 2: {
                // SVG-level references that a renderer would load: use/image/stylesheet/XInclude
                String[] forms = {
                    "<use xlink:href=\"" + probes.httpUrl("ext.svg#a") + "\" href=\"" + probes.httpUrl("ext2.svg#a") + "\"/>",
                    "<image x=\"0\" y=\"0\" width=\"10\" height=\"10\" xlink:href=\"" + probes.httpUrl("img.png") + "\"/>",
                    "<image width=\"10\" height=\"10\" href=\"" + probes.secretUrl() + "\"/>",
                    "<use href=\"" + probes.secretUrl() + "#x\"/>",
                    "<style>@import url(" + probes.httpUrl("style.css") + ");</style>",
                    "<rect width=\"5\" height=\"5\" style=\"fill:url(" + probes.httpUrl("fill.svg#g") + ")\"/>",
                    "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"" + probes.secretUrl()
                            + "\" parse=\"text\"/>",
                    "<script xlink:href=\"" + probes.httpUrl("script.js") + "\"/>",
                    "<foreignObject><iframe xmlns=\"http://www.w3.org/1999/xhtml\" src=\"" + probes.httpUrl("frame")
                            + "\"/></foreignObject>"};
                String f = pick(rng, forms);
                if (rng.nextInt(4) == 0) {
                    name[0] = "xml-stylesheet-pi";
                    return insertAfterDeclaration(s, "<?xml-stylesheet type=\"text/css\" href=\""
                            + probes.httpUrl("pi.css") + "\"?>\n");
                }
                name[0] = "svg-external-reference(" + Mutator.printable(f) + ")";
                return insertInRoot(s, rng, f.replace("xlink:href", rng.nextBoolean() ? "xlink:href" : "href")
                        .replace("xlink:href", "xmlns:xlink=\"http://www.w3.org/1999/xlink\" xlink:href"));
            }
            case 3: {
                // entity expansion: billion laughs, or a quadratic blow-up that stays under a count limit
                if (rng.nextBoolean()) {
                    StringBuilder d = new StringBuilder("<!ENTITY lol0 \"lollollollollol\">");
                    for (int i = 1; i <= 10; i++) {
                        d.append("<!ENTITY lol").append(i).append(" \"")
                                .append(repeat("&lol" + (i - 1) + ";", 10)).append("\">");
                    }
                    name[0] = "xml-billion-laughs";
                    return withEntityUse(s, rng, d.toString(), "&lol10;");
                }
                int size = 10_000 * (1 + rng.nextInt(10));
                int uses = 1000 * (1 + rng.nextInt(20));
                name[0] = "xml-quadratic-blowup(" + size + "x" + uses + ")";
                return withEntityUse(s, rng, "<!ENTITY big \"" + repeat("x", size) + "\">", repeat("&big;", uses));
            }
            case 4: {
                int d = depth(rng);
                boolean balanced = rng.nextInt(4) != 0;
                String open = rng.nextBoolean() ? "<g>" : "<svg>";
                String close = open.equals("<g>") ? "</g>" : "</svg>";
                name[0] = "xml-deep-nesting(" + d + (balanced ? "" : ",unbalanced") + ")";
                return insertInRoot(s, rng, repeat(open, d) + "<rect width=\"1\" height=\"1\"/>"
                        + (balanced ? repeat(close, d) : ""));
            }
            case 5: {
                Matcher m = randomMatch(s, SIZE_ATTRIBUTE, rng);
                String v = pick(rng, SIZES);
                if (m == null) {
                    name[0] = "svg-size(added " + v + ")";
                    return insertInRoot(s, rng, "<svg width=\"" + v + "\" height=\"" + v + "\" viewBox=\"" + v
                            + "\"><rect width=\"10\" height=\"10\"/></svg>");
                }
                name[0] = "svg-size(" + m.group(1) + "=" + v + ")";
                return replace(s, m.start(2), m.end(2), utf8(v));
            }
            case 6:
            case 7: {
                Matcher a = randomMatch(s, NUMERIC_ATTRIBUTE, rng);
                Matcher m = a == null ? null : NUMBER.matcher(s).region(a.start(1), a.end(1));
                if (m != null && !m.find()) {
                    m = null;
                }
                String v = pick(rng, NUMBERS);
                if (m == null) {
                    name[0] = "svg-number(added " + v + ")";
                    return insertInRoot(s, rng, "<rect x=\"" + v + "\" y=\"1\" width=\"" + v + "\" height=\"2\"/>");
                }
                name[0] = "svg-number(" + m.start() + ":" + m.group() + "->" + v + ")";
                return replace(s, m.start(), m.end(), utf8(v));
            }
            case 8: {
                Matcher m = randomMatch(s, PATH_DATA, rng);
                String v = rng.nextInt(5) == 0 ? "M0 0" + repeat(" l1 1", 1000 * (1 + rng.nextInt(50))) + " z"
                        : pick(rng, PATHS);
                if (m == null) {
                    name[0] = "svg-path(added)";
                    return insertInRoot(s, rng, "<path d=\"" + v + "\"/>");
                }
                if (rng.nextBoolean() && !m.group(1).isEmpty()) {
                    // damage the real path data at one point
                    int at = m.start(1) + rng.nextInt(m.group(1).length());
                    String[] junk = {"NaN", "e", "-", ".", "A", "Z", "1e308", ",,", "\u0000", "X"};
                    String j = pick(rng, junk);
                    name[0] = "svg-path-damage(" + at + "," + Mutator.printable(j) + ")";
                    return replace(s, at, at, j);
                }
                name[0] = "svg-path(" + Mutator.printable(v) + ")";
                return replace(s, m.start(1), m.end(1), v);
            }
            case 9: {
                // use cycles: a use referencing itself or its ancestor, mutual recursion through symbols
                int r = rng.nextInt(4);
                String[] forms = {
                    "<g id=\"fzA\"><use xlink:href=\"#fzA\"/><rect width=\"1\" height=\"1\"/></g>",
                    "<use id=\"fzB\" href=\"#fzB\"/>",
                    "<g id=\"fzC\"><use href=\"#fzD\"/></g><g id=\"fzD\"><use href=\"#fzC\"/></g>",
                    "<defs><symbol id=\"fzS\"><use href=\"#fzT\"/></symbol><symbol id=\"fzT\"><use href=\"#fzS\"/>"
                            + "</symbol></defs><use href=\"#fzS\"/>"};
                name[0] = "svg-use-cycle(" + r + ")";
                return insertInRoot(s, rng, forms[r].replace("xlink:href",
                        "xmlns:xlink=\"http://www.w3.org/1999/xlink\" xlink:href"));
            }
            case 10: {
                // use fan-out bomb: 10 levels of 10 uses each, 10^10 shapes if expanded
                StringBuilder sb = new StringBuilder("<defs><rect id=\"u0\" width=\"1\" height=\"1\"/>");
                int levels = 4 + rng.nextInt(7);
                for (int i = 1; i <= levels; i++) {
                    sb.append("<g id=\"u").append(i).append("\">");
                    for (int k = 0; k < 10; k++) {
                        sb.append("<use href=\"#u").append(i - 1).append("\" x=\"").append(k).append("\"/>");
                    }
                    sb.append("</g>");
                }
                sb.append("</defs><use href=\"#u").append(levels).append("\"/>");
                name[0] = "svg-use-bomb(10^" + levels + ")";
                return insertInRoot(s, rng, sb.toString());
            }
            case 11: {
                Matcher m = randomMatch(s, TRANSFORM, rng);
                String v = pick(rng, TRANSFORMS);
                if (m == null || rng.nextInt(3) == 0) {
                    name[0] = "svg-transform(added " + v + ")";
                    return insertInRoot(s, rng, "<g id=\"fzT" + rng.nextInt(100) + "\" transform=\"" + v + "\">"
                            + "<rect x=\"1\" y=\"1\" width=\"5\" height=\"5\"/><text x=\"2\" y=\"2\">Room</text></g>");
                }
                name[0] = "svg-transform(" + v + ")";
                return replace(s, m.start(1), m.end(1), v);
            }
            case 12: {
                // encodings and byte-order marks
                int r = rng.nextInt(4);
                if (r == 0) {
                    Matcher m = ENCODING.matcher(s);
                    String[] enc = {"UTF-16", "UTF-16LE", "UTF-32", "EBCDIC-CP-US", "FOO", "", "ISO-8859-1", "US-ASCII",
                            "x-unknown"};
                    String e = pick(rng, enc);
                    if (m.find()) {
                        name[0] = "xml-encoding(" + e + ")";
                        return replace(s, m.start(1), m.end(1), e);
                    }
                    name[0] = "xml-encoding-declaration(" + e + ")";
                    return "<?xml version=\"1.0\" encoding=\"" + e + "\"?>" + s;
                }
                if (r == 1) {
                    String[] boms = {"\u00ef\u00bb\u00bf", "\u00fe\u00ff", "\u00ff\u00fe", "\u0000\u0000\u00fe\u00ff",
                            "\u00ef\u00bb"};
                    String b = pick(rng, boms);
                    name[0] = "xml-bom(" + Mutator.printable(b) + ")";
                    return b + s;
                }
                // invalid UTF-8 in text or attribute values
                String[] bad = {"\u00c3\u0028", "\u00ed\u00a0\u0080", "\u00f4\u0090\u0080\u0080", "\u00c0\u00af",
                        "\u00ff", "\u0080", "\u00e2\u0082"};
                String b = pick(rng, bad);
                Matcher m = randomMatch(s, ID, rng);
                int at = m != null ? m.start(1) : s.isEmpty() ? 0 : rng.nextInt(s.length());
                name[0] = "xml-invalid-utf8(" + at + ")";
                return replace(s, at, at, b);
            }
            case 13: {
                // text labels with odd positions and content
                String[] texts = {"<text x=\"NaN\" y=\"1e308\">Room 1</text>", "<text>" + repeat("\u00e9", 5000) + "</text>",
                        "<text x=\"5\" y=\"5\"><tspan x=\"1e309\">Label</tspan></text>", "<text x=\"\" y=\"\"></text>",
                        "<text x=\"1 2 3 4 5\" y=\"1\">A</text>", "<text x=\"3\" y=\"3\">\uD83C\uDFE0 k\u00fcche</text>",
                        "<text>" + repeat("<tspan>", 500) + "x" + repeat("</tspan>", 500) + "</text>"};
                String t = pick(rng, texts);
                name[0] = "svg-text(" + Mutator.printable(t) + ")";
                return insertInRoot(s, rng, utf8(t));
            }
            case 14: {
                // ids: duplicates, empty, huge, hostile
                Matcher m = randomMatch(s, ID, rng);
                if (m == null) {
                    break;
                }
                Matcher other = randomMatch(s, ID, rng);
                String[] ids = {other == null ? "x" : other.group(1), "", " ", repeat("a", 5000), "a b", "#", "../..",
                        "f1", "1", "\u00e9t\u00e9", "layer1", "&amp;", "id\u0000"};
                String v = pick(rng, ids);
                name[0] = "svg-id(" + Mutator.printable(m.group(1)) + "->" + Mutator.printable(v) + ")";
                return replace(s, m.start(1), m.end(1), utf8(v));
            }
            case 15: {
                // tag structure: drop a closing tag, rename one, duplicate a start tag
                int r = rng.nextInt(3);
                if (r == 0) {
                    Matcher m = randomMatch(s, CLOSE_TAG, rng);
                    if (m == null) {
                        break;
                    }
                    name[0] = "xml-drop-close(" + m.group() + ")";
                    return replace(s, m.start(), m.end(), "");
                }
                if (r == 1) {
                    Matcher m = randomMatch(s, CLOSE_TAG, rng);
                    if (m == null) {
                        break;
                    }
                    name[0] = "xml-rename-close(" + m.group() + ")";
                    return replace(s, m.start(), m.end(), "</fz" + rng.nextInt(10) + ">");
                }
                Matcher m = randomMatch(s, START_TAG_END, rng);
                if (m == null) {
                    break;
                }
                int times = rng.nextInt(4) == 0 ? 10_000 : 1 + rng.nextInt(3);
                name[0] = "xml-duplicate-element(" + m.start() + "x" + times + ")";
                String element = m.group(1).isEmpty() ? m.group().replaceFirst(">$", "/>") : m.group();
                return replace(s, m.end(), m.end(), repeat(element, times));
            }
            case 16: {
                // many attributes on one element, or one huge attribute
                Matcher m = randomMatch(s, START_TAG_END, rng);
                if (m == null) {
                    break;
                }
                int at = m.end() - 1 - m.group(1).length();
                if (rng.nextBoolean()) {
                    int n = 1000 * (1 + rng.nextInt(20));
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < n; i++) {
                        sb.append(" a").append(i).append("=\"").append(i).append('"');
                    }
                    name[0] = "xml-many-attributes(" + n + ")";
                    return replace(s, at, at, sb.toString());
                }
                int n = 10_000 * (1 + rng.nextInt(20));
                name[0] = "xml-huge-attribute(" + n + ")";
                return replace(s, at, at, " class=\"" + repeat("room ", n / 5) + "\"");
            }
            default: {
                // comment, CDATA and processing-instruction edge cases
                String[] forms = {"<!--", "<!-- -- -->", "<![CDATA[", "<![CDATA[<rect/>]]>", "<?pi?>", "<?xml version=\"1.0\"?>",
                        "<!DOCTYPE late>", "<!ENTITY x \"y\">", "&#0;", "&#xFFFF;", "&#99999999;", "]]>"};
                String f = pick(rng, forms);
                name[0] = "xml-markup(" + Mutator.printable(f) + ")";
                return insertInRoot(s, rng, f);
            }
        }
        if (name[0] == null) {
            name[0] = "xml-insert-rect";
            return insertInRoot(s, rng, "<rect width=\"NaN\" height=\"1e308\"/>");
        }
        return s;
    }

    /** Replaces any DOCTYPE with the given one (after the XML declaration). */
    private static String withDoctype(String s, String doctype) {
        int root = XmlWindow.rootStart(s);
        int existing = s.indexOf("<!DOCTYPE");
        if (existing >= 0 && (root < 0 || existing < root)) {
            s = replace(s, existing, root < 0 ? s.indexOf('>', existing) + 1 : root, "");
        }
        return insertAfterDeclaration(s, doctype + "\n");
    }

    private static String withEntityUse(String s, SplittableRandom rng, String declarations, String use) {
        String t = withDoctype(s, "<!DOCTYPE svg [" + declarations + "]>");
        String[] holders = {"<text x=\"1\" y=\"1\">" + use + "</text>", "<title>" + use + "</title>",
            "<g id=\"g1\"><text x=\"2\" y=\"2\">" + use + "</text></g>", "<desc>" + use + "</desc>"};
        Matcher text = TEXT_ELEMENT.matcher(t);
        if (rng.nextInt(3) == 0 && text.find(Math.min(t.length(), XmlWindow.rootStart(t) + 1))) {
            return replace(t, text.end(), text.end(), use);
        }
        return insertInRoot(t, rng, pick(rng, holders));
    }

    private static String insertAfterDeclaration(String s, String what) {
        Matcher m = XML_DECLARATION.matcher(s);
        int at = m.find() ? m.end() : 0;
        return replace(s, at, at, what);
    }

    /** Inserts markup right after some start tag inside the root (or after the root's start tag). */
    static String insertInRoot(String s, SplittableRandom rng, String what) {
        int root = XmlWindow.rootStart(s);
        if (root < 0) {
            return s + what;
        }
        int rootEnd = XmlWindow.tagEnd(s, root);
        if (rootEnd < 0) {
            return s + what;
        }
        if (rng.nextBoolean()) {
            return replace(s, rootEnd + 1, rootEnd + 1, what);
        }
        Matcher m = START_TAG_END.matcher(s);
        int from = rootEnd + 1 + (s.length() > rootEnd + 1 ? rng.nextInt(s.length() - rootEnd - 1) : 0);
        if (m.find(from) && m.group(1).isEmpty()) {
            return replace(s, m.end(), m.end(), what);
        }
        return replace(s, rootEnd + 1, rootEnd + 1, what);
    }
}
