package org.arxos.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;

/**
 * Cuts a well-formed window out of an XML document: the prolog and the root start tag, then a random run of the root's
 * content from one start tag on, with closing tags that have no opening in the window dropped and the ones still open
 * closed at the end. Works on the bytes read as ISO-8859-1, so multi-byte UTF-8 passes through unchanged.
 */
final class XmlWindow {

    private XmlWindow() {
    }

    static byte[] window(byte[] bytes, SplittableRandom rng, int budget) {
        String s = new String(bytes, StandardCharsets.ISO_8859_1);
        int root = rootStart(s);
        if (root < 0) {
            return bytes;
        }
        int rootEnd = tagEnd(s, root);
        if (rootEnd < 0) {
            return bytes;
        }
        String rootName = name(s, root + 1);
        int contentEnd = s.lastIndexOf("</");
        if (contentEnd <= rootEnd) {
            return bytes;
        }
        // the window starts at a start tag
        int from = rootEnd + 1 + rng.nextInt(Math.max(1, contentEnd - rootEnd - 1));
        from = nextStartTag(s, from, contentEnd);
        if (from < 0) {
            from = rootEnd + 1;
        }
        int to = Math.min(contentEnd, from + budget);
        // ... and ends after a tag
        int cut = s.lastIndexOf('>', to - 1);
        to = cut < from ? from : cut + 1;

        StringBuilder out = new StringBuilder(to - from + rootEnd + 256);
        out.append(s, 0, rootEnd + 1);
        // the window's ancestors (a layer group, say) come along, so the elements keep their context
        Deque<String[]> ancestors = new ArrayDeque<>();
        walk(s, rootEnd + 1, from, ancestors, null);
        Deque<String[]> open = new ArrayDeque<>();
        for (var it = ancestors.descendingIterator(); it.hasNext();) {
            String[] a = it.next();
            out.append(a[1]);
            open.push(a);
        }
        walk(s, from, to, open, out);
        while (!open.isEmpty()) {
            out.append("</").append(open.pop()[0]).append('>');
        }
        out.append("\n</").append(rootName).append(">\n");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Walks the tags in [i, to): keeps the stack of open elements (name, start tag) and, when out is not null, copies
     * everything but closing tags that close nothing open.
     */
    private static void walk(String s, int i, int to, Deque<String[]> open, StringBuilder out) {
        while (i < to) {
            int lt = s.indexOf('<', i);
            if (lt < 0 || lt >= to) {
                if (out != null) {
                    out.append(s, i, to);
                }
                return;
            }
            if (out != null) {
                out.append(s, i, lt);
            }
            int end;
            boolean copy = true;
            if (s.startsWith("<!--", lt)) {
                end = s.indexOf("-->", lt);
                end = end < 0 ? -1 : end + 3;
            } else if (s.startsWith("<![CDATA[", lt)) {
                end = s.indexOf("]]>", lt);
                end = end < 0 ? -1 : end + 3;
            } else if (s.startsWith("<?", lt) || s.startsWith("<!", lt)) {
                end = s.indexOf('>', lt);
                end = end < 0 ? -1 : end + 1;
            } else if (s.startsWith("</", lt)) {
                end = s.indexOf('>', lt);
                end = end < 0 ? -1 : end + 1;
                if (end < 0 || end > to) {
                    return;
                }
                String n = name(s, lt + 2);
                if (!open.isEmpty() && open.peek()[0].equals(n)) {
                    open.pop();
                } else {
                    copy = false;
                }
            } else {
                end = tagEnd(s, lt);
                end = end < 0 ? -1 : end + 1;
                if (end < 0 || end > to) {
                    return;
                }
                if (s.charAt(end - 2) != '/') {
                    open.push(new String[] {name(s, lt + 1), s.substring(lt, end)});
                }
            }
            if (end < 0 || end > to) {
                return;
            }
            if (out != null && copy) {
                out.append(s, lt, end);
            }
            i = end;
        }
    }

    /** The first element's start tag (after the XML declaration, comments, DOCTYPE and processing instructions). */
    static int rootStart(String s) {
        int i = 0;
        while (true) {
            int lt = s.indexOf('<', i);
            if (lt < 0 || lt + 1 >= s.length()) {
                return -1;
            }
            char c = s.charAt(lt + 1);
            if (c == '?' || c == '!') {
                int end = s.startsWith("<!--", lt) ? s.indexOf("-->", lt) : s.startsWith("<!DOCTYPE", lt)
                        ? doctypeEnd(s, lt) : s.indexOf('>', lt);
                if (end < 0) {
                    return -1;
                }
                i = end + 1;
            } else {
                return lt;
            }
        }
    }

    private static int doctypeEnd(String s, int lt) {
        int bracket = s.indexOf('[', lt);
        int gt = s.indexOf('>', lt);
        if (bracket >= 0 && bracket < gt) {
            int close = s.indexOf("]>", bracket);
            return close < 0 ? -1 : close + 1;
        }
        return gt;
    }

    /** The '>' closing the tag at lt, skipping quoted attribute values; -1 when there is none. */
    static int tagEnd(String s, int lt) {
        char quote = 0;
        for (int i = lt + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        return -1;
    }

    private static int nextStartTag(String s, int from, int limit) {
        int i = from;
        while (true) {
            int lt = s.indexOf('<', i);
            if (lt < 0 || lt >= limit || lt + 1 >= s.length()) {
                return -1;
            }
            char c = s.charAt(lt + 1);
            if (c != '/' && c != '!' && c != '?') {
                return lt;
            }
            i = lt + 1;
        }
    }

    static String name(String s, int from) {
        int i = from;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '>' || c == '/' || c == '\n' || c == '\r' || c == '\t') {
                break;
            }
            i++;
        }
        return s.substring(from, i);
    }
}
