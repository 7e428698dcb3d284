package org.arxos.compress.svg.internal;

/**
 * The {@code points} of a polyline or polygon: numbers in their shortest text (where Batik reads the same float),
 * separated only where a sign or second decimal point does not already separate them. A list outside the grammar
 * (stray commas, an odd count) stays as written, since renderers treat it as an error.
 */
final class PointList {

    private PointList() {
    }

    static String minify(String value) {
        StringBuilder out = new StringBuilder(value.length());
        String last = null;
        int count = 0;
        int n = value.length();
        int i = 0;
        while (true) {
            int commas = 0;
            while (i < n && (PathData.isSpace(value.charAt(i)) || value.charAt(i) == ',')) {
                commas += value.charAt(i) == ',' ? 1 : 0;
                i++;
            }
            if (commas > 1 || (commas == 1 && (last == null || i >= n))) {
                return value;
            }
            if (i >= n) {
                return count % 2 == 0 ? out.toString() : value;
            }
            int end = Decimal.end(value, i);
            if (end == i) {
                return value;
            }
            PathNumber number = new PathNumber(value.substring(i, end), Decimal.parse(value, i, end));
            PathNumber shorter = number.shortest();
            String text = shorter.batik() == number.batik() ? shorter.text() : number.text();
            if (last != null) {
                out.append(PathData.separator(last, text));
            }
            out.append(text);
            last = text;
            count++;
            i = end;
        }
    }
}
