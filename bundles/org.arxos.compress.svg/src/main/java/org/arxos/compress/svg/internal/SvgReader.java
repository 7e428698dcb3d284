package org.arxos.compress.svg.internal;

import java.io.CharConversionException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.events.EntityDeclaration;

/**
 * Reads an SVG file into an {@link XmlDocument} with the JDK's StAX parser: no external entity, no external DTD,
 * internal entities only when short and free of markup and references (what an expansion bomb needs), and the
 * {@link SvgLimits}. Comments are dropped here; everything else is kept for the minifier to judge.
 */
final class SvgReader {

    private static final int MAX_ENTITIES = 64;
    private static final int MAX_ENTITY_CHARS = 1024;

    private final SvgLimits limits;

    SvgReader(SvgLimits limits) {
        this.limits = limits;
    }

    /**
     * @throws InvalidSvgException naming the line and column of the first problem
     * @throws IOException         when reading the stream fails
     */
    XmlDocument read(InputStream in) throws IOException {
        BoundedInput bounded = new BoundedInput(in, limits.maxBytes());
        XMLStreamReader reader = null;
        try {
            reader = factory().createXMLStreamReader(bounded);
            return document(reader);
        } catch (XMLStreamException x) {
            if (bounded.exceeded) {
                throw new InvalidSvgException("invalid SVG: larger than " + limits.maxBytes()
                        + " bytes (the size limit)");
            }
            if (x.getNestedException() instanceof IOException io && !(io instanceof CharConversionException)) {
                throw io;
            }
            Location at = x.getLocation();
            throw InvalidSvgException.at(at == null ? 0 : at.getLineNumber(), at == null ? 0 : at.getColumnNumber(),
                    "not well-formed XML: " + problem(x));
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException e) {
                    // nothing held
                }
            }
        }
    }

    private static XMLInputFactory factory() {
        // newDefaultFactory: the JDK's own parser, whatever a bundle or the context class loader offers.
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // DTD support stays on for internal entities (editors declare namespace URIs as entities); the external
        // subset is never loaded and nothing else is ever resolved.
        f.setProperty(XMLInputFactory.SUPPORT_DTD, true);
        f.setProperty("http://java.sun.com/xml/stream/properties/ignore-external-dtd", true);
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external entity refused: " + systemId);
        });
        setQuietly(f, "http://www.oracle.com/xml/jaxp/properties/entityExpansionLimit", "10000");
        setQuietly(f, "http://www.oracle.com/xml/jaxp/properties/maxGeneralEntitySizeLimit", "65536");
        setQuietly(f, "http://www.oracle.com/xml/jaxp/properties/totalEntitySizeLimit", "1000000");
        return f;
    }

    private static void setQuietly(XMLInputFactory f, String property, Object value) {
        try {
            f.setProperty(property, value);
        } catch (IllegalArgumentException e) {
            // not the JDK's parser after all: the declaration checks still stop expansion bombs
        }
    }

    private XmlDocument document(XMLStreamReader r) throws XMLStreamException {
        List<XmlInstruction> prolog = new ArrayList<>();
        Deque<XmlElement> open = new ArrayDeque<>();
        XmlElement root = null;
        int elements = 0;
        while (r.hasNext()) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.DTD -> checkEntities(r);
                case XMLStreamConstants.START_ELEMENT -> {
                    if (++elements > limits.maxElements()) {
                        throw refusal(r, "more than " + limits.maxElements() + " elements (the element limit)");
                    }
                    if (open.size() >= limits.maxDepth()) {
                        throw refusal(r, "elements nested deeper than " + limits.maxDepth() + " (the depth limit)");
                    }
                    XmlElement e = element(r);
                    if (open.isEmpty()) {
                        if (!e.isSvg("svg")) {
                            throw refusal(r, "not an SVG document: the root element is <" + e.name
                                    + "> in namespace '" + e.namespace + "', expected <svg> in " + XmlElement.SVG);
                        }
                        root = e;
                    } else {
                        open.peek().children.add(e);
                    }
                    open.push(e);
                }
                case XMLStreamConstants.END_ELEMENT -> open.pop();
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!open.isEmpty()) {
                        text(open.peek(), r.getText());
                    }
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> throw refusal(r, "entity '" + r.getLocalName()
                        + "' is not declared in the document");
                case XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    XmlInstruction pi = new XmlInstruction(r.getPITarget(), r.getPIData());
                    if (open.isEmpty()) {
                        if (root == null) {
                            prolog.add(pi);
                        }
                    } else {
                        open.peek().children.add(pi);
                    }
                }
                default -> {
                    // comments, the XML declaration, the document's end
                }
            }
        }
        if (root == null) {
            throw InvalidSvgException.at(0, 0, "no root element");
        }
        return new XmlDocument(prolog, root);
    }

    private XmlElement element(XMLStreamReader r) throws XMLStreamException {
        String prefix = r.getPrefix() == null ? "" : r.getPrefix();
        String local = r.getLocalName();
        String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
        XmlElement e = new XmlElement(prefix.isEmpty() ? local : prefix + ":" + local, ns, local);
        for (int i = 0; i < r.getNamespaceCount(); i++) {
            String p = r.getNamespacePrefix(i);
            String uri = r.getNamespaceURI(i) == null ? "" : r.getNamespaceURI(i);
            boolean isDefault = p == null || p.isEmpty();
            e.attributes.add(new XmlAttribute(isDefault ? "xmlns" : "xmlns:" + p, XmlAttribute.XMLNS,
                    isDefault ? "xmlns" : p, uri));
        }
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String value = r.getAttributeValue(i);
            String p = r.getAttributePrefix(i) == null ? "" : r.getAttributePrefix(i);
            String a = r.getAttributeLocalName(i);
            if (value.length() > limits.maxAttributeChars()) {
                throw refusal(r, "attribute " + a + " of <" + e.name + "> is longer than " + limits.maxAttributeChars()
                        + " characters (the attribute limit)");
            }
            String uri = r.getAttributeNamespace(i) == null ? "" : r.getAttributeNamespace(i);
            e.attributes.add(new XmlAttribute(p.isEmpty() ? a : p + ":" + a, uri, a, value));
        }
        return e;
    }

    private static void text(XmlElement parent, String text) {
        List<XmlNode> children = parent.children;
        if (!children.isEmpty() && children.get(children.size() - 1) instanceof XmlText last) {
            children.set(children.size() - 1, new XmlText(last.text() + text)); // around a dropped comment
        } else {
            children.add(new XmlText(text));
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkEntities(XMLStreamReader r) throws XMLStreamException {
        Object declared = r.getProperty("javax.xml.stream.entities");
        if (!(declared instanceof List<?> list)) {
            return;
        }
        if (list.size() > MAX_ENTITIES) {
            throw refusal(r, "more than " + MAX_ENTITIES + " entity declarations");
        }
        for (EntityDeclaration d : (List<EntityDeclaration>) list) {
            if (d.getSystemId() != null || d.getPublicId() != null) {
                throw refusal(r, "external entity '" + d.getName() + "' refused: an SVG may not refer to other files");
            }
            String value = d.getReplacementText() == null ? "" : d.getReplacementText();
            if (value.length() > MAX_ENTITY_CHARS || value.indexOf('&') >= 0 || value.indexOf('<') >= 0) {
                throw refusal(r, "entity '" + d.getName() + "' refused: longer than " + MAX_ENTITY_CHARS
                        + " characters or holding markup or references (entity expansion)");
            }
        }
    }

    private static XMLStreamException refusal(XMLStreamReader r, String message) {
        return new XMLStreamException(message, r.getLocation());
    }

    /** The parser's own words, without the "ParseError at [row,col]" preamble the JDK adds. */
    private static String problem(XMLStreamException e) {
        String m = e.getMessage() == null ? "unreadable" : e.getMessage();
        int at = m.indexOf("Message: ");
        return at >= 0 ? m.substring(at + "Message: ".length()).trim() : m.trim();
    }

    /** Counts bytes and stops past the limit, so that no file larger than it is ever held. */
    private static final class BoundedInput extends FilterInputStream {
        private final long limit;
        private long count;
        boolean exceeded;

        BoundedInput(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            count += n;
            if (count > limit) {
                exceeded = true;
                throw new IOException("input larger than " + limit + " bytes");
            }
        }

        @Override
        public void close() {
            // the caller owns the stream
        }
    }
}
