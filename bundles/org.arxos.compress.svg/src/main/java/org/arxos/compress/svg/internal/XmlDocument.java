package org.arxos.compress.svg.internal;

import java.util.List;

/** A parsed SVG file: the processing instructions before the root, and the root. */
record XmlDocument(List<XmlInstruction> prolog, XmlElement root) {
}
