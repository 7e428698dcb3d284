package org.arxos.compress.svg.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Codes attribute values and text. A value seen recently for the same attribute costs its place in a short list.
 * Any other value is split into a template, the text around its numbers with a marker for each, and the numbers
 * ({@link NumberModel}); the template goes through its own recent list or byte by byte ({@link StringModel}). A
 * number is split out only where its text is the shortest for its value, so writing the number back gives the same
 * text; two numbers with only the separator they need between them ({@link PathData#separator}) leave no separator
 * in the template.
 */
final class ValueModel {

    static final char NUMBER = '\u0001';
    private static final int RECENT = 16;
    private static final int KIND_TEMPLATE = 1;
    /** Attributes read with parsers that take exponents: their numbers may be written {@code 1e3}. */
    static final Set<String> EXPONENT_ATTRIBUTES = Set.of("d", "points", "transform", "gradientTransform",
            "patternTransform");

    private final StringModel strings;
    private final NumberModel numbers = new NumberModel();
    private final Map<Integer, Recent> values = new HashMap<>();
    private final Map<Integer, Recent> templates = new HashMap<>();

    ValueModel(StringModel strings) {
        this.strings = strings;
    }

    void startElement() {
        numbers.startElement();
    }

    /**
     * Encodes {@code value}, or with {@code null} decodes one.
     *
     * @param element   the element's name symbol
     * @param attribute the attribute's name symbol (text nodes have their own)
     * @param name      the attribute's name, which decides how numbers are written
     */
    String code(BitCoder coder, int element, int attribute, String name, String value) {
        Recent recent = values.computeIfAbsent(attribute, a -> new Recent());
        int at = recent.code(coder, value);
        if (at >= 0) {
            return recent.take(at);
        }
        boolean exponent = EXPONENT_ATTRIBUTES.contains(name);
        Template t = value == null ? null : Template.of(value, exponent);
        Recent known = templates.computeIfAbsent(attribute, a -> new Recent());
        int tAt = known.code(coder, t == null ? null : t.text);
        String template;
        if (tAt >= 0) {
            template = known.take(tAt);
        } else {
            boolean path = name.equals("d");
            String given = t == null ? null : path ? PathTemplate.compact(t.text) : t.text;
            String coded = strings.code(coder, KIND_TEMPLATE + attribute * 8, given);
            template = path ? PathTemplate.expand(coded) : coded;
            known.add(template);
        }
        String decoded = numbers(coder, element, attribute, name, template, t == null ? null : t.numbers, exponent);
        String result = value != null ? value : decoded;
        recent.add(result);
        return result;
    }

    /**
     * Fills the template's markers with numbers. A number's context is the attribute, the literal text just before
     * its run of markers and its place in the run; in path data, the command letter and the argument's place in it.
     */
    private String numbers(BitCoder coder, int element, int attribute, String name, String template,
            List<Decimal> given, boolean exponent) {
        boolean decoding = given == null;
        StringBuilder out = decoding ? new StringBuilder(template.length() + 16) : null;
        boolean path = name.equals("d");
        boolean points = name.equals("points");
        int literal = 0;
        char letter = 0;
        int index = 0;
        boolean afterNumber = false;
        String lastText = null;
        int k = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != NUMBER) {
                if (decoding) {
                    out.append(c);
                }
                literal = afterNumber || i == 0 ? c : literal * 31 + c;
                if (path ? Character.isLetter(c) : afterNumber) {
                    index = 0;
                }
                if (Character.isLetter(c)) {
                    letter = c;
                }
                afterNumber = false;
                lastText = null;
                continue;
            }
            long key;
            if (path) {
                int arity = PathSegment.arity(letter);
                key = context(attribute, 0, letter, arity > 0 ? index % arity : Math.min(index, 7));
            } else {
                key = context(attribute, element, literal, points ? index & 1 : Math.min(index, 7));
            }
            Decimal v = numbers.code(coder, key, attribute, decoding ? null : given.get(k++));
            if (decoding) {
                // Only the decoder writes numbers out: the encoder has the value already.
                String text = v.format(exponent);
                if (lastText != null) {
                    out.append(PathData.separator(lastText, text));
                }
                out.append(text);
                lastText = text;
            }
            afterNumber = true;
            index++;
        }
        return decoding ? out.toString() : null;
    }

    private static long context(int attribute, int element, int literal, int slot) {
        long h = attribute * 0x9E3779B97F4A7C15L;
        h = (h ^ element) * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ literal) * 0x165667B19E3779F9L;
        return h ^ slot;
    }

    /** A value split into its template and numbers. */
    record Template(String text, List<Decimal> numbers) {

        /**
         * Splits the value; a value it cannot split exactly is all template. Each number is split out in its shortest
         * text, so the decoder writes it back from its value alone; the one separator the decoder cannot know is a
         * space between two numbers that would read as one without it, which the template keeps.
         */
        static Template of(String value, boolean exponent) {
            StringBuilder text = new StringBuilder(value.length());
            List<Decimal> numbers = new ArrayList<>();
            char[] scratch = new char[32];
            int n = value.length();
            int lastEnd = -1;
            int lastMarker = -1;
            boolean hashWord = false;
            for (int i = 0; i < n;) {
                char c = value.charAt(i);
                if (c == '#') {
                    hashWord = true;
                } else if (!Character.isLetterOrDigit(c) && c != '_' && c != '-' && c != '.') {
                    hashWord = false;
                }
                boolean candidate = !hashWord && (Decimal.isDigit(c) || c == '.' || c == '-')
                        && (i == lastEnd || i == 0 || !(Decimal.isDigit(value.charAt(i - 1))
                                || value.charAt(i - 1) == '.'));
                int end = candidate ? Decimal.end(value, i) : i;
                if (end > i) {
                    Decimal d = Decimal.parse(value, i, end);
                    if (d != null && NumberModel.codable(d) && d.isWrittenAs(value, i, end, exponent, scratch)) {
                        if (lastMarker >= 0) {
                            boolean joins = PathData.joins(value.charAt(i),
                                    numbers.get(numbers.size() - 1).hasPointOrExponent(exponent));
                            int gap = text.length() - lastMarker - 1;
                            if (gap == 0 && !joins) {
                                // Written back, the two would get a space between them that the value does not have.
                                return new Template(value, List.of());
                            }
                            if (gap == (joins ? 0 : 1) && (gap == 0 || text.charAt(lastMarker + 1) == ' ')) {
                                text.setLength(lastMarker + 1);
                            }
                        }
                        lastMarker = text.length();
                        text.append(NUMBER);
                        numbers.add(d);
                        i = end;
                        lastEnd = end;
                        continue;
                    }
                }
                text.append(c);
                i++;
            }
            return new Template(text.toString(), numbers);
        }
    }

    /** The values seen last for one attribute, most recent first. */
    private static final class Recent {
        private final int[] slots = BitCoder.slots(2 + RECENT);
        private final List<String> list = new ArrayList<>(RECENT);
        private int lastHit;

        /** Codes whether the value is in the list and where: its place, or -1. */
        int code(BitCoder coder, String value) {
            int at = value == null ? -1 : list.indexOf(value);
            int hit = coder.bit(slots, lastHit, at >= 0 ? 1 : 0);
            lastHit = hit;
            if (hit == 0) {
                return -1;
            }
            at = coder.tree(slots, 2, 4, Math.max(at, 0));
            if (at >= list.size()) {
                throw new CorruptStream("a value refers to an entry not seen");
            }
            return at;
        }

        /** The entry at the place, moved to the front. */
        String take(int at) {
            String v = list.remove(at);
            list.add(0, v);
            return v;
        }

        void add(String value) {
            int at = list.indexOf(value);
            if (at >= 0) {
                list.remove(at);
            } else if (list.size() == RECENT) {
                list.remove(RECENT - 1);
            }
            list.add(0, value);
        }
    }
}
