package org.arxos.compress.svg.internal;

/** A processing instruction such as {@code <?xml-stylesheet href="plan.css"?>}. */
record XmlInstruction(String target, String data) implements XmlNode {
}
