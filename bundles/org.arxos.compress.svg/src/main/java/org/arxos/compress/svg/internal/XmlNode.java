package org.arxos.compress.svg.internal;

/** A node of a parsed document: an element, character data or a processing instruction. Comments are not kept. */
sealed interface XmlNode permits XmlElement, XmlText, XmlInstruction {
}
