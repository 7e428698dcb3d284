package org.arxos.compress.svg.internal;

import java.util.Arrays;

/**
 * Writes a document as compact UTF-8 XML: no declaration (UTF-8 is XML's default), no whitespace the tree does not
 * hold, the fewest escapes that read back to the same characters, empty elements self-closed. The same tree always
 * gives the same bytes, which is what lets the entropy coder store the tree instead of the text.
 */
final class SvgWriter {

    private byte[] out = new byte[1 << 16];
    private int length;

    private SvgWriter() {
    }

    static byte[] write(XmlDocument document) {
        SvgWriter w = new SvgWriter();
        for (XmlInstruction pi : document.prolog()) {
            w.instruction(pi);
        }
        w.element(document.root());
        return Arrays.copyOf(w.out, w.length);
    }

    private void element(XmlElement e) {
        append('<').append(e.name);
        for (XmlAttribute a : e.attributes) {
            append(' ').append(a.name()).append('=');
            attributeValue(a.value());
        }
        if (e.children.isEmpty()) {
            append("/>");
            return;
        }
        append('>');
        for (XmlNode child : e.children) {
            if (child instanceof XmlElement c) {
                element(c);
            } else if (child instanceof XmlText t) {
                text(t.text());
            } else if (child instanceof XmlInstruction pi) {
                instruction(pi);
            }
        }
        append("</").append(e.name).append('>');
    }

    private void instruction(XmlInstruction pi) {
        append("<?").append(pi.target());
        if (pi.data() != null && !pi.data().isEmpty()) {
            append(' ').append(pi.data());
        }
        append("?>");
    }

    /** Double quotes unless the value holds one and no apostrophe. */
    private void attributeValue(String value) {
        char quote = value.indexOf('"') >= 0 && value.indexOf('\'') < 0 ? '\'' : '"';
        append(quote);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> append("&amp;");
                case '<' -> append("&lt;");
                // Literal tabs and line breaks in an attribute read back as spaces: keep them as references.
                case '\t' -> append("&#9;");
                case '\n' -> append("&#10;");
                case '\r' -> append("&#13;");
                default -> {
                    if (c == quote) {
                        append(quote == '"' ? "&quot;" : "&apos;");
                    } else {
                        append(c, value, i);
                    }
                }
            }
        }
        append(quote);
    }

    private void text(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> append("&amp;");
                case '<' -> append("&lt;");
                case '\r' -> append("&#13;");
                // Only "]]>" must not appear in character data.
                case '>' -> append(i >= 2 && text.charAt(i - 1) == ']' && text.charAt(i - 2) == ']' ? "&gt;" : ">");
                default -> append(c, text, i);
            }
        }
    }

    private SvgWriter append(String s) {
        for (int i = 0; i < s.length(); i++) {
            append(s.charAt(i), s, i);
        }
        return this;
    }

    private SvgWriter append(char c) {
        return append(c, null, 0);
    }

    /** Appends a character in UTF-8; a surrogate pair is written once, at its high half. */
    private SvgWriter append(char c, String in, int at) {
        if (length + 4 > out.length) {
            out = Arrays.copyOf(out, out.length * 2);
        }
        if (c < 0x80) {
            out[length++] = (byte) c;
        } else if (c < 0x800) {
            out[length++] = (byte) (0xC0 | (c >> 6));
            out[length++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c) && in != null && at + 1 < in.length()
                && Character.isLowSurrogate(in.charAt(at + 1))) {
            int cp = Character.toCodePoint(c, in.charAt(at + 1));
            out[length++] = (byte) (0xF0 | (cp >> 18));
            out[length++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
            out[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            out[length++] = (byte) (0x80 | (cp & 0x3F));
        } else if (Character.isLowSurrogate(c) && in != null && at > 0 && Character.isHighSurrogate(in.charAt(at - 1))) {
            return this; // written with its high half
        } else {
            out[length++] = (byte) (0xE0 | (c >> 12));
            out[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            out[length++] = (byte) (0x80 | (c & 0x3F));
        }
        return this;
    }
}
