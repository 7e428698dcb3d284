package org.arxos.compress.svg.internal;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.arxos.api.compress.CorruptDataException;

/**
 * The SVG-aware entropy coder: codes a document's tree, not its text. Each element is its name (predicted from its
 * parent and previous sibling), its attribute names (predicted from the element and the attribute before), their
 * values ({@link ValueModel}) and its children; everything goes through one range coder. Decoding rebuilds the tree,
 * and {@link SvgWriter} turns it back into the same text, because the writer's output depends on the tree alone.
 */
final class TreeCodec {

    private static final String END = "\u0000end";
    private static final String TEXT = "\u0000text";
    private static final String INSTRUCTION = "\u0000pi";
    private static final String DOCUMENT = "\u0000document";
    private static final int KIND_ELEMENT_NAME = 2;
    private static final int KIND_ATTRIBUTE_NAME = 3;
    private static final int KIND_INSTRUCTION = 4;
    private static final int MAX_ATTRIBUTES = 4096;

    private final BitCoder coder;
    private final SymbolModel elements;
    private final SymbolModel attributes;
    private final StringModel strings;
    private final ValueModel values;
    private final int textSymbol;
    private final SvgLimits limits;
    private final long maxChars;
    private int elementCount;
    private long chars;

    private TreeCodec(BitCoder coder, SvgLimits limits, long maxChars) {
        this.coder = coder;
        this.limits = limits;
        this.maxChars = maxChars;
        this.strings = new StringModel(limits.maxAttributeChars());
        this.elements = new SymbolModel(strings, KIND_ELEMENT_NAME, limits.maxElements(), END, TEXT, INSTRUCTION,
                DOCUMENT);
        this.attributes = new SymbolModel(strings, KIND_ATTRIBUTE_NAME, limits.maxElements(), END, TEXT);
        this.values = new ValueModel(strings);
        this.textSymbol = attributes.symbol(TEXT);
    }

    static byte[] encode(XmlDocument document, SvgLimits limits) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        RangeEncoder encoder = new RangeEncoder(out);
        new TreeCodec(encoder, limits, Long.MAX_VALUE).document(document);
        encoder.finish();
        return out.toByteArray();
    }

    /**
     * @param maxChars the most characters of names, values and text the document may hold: the length it declared
     * @throws CorruptDataException when the data does not decode to a document within the limits
     */
    static XmlDocument decode(byte[] data, int offset, int length, SvgLimits limits, long maxChars)
            throws CorruptDataException {
        RangeDecoder decoder = new RangeDecoder(data, offset, length);
        try {
            return new TreeCodec(decoder, limits, maxChars).document(null);
        } catch (CorruptStream e) {
            throw e.corruption();
        } catch (RangeDecoder.TruncatedInput e) {
            throw e.corruption();
        }
    }

    /** Encodes the document, or with {@code null} decodes one. */
    private XmlDocument document(XmlDocument document) {
        int documentSymbol = elements.symbol(DOCUMENT);
        List<XmlInstruction> prolog = new ArrayList<>();
        int previous = elements.symbol(END);
        int count = document == null ? 0 : document.prolog().size();
        for (int i = 0;; i++) {
            boolean more = document == null ? true : i < count;
            int symbol = elements.code(coder, SymbolModel.context(documentSymbol, previous),
                    document == null ? null : more ? INSTRUCTION : DOCUMENT);
            if (symbol == elements.symbol(DOCUMENT)) {
                break;
            }
            if (symbol != elements.symbol(INSTRUCTION) || i >= MAX_ATTRIBUTES) {
                throw new CorruptStream("the document does not start with its root");
            }
            prolog.add(instruction(document == null ? null : document.prolog().get(i)));
            previous = symbol;
        }
        XmlElement root = document == null ? null : document.root();
        int rootSymbol = elements.code(coder, SymbolModel.context(documentSymbol, documentSymbol),
                root == null ? null : root.name);
        return new XmlDocument(prolog, element(root, rootSymbol, 1));
    }

    private XmlInstruction instruction(XmlInstruction pi) {
        String target = strings.code(coder, KIND_INSTRUCTION, pi == null ? null : pi.target());
        String data = strings.code(coder, KIND_INSTRUCTION + 1, pi == null ? null : pi.data());
        return new XmlInstruction(target, data);
    }

    /** Codes the element's attributes and children; its name was coded by its parent. */
    private XmlElement element(XmlElement e, int symbol, int depth) {
        if (++elementCount > limits.maxElements() || depth > limits.maxDepth()) {
            throw new CorruptStream("more elements or deeper nesting than the limits allow");
        }
        String name = elements.name(symbol);
        if (name.startsWith("\u0000")) {
            throw new CorruptStream("a marker where an element name must be");
        }
        count(name.length());
        XmlElement out = new XmlElement(name, "", localName(name));
        values.startElement();
        int end = attributes.symbol(END);
        int previous = end;
        int count = e == null ? 0 : e.attributes.size();
        for (int i = 0;; i++) {
            XmlAttribute a = e == null ? null : i < count ? e.attributes.get(i) : null;
            int a1 = attributes.code(coder, SymbolModel.context(symbol, previous),
                    e == null ? null : a == null ? END : a.name());
            if (a1 == end) {
                break;
            }
            if (i >= MAX_ATTRIBUTES) {
                throw new CorruptStream("more than " + MAX_ATTRIBUTES + " attributes on one element");
            }
            String attributeName = attributes.name(a1);
            String value = values.code(coder, symbol, a1, localName(attributeName), a == null ? null : a.value());
            count(attributeName.length() + value.length());
            out.attributes.add(XmlAttribute.plain(attributeName, value));
            previous = a1;
        }
        int previousChild = elements.symbol(END);
        int k = 0;
        while (true) {
            XmlNode child = e == null ? null : k < e.children.size() ? e.children.get(k) : null;
            String childName = e == null ? null
                    : child == null ? END
                    : child instanceof XmlElement c ? c.name
                    : child instanceof XmlText ? TEXT : INSTRUCTION;
            int c = elements.code(coder, SymbolModel.context(symbol, previousChild), childName);
            if (c == elements.symbol(END)) {
                return out;
            }
            if (c == elements.symbol(TEXT)) {
                String text = values.code(coder, symbol, textSymbol, "", child == null ? null
                        : ((XmlText) child).text());
                count(text.length());
                out.children.add(new XmlText(text));
            } else if (c == elements.symbol(INSTRUCTION)) {
                out.children.add(instruction(child == null ? null : (XmlInstruction) child));
            } else if (c == elements.symbol(DOCUMENT)) {
                throw new CorruptStream("a document marker inside an element");
            } else {
                out.children.add(element(child == null ? null : (XmlElement) child, c, depth + 1));
                values.startElement();
            }
            previousChild = c;
            k++;
        }
    }

    private void count(int n) {
        chars += n;
        if (chars > maxChars) {
            throw new CorruptStream("more text than the " + maxChars + " bytes the stream declares");
        }
    }

    private static String localName(String name) {
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(colon + 1);
    }
}
