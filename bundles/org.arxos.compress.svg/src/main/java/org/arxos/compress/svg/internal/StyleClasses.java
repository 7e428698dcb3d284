package org.arxos.compress.svg.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges identical inline styles into classes of one {@code <style>} sheet. A class rule applies its declarations
 * with the same weight over presentation attributes as the inline style did, and the document has no other sheet
 * (the minifier checks), so nothing else competes. Only text content and gradient stops take part: on shapes and
 * groups the {@code class} attribute is data an importer reads (object kinds, mapping rules), so it never changes.
 */
final class StyleClasses {

    private static final Set<String> ELIGIBLE = Set.of("text", "tspan", "textPath", "stop");
    /** Below this many uses a class costs more than it saves. */
    private static final int MIN_USES = 3;

    private StyleClasses() {
    }

    static void merge(XmlElement root) {
        if (!root.isSvg("svg") || !root.prefix().isEmpty()) {
            return;
        }
        Map<String, List<XmlElement>> byStyle = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        collect(root, byStyle, taken);
        StringBuilder sheet = new StringBuilder();
        int next = 0;
        for (Map.Entry<String, List<XmlElement>> e : byStyle.entrySet()) {
            if (e.getValue().size() < MIN_USES) {
                continue;
            }
            String name;
            do {
                name = className(next++);
            } while (taken.contains(name));
            sheet.append('.').append(name).append('{').append(e.getKey()).append('}');
            for (XmlElement element : e.getValue()) {
                element.setAttribute("style", null);
                String existing = element.attribute("class");
                element.setAttribute("class", existing == null ? name : existing + " " + name);
            }
        }
        if (!sheet.isEmpty()) {
            XmlElement style = new XmlElement("style", XmlElement.SVG, "style");
            style.children.add(new XmlText(sheet.toString()));
            root.children.add(0, style);
        }
    }

    private static void collect(XmlElement e, Map<String, List<XmlElement>> byStyle, Set<String> taken) {
        String classes = e.attribute("class");
        if (classes != null) {
            taken.addAll(List.of(classes.trim().split("\\s+")));
        }
        String style = e.attribute("style");
        if (style != null && e.inSvgNamespace() && ELIGIBLE.contains(e.localName)
                && StyleDeclarations.parse(style) != null) {
            byStyle.computeIfAbsent(style, s -> new ArrayList<>()).add(e);
        }
        for (XmlElement c : e.childElements()) {
            collect(c, byStyle, taken);
        }
    }

    /** a, b, ..., z, aa, ab, ...: names of CSS identifiers. */
    private static String className(int n) {
        StringBuilder s = new StringBuilder();
        int i = n;
        do {
            s.insert(0, (char) ('a' + i % 26));
            i = i / 26 - 1;
        } while (i >= 0);
        return s.toString();
    }
}
