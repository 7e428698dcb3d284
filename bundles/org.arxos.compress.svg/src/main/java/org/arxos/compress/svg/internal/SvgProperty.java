package org.arxos.compress.svg.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The SVG 1.1 presentation properties the minifier knows: initial value, whether it is inherited, and what its value
 * is. A property set in a {@code style} declaration or a presentation attribute to the value the element would have
 * anyway is dropped; any property not listed here is kept as written. {@code overflow} and {@code clip} are left out
 * on purpose: user agents style some elements' overflow, so "the initial value" is not what such an element has.
 *
 * @param initial   the initial value in the normal form {@link #normal} gives
 * @param inherited whether the property inherits
 */
record SvgProperty(String name, String initial, boolean inherited, Kind kind) {

    enum Kind {
        /** a number, a length or a list of them: numbers are rewritten in their shortest plain text */
        NUMERIC,
        /** a color: written in its shortest equal form */
        COLOR,
        /** anything else, compared as written (lower case) */
        KEYWORD
    }

    private static final Map<String, SvgProperty> ALL = new HashMap<>();

    static {
        inherited("clip-rule", "nonzero", Kind.KEYWORD);
        inherited("color-interpolation", "srgb", Kind.KEYWORD);
        inherited("color-interpolation-filters", "linearrgb", Kind.KEYWORD);
        inherited("color-rendering", "auto", Kind.KEYWORD);
        inherited("direction", "ltr", Kind.KEYWORD);
        inherited("fill", "#000", Kind.COLOR);
        inherited("fill-opacity", "1", Kind.NUMERIC);
        inherited("fill-rule", "nonzero", Kind.KEYWORD);
        inherited("font-size", "medium", Kind.NUMERIC);
        inherited("font-style", "normal", Kind.KEYWORD);
        inherited("font-variant", "normal", Kind.KEYWORD);
        inherited("font-weight", "normal", Kind.KEYWORD);
        inherited("font-stretch", "normal", Kind.KEYWORD);
        inherited("image-rendering", "auto", Kind.KEYWORD);
        inherited("kerning", "auto", Kind.NUMERIC);
        inherited("letter-spacing", "normal", Kind.NUMERIC);
        inherited("marker-start", "none", Kind.KEYWORD);
        inherited("marker-mid", "none", Kind.KEYWORD);
        inherited("marker-end", "none", Kind.KEYWORD);
        inherited("shape-rendering", "auto", Kind.KEYWORD);
        inherited("stroke", "none", Kind.COLOR);
        inherited("stroke-dasharray", "none", Kind.NUMERIC);
        inherited("stroke-dashoffset", "0", Kind.NUMERIC);
        inherited("stroke-linecap", "butt", Kind.KEYWORD);
        inherited("stroke-linejoin", "miter", Kind.KEYWORD);
        inherited("stroke-miterlimit", "4", Kind.NUMERIC);
        inherited("stroke-opacity", "1", Kind.NUMERIC);
        inherited("stroke-width", "1", Kind.NUMERIC);
        inherited("text-anchor", "start", Kind.KEYWORD);
        inherited("text-rendering", "auto", Kind.KEYWORD);
        inherited("visibility", "visible", Kind.KEYWORD);
        inherited("word-spacing", "normal", Kind.NUMERIC);
        inherited("writing-mode", "lr-tb", Kind.KEYWORD);
        inherited("color", null, Kind.COLOR);
        inherited("font-family", null, Kind.KEYWORD);
        own("alignment-baseline", "auto", Kind.KEYWORD);
        own("baseline-shift", "baseline", Kind.NUMERIC);
        own("clip-path", "none", Kind.KEYWORD);
        own("display", "inline", Kind.KEYWORD);
        own("dominant-baseline", "auto", Kind.KEYWORD);
        own("filter", "none", Kind.KEYWORD);
        own("flood-color", "#000", Kind.COLOR);
        own("flood-opacity", "1", Kind.NUMERIC);
        own("lighting-color", "#fff", Kind.COLOR);
        own("mask", "none", Kind.KEYWORD);
        own("opacity", "1", Kind.NUMERIC);
        own("stop-color", "#000", Kind.COLOR);
        own("stop-opacity", "1", Kind.NUMERIC);
        own("text-decoration", "none", Kind.KEYWORD);
        own("unicode-bidi", "normal", Kind.KEYWORD);
    }

    private static void inherited(String name, String initial, Kind kind) {
        ALL.put(name, new SvgProperty(name, initial, true, kind));
    }

    private static void own(String name, String initial, Kind kind) {
        ALL.put(name, new SvgProperty(name, initial, false, kind));
    }

    /** The property named so, or {@code null} for one this table does not know. */
    static SvgProperty of(String name) {
        return ALL.get(name);
    }

    /**
     * The value in a form where equal values are equal strings: lower case, trimmed, numbers exact with {@code px}
     * dropped, colors as short hex.
     */
    String normal(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case NUMERIC -> {
                String shortest = NumberText.rewrite(v, false);
                yield shortest.endsWith("px") && Decimal.parse(shortest.substring(0, shortest.length() - 2)) != null
                        ? shortest.substring(0, shortest.length() - 2) : shortest;
            }
            case COLOR -> Colors.shortest(v);
            case KEYWORD -> v;
        };
    }

    /** The value rewritten in its shortest equal form. */
    String minify(String value) {
        String v = value.trim();
        return switch (kind) {
            case NUMERIC -> NumberText.rewrite(v, false);
            case COLOR -> Colors.shortest(v);
            case KEYWORD -> v;
        };
    }
}
