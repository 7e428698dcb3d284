package org.arxos.compress.svg.internal;

/** Character data, entities already replaced (CDATA sections become plain text). */
record XmlText(String text) implements XmlNode {

    boolean isWhitespace() {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }
}
