package org.arxos.compress.svg.internal;

/**
 * An attribute, or a namespace declaration ({@code xmlns}, {@code xmlns:p}, namespace {@link #XMLNS}).
 *
 * @param name      the qualified name as written ({@code inkscape:label})
 * @param namespace the namespace URI, empty for none
 * @param localName the name without prefix
 */
record XmlAttribute(String name, String namespace, String localName, String value) {

    static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    static XmlAttribute plain(String name, String value) {
        return new XmlAttribute(name, "", name, value);
    }

    boolean isNamespaceDeclaration() {
        return XMLNS.equals(namespace);
    }

    /** The prefix a namespace declaration binds, empty for the default namespace. */
    String declaredPrefix() {
        return name.equals("xmlns") ? "" : localName;
    }

    String prefix() {
        int colon = name.indexOf(':');
        return colon < 0 ? "" : name.substring(0, colon);
    }

    XmlAttribute withValue(String newValue) {
        return new XmlAttribute(name, namespace, localName, newValue);
    }
}
