package org.arxos.io.svg.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.arxos.api.io.ImportException;
import org.arxos.io.svg.SvgLimits;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.DeclHandler;
import org.xml.sax.ext.DefaultHandler2;

/**
 * The one way this bundle parses XML: the JDK's own parser (never one found on a context class loader), no external
 * entities, no external DTD, no parameter entities, internal entities only when they are short and refer to no other
 * entity or markup, which is what an entity-expansion bomb needs. A DOCTYPE without entity declarations is accepted
 * because editors write {@code <!DOCTYPE svg PUBLIC ...>}; the DTD it names is never fetched.
 *
 * <p>Every file is read once through {@link #scan} first: it enforces the limits, records each element's line for
 * later messages, and tells whether the file is an Arxos export. Only a file that passed the scan reaches Batik.
 */
final class SecureXml {

    static final String SVG_NS = "http://www.w3.org/2000/svg";

    /** What the scan learned. {@code lines[i]} is the line of the i-th element in document order. */
    record Scan(int elementCount, int[] lines, String rootFormat) {

        long line(int ordinal) {
            return ordinal >= 0 && ordinal < elementCount ? lines[ordinal] : 0;
        }
    }

    /** A problem found while parsing, carried through the parser as a SAXException. */
    static final class Refusal extends SAXException {
        private static final long serialVersionUID = 1L;
        final long line;
        final String field;

        Refusal(long line, String field, String message) {
            super(message);
            this.line = line;
            this.field = field;
        }
    }

    private SecureXml() {
    }

    static XMLReader newReader() {
        try {
            // newDefaultInstance: the JDK's parser, whatever a bundle or the context class loader offers.
            SAXParserFactory f = SAXParserFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setValidating(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            XMLReader reader = f.newSAXParser().getXMLReader();
            // A second barrier behind the declaration checks: the JDK's own expansion limits, made small.
            setQuietly(reader, "http://www.oracle.com/xml/jaxp/properties/entityExpansionLimit", "10000");
            setQuietly(reader, "http://www.oracle.com/xml/jaxp/properties/maxGeneralEntitySizeLimit", "65536");
            setQuietly(reader, "http://www.oracle.com/xml/jaxp/properties/totalEntitySizeLimit", "1000000");
            // Nothing is ever fetched: the external DTD subset resolves to nothing, any other entity is refused.
            reader.setEntityResolver(new DefaultHandler2() {
                @Override
                public InputSource resolveEntity(String name, String publicId, String baseURI, String systemId)
                        throws SAXException {
                    if ("[dtd]".equals(name)) {
                        return new InputSource(new ByteArrayInputStream(new byte[0]));
                    }
                    throw new Refusal(0, name, "external entity refused: " + systemId);
                }
            });
            return reader;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured securely", e);
        }
    }

    private static void setQuietly(XMLReader reader, String property, String value) {
        try {
            reader.setProperty(property, value);
        } catch (SAXException e) {
            // Not the JDK's parser after all: the declaration checks still stop bombs.
        }
    }

    /** Parses the whole file with the handler, translating every failure into an {@link ImportException}. */
    static void parse(byte[] content, String source, DefaultHandler2 handler, SvgLimits limits)
            throws ImportException, IOException {
        XMLReader reader = newReader();
        Guard guard = new Guard(handler, limits);
        reader.setContentHandler(guard);
        reader.setErrorHandler(guard);
        reader.setDTDHandler(guard);
        try {
            reader.setProperty("http://xml.org/sax/properties/declaration-handler", guard);
            reader.setProperty("http://xml.org/sax/properties/lexical-handler", guard);
            reader.parse(new InputSource(new ByteArrayInputStream(content)));
        } catch (Refusal r) {
            throw new ImportException(source, r.line > 0 ? r.line : guard.line(), r.field, r.getMessage());
        } catch (SAXParseException e) {
            throw new ImportException(source, Math.max(e.getLineNumber(), 0), null, "not well-formed XML: "
                    + e.getMessage());
        } catch (SAXException e) {
            Exception cause = e.getException();
            if (cause instanceof ImportException ie) {
                throw ie;
            }
            throw new ImportException(source, guard.line(), null, "cannot read the XML: " + e.getMessage());
        } catch (UnsupportedEncodingException e) {
            // The parser read a well-formed XML declaration naming an encoding Java does not have. Always line 1: the
            // declaration can only be at the very start.
            throw new ImportException(source, 1, null, "unsupported encoding '" + e.getMessage()
                    + "' in the XML declaration");
        } catch (IOException e) {
            // The bytes are in memory, so no read can fail: whatever the parser's reader reports is bad input.
            throw new ImportException(source, guard.line(), null, "cannot read the XML: "
                    + (e.getMessage() == null ? "unreadable characters" : e.getMessage()));
        }
    }

    /** Scans a file: limits, lines, root element. */
    static Scan scan(byte[] content, String source, SvgLimits limits) throws ImportException, IOException {
        int[][] lines = {new int[1024]};
        int[] count = {0};
        String[] format = {null};
        parse(content, source, new DefaultHandler2() {
            private Locator locator;

            @Override
            public void setDocumentLocator(Locator locator) {
                this.locator = locator;
            }

            @Override
            public void startElement(String uri, String localName, String qName, Attributes atts)
                    throws SAXException {
                int n = count[0]++;
                if (n == 0) {
                    if (!SVG_NS.equals(uri) || !"svg".equals(localName)) {
                        throw new Refusal(locator.getLineNumber(), qName, "not an SVG document: the root element is <"
                                + qName + "> in namespace '" + uri + "', expected <svg> in " + SVG_NS);
                    }
                    format[0] = atts.getValue("data-arxos-format");
                }
                if (n == lines[0].length) {
                    lines[0] = java.util.Arrays.copyOf(lines[0], n * 2);
                }
                lines[0][n] = locator.getLineNumber();
            }
        }, limits);
        return new Scan(count[0], lines[0], format[0]);
    }

    /**
     * Enforces the limits around the real handler: elements, depth, attribute length, entity declarations.
     */
    private static final class Guard extends DefaultHandler2 implements DeclHandler {
        private final DefaultHandler2 next;
        private final SvgLimits limits;
        private Locator locator;
        private long elements;
        private int depth;
        private int entities;

        Guard(DefaultHandler2 next, SvgLimits limits) {
            this.next = next;
            this.limits = limits;
        }

        long line() {
            return locator == null ? 0 : Math.max(locator.getLineNumber(), 0);
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
            next.setDocumentLocator(locator);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            if (++elements > limits.maxElements()) {
                throw new Refusal(line(), qName, "more than " + limits.maxElements() + " elements (the element limit)");
            }
            if (++depth > limits.maxDepth()) {
                throw new Refusal(line(), qName, "elements nested deeper than " + limits.maxDepth()
                        + " (the depth limit)");
            }
            for (int i = 0; i < atts.getLength(); i++) {
                if (atts.getValue(i).length() > limits.maxAttributeChars()) {
                    throw new Refusal(line(), qName + "@" + atts.getQName(i), "attribute longer than "
                            + limits.maxAttributeChars() + " characters (the attribute limit)");
                }
            }
            next.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            depth--;
            next.endElement(uri, localName, qName);
        }

        @Override
        public void endDocument() throws SAXException {
            next.endDocument();
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            next.characters(ch, start, length);
        }

        @Override
        public void startDTD(String name, String publicId, String systemId) throws SAXException {
            next.startDTD(name, publicId, systemId);
        }

        @Override
        public void internalEntityDecl(String name, String value) throws SAXException {
            if (name.startsWith("%")) {
                throw new Refusal(line(), "ENTITY " + name, "parameter entities are refused");
            }
            if (++entities > limits.maxEntities()) {
                throw new Refusal(line(), "ENTITY " + name, "more than " + limits.maxEntities()
                        + " entity declarations (the entity limit)");
            }
            if (value.indexOf('&') >= 0 || value.indexOf('<') >= 0) {
                throw new Refusal(line(), "ENTITY " + name, "an entity that refers to other entities or holds markup"
                        + " is refused (entity expansion)");
            }
            if (value.length() > limits.maxEntityChars()) {
                throw new Refusal(line(), "ENTITY " + name, "entity value longer than " + limits.maxEntityChars()
                        + " characters (the entity limit)");
            }
        }

        @Override
        public void externalEntityDecl(String name, String publicId, String systemId) throws SAXException {
            throw new Refusal(line(), "ENTITY " + name, "external entity refused"
                    + (systemId != null ? " (" + systemId + ")" : "") + ": SVG files may not reference other files");
        }

        @Override
        public void unparsedEntityDecl(String name, String publicId, String systemId, String notationName)
                throws SAXException {
            throw new Refusal(line(), "ENTITY " + name, "unparsed entity refused: SVG files may not reference other"
                    + " files");
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void error(SAXParseException e) {
            // Validity errors: not validating.
        }
    }
}
