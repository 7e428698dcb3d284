package org.arxos.render.internal;

/**
 * Hierarchy node ids as XML ids. Object ids may hold {@code :} and start with a digit, and pure group ids hold
 * {@code /}; none of these may stand in an XML id (an NCName). Letters, digits, {@code .} and {@code -} are kept;
 * every other character, {@code _} included, becomes {@code _} and its four hex digits ({@code /} is {@code _002f}),
 * and so does a first character that cannot start a name. Every escape has the same length, so different node ids
 * give different XML ids, and generated ids such as {@code f3z2e-c17} stay as they are.
 */
final class XmlIds {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private XmlIds() {
    }

    static String of(String nodeId) {
        if (isKept(nodeId)) {
            return nodeId;
        }
        StringBuilder id = new StringBuilder(nodeId.length() + 16);
        for (int i = 0; i < nodeId.length(); i++) {
            char c = nodeId.charAt(i);
            if (isLetter(c) || (i > 0 && (isDigit(c) || c == '.' || c == '-'))) {
                id.append(c);
            } else {
                id.append('_').append(HEX[c >> 12]).append(HEX[(c >> 8) & 15]).append(HEX[(c >> 4) & 15])
                        .append(HEX[c & 15]);
            }
        }
        return id.toString();
    }

    private static boolean isKept(String nodeId) {
        if (nodeId.isEmpty() || !isLetter(nodeId.charAt(0))) {
            return false;
        }
        for (int i = 1; i < nodeId.length(); i++) {
            char c = nodeId.charAt(i);
            if (!isLetter(c) && !isDigit(c) && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
