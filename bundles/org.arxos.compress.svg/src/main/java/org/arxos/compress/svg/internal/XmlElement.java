package org.arxos.compress.svg.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * An element: its qualified name as written, its namespace, namespace declarations and attributes in document order
 * (declarations first), and its children. Mutable: the minifier edits the tree in place.
 */
final class XmlElement implements XmlNode {

    static final String SVG = "http://www.w3.org/2000/svg";

    final String name;
    final String namespace;
    final String localName;
    final List<XmlAttribute> attributes;
    final List<XmlNode> children;

    XmlElement(String name, String namespace, String localName, List<XmlAttribute> attributes,
            List<XmlNode> children) {
        this.name = name;
        this.namespace = namespace;
        this.localName = localName;
        this.attributes = attributes;
        this.children = children;
    }

    XmlElement(String name, String namespace, String localName) {
        this(name, namespace, localName, new ArrayList<>(), new ArrayList<>());
    }

    boolean isSvg(String local) {
        return SVG.equals(namespace) && localName.equals(local);
    }

    boolean inSvgNamespace() {
        return SVG.equals(namespace);
    }

    String prefix() {
        int colon = name.indexOf(':');
        return colon < 0 ? "" : name.substring(0, colon);
    }

    /** The value of the attribute without namespace named {@code local}, or {@code null}. */
    String attribute(String local) {
        int i = indexOf("", local);
        return i < 0 ? null : attributes.get(i).value();
    }

    int indexOf(String attributeNamespace, String local) {
        for (int i = 0; i < attributes.size(); i++) {
            XmlAttribute a = attributes.get(i);
            if (a.localName().equals(local) && a.namespace().equals(attributeNamespace)) {
                return i;
            }
        }
        return -1;
    }

    /** Sets or, with {@code null}, removes the attribute without namespace named {@code local}. */
    void setAttribute(String local, String value) {
        int i = indexOf("", local);
        if (value == null) {
            if (i >= 0) {
                attributes.remove(i);
            }
        } else if (i >= 0) {
            attributes.set(i, attributes.get(i).withValue(value));
        } else {
            attributes.add(XmlAttribute.plain(local, value));
        }
    }

    List<XmlElement> childElements() {
        List<XmlElement> out = new ArrayList<>();
        for (XmlNode n : children) {
            if (n instanceof XmlElement e) {
                out.add(e);
            }
        }
        return out;
    }
}
