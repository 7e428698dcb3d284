package org.arxos.compress.svg.internal;

/**
 * Path data templates without what the command letters imply: after splitting out the numbers, a path's template is
 * its letters each followed by one marker per argument ({@code M##L##Z}); the markers follow from the letters, so
 * only the letters are coded, plus a repeat mark for each further group of arguments a letter takes implicitly. A
 * template that is not of that form is coded as it is, behind an escape.
 */
final class PathTemplate {

    private static final char REPEAT = '\u0002';
    private static final char RAW = '\u0003';

    private PathTemplate() {
    }

    static String compact(String template) {
        StringBuilder out = new StringBuilder(template.length() / 2 + 1);
        int i = 0;
        int n = template.length();
        while (i < n) {
            char letter = template.charAt(i++);
            int arity = PathSegment.arity(letter);
            int markers = 0;
            while (i < n && template.charAt(i) == ValueModel.NUMBER) {
                markers++;
                i++;
            }
            if (arity < 0 || (arity == 0 ? markers != 0 : markers == 0 || markers % arity != 0)) {
                return RAW + template;
            }
            out.append(letter);
            for (int group = 1; arity > 0 && group < markers / arity; group++) {
                out.append(REPEAT);
            }
        }
        return out.toString();
    }

    /** The template {@link #compact} was made from; anything it cannot have made is corrupt. */
    static String expand(String compact) {
        if (!compact.isEmpty() && compact.charAt(0) == RAW) {
            return compact.substring(1);
        }
        StringBuilder out = new StringBuilder(compact.length() * 3);
        int arity = -1;
        for (int i = 0; i < compact.length(); i++) {
            char c = compact.charAt(i);
            int groups = 1;
            if (c == REPEAT) {
                if (arity <= 0) {
                    throw new CorruptStream("a repeat mark without a path command before it");
                }
            } else {
                arity = PathSegment.arity(c);
                if (arity < 0) {
                    throw new CorruptStream("'" + c + "' is not a path command");
                }
                out.append(c);
            }
            for (int k = 0; k < arity * groups; k++) {
                out.append(ValueModel.NUMBER);
            }
        }
        return out.toString();
    }
}
