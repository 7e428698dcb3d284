package org.arxos.render.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** A rendered SVG parsed with the JDK's XML parser, which fails on anything that is not well-formed. */
final class SvgDocument {

    final Element root;

    SvgDocument(byte[] svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg)).getDocumentElement();
    }

    /** Every element with the class token, in document order. */
    List<Element> withClass(String token) {
        List<Element> found = new ArrayList<>();
        collect(root, token, found);
        return found;
    }

    private static void collect(Element e, String token, List<Element> found) {
        if (List.of(e.getAttribute("class").split(" ")).contains(token)) {
            found.add(e);
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child) {
                collect(child, token, found);
            }
        }
    }

    /** Every element whose class names an Arxos node ({@code arxos-<type>} or {@code arxos-group}). */
    List<Element> nodes() {
        List<Element> found = new ArrayList<>();
        collectNodes(root, found);
        return found;
    }

    private static void collectNodes(Element e, List<Element> found) {
        if (e.getLocalName().equals("g") && e.getAttribute("class").startsWith("arxos-")) {
            found.add(e);
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child) {
                collectNodes(child, found);
            }
        }
    }

    /** The hierarchy node id a group stands for. */
    static String nodeId(Element g) {
        return g.hasAttribute("data-arxos-id") ? g.getAttribute("data-arxos-id") : g.getAttribute("id");
    }

    /** The node ids of the groups around an element, outermost first. */
    static List<String> chain(Element e) {
        List<String> ids = new ArrayList<>();
        for (Node p = e.getParentNode(); p instanceof Element g; p = p.getParentNode()) {
            if (g.getLocalName().equals("g") && g.getAttribute("class").startsWith("arxos-")) {
                ids.add(0, nodeId(g));
            }
        }
        return ids;
    }
}
