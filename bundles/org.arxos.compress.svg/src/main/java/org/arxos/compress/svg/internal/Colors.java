package org.arxos.compress.svg.internal;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Colors in their shortest equal spelling: {@code #RRGGBB} to {@code #rgb} where the digits pair up, names and
 * {@code rgb(r,g,b)} to hex when shorter, hex to a name when shorter ({@code #f00} is {@code red}). CSS defines every
 * named color as an exact sRGB triple, so each spelling is the same color.
 */
final class Colors {

    private static final Map<String, String> HEX_BY_NAME = new TreeMap<>(Map.ofEntries(
            Map.entry("black", "#000"), Map.entry("white", "#fff"), Map.entry("yellow", "#ff0"),
            Map.entry("fuchsia", "#f0f"), Map.entry("magenta", "#f0f"), Map.entry("lime", "#0f0"),
            Map.entry("blue", "#00f"), Map.entry("cyan", "#0ff"), Map.entry("aqua", "#0ff"),
            Map.entry("silver", "#c0c0c0"), Map.entry("gray", "#808080"), Map.entry("grey", "#808080"),
            Map.entry("maroon", "#800000"), Map.entry("purple", "#800080"), Map.entry("green", "#008000"),
            Map.entry("olive", "#808000"), Map.entry("navy", "#000080"), Map.entry("teal", "#008080"),
            Map.entry("red", "#f00"), Map.entry("orange", "#ffa500"), Map.entry("tan", "#d2b48c"),
            Map.entry("gold", "#ffd700"), Map.entry("pink", "#ffc0cb"), Map.entry("plum", "#dda0dd"),
            Map.entry("snow", "#fffafa"), Map.entry("linen", "#faf0e6"), Map.entry("khaki", "#f0e68c"),
            Map.entry("coral", "#ff7f50"), Map.entry("azure", "#f0ffff"), Map.entry("beige", "#f5f5dc"),
            Map.entry("ivory", "#fffff0"), Map.entry("wheat", "#f5deb3"), Map.entry("peru", "#cd853f"),
            Map.entry("sienna", "#a0522d"), Map.entry("indigo", "#4b0082"), Map.entry("violet", "#ee82ee"),
            Map.entry("orchid", "#da70d6"), Map.entry("salmon", "#fa8072"), Map.entry("tomato", "#ff6347"),
            Map.entry("bisque", "#ffe4c4"), Map.entry("brown", "#a52a2a"), Map.entry("crimson", "#dc143c")));


    /** Hex to the name that is shorter than it, the first in alphabetical order of those as short. */
    private static final Map<String, String> SHORTEST = new TreeMap<>();

    static {
        HEX_BY_NAME.forEach((name, hex) -> {
            String best = SHORTEST.getOrDefault(hex, hex);
            if (name.length() < best.length()) {
                SHORTEST.put(hex, name);
            }
        });
    }

    private Colors() {
    }

    /** The shortest spelling of the color, or the value trimmed when it is not a plain color. */
    static String shortest(String value) {
        String v = value.trim();
        if (v.isEmpty() || (v.charAt(0) != '#' && !Character.isLetter(v.charAt(0)))) {
            return v;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        String hex = hex(lower);
        if (hex == null) {
            return v;
        }
        return SHORTEST.getOrDefault(hex, hex);
    }

    /** The color as short-as-possible hex, or {@code null} when the value is not a plain color. */
    private static String hex(String v) {
        String named = HEX_BY_NAME.get(v);
        if (named != null) {
            return named;
        }
        if (v.startsWith("rgb(") && v.endsWith(")")) {
            String[] parts = v.substring(4, v.length() - 1).split(",");
            if (parts.length != 3) {
                return null;
            }
            StringBuilder h = new StringBuilder("#");
            for (String p : parts) {
                String t = p.trim();
                if (t.isEmpty() || t.length() > 3 || !t.chars().allMatch(Character::isDigit)
                        || Integer.parseInt(t) > 255) {
                    return null;
                }
                int b = Integer.parseInt(t);
                h.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 15, 16));
            }
            return compact(h.toString());
        }
        if (v.length() == 7 && isHex(v)) {
            return compact(v);
        }
        return v.length() == 4 && isHex(v) ? v : null;
    }

    /** {@code #} and lower-case hex digits. */
    private static boolean isHex(String v) {
        if (v.charAt(0) != '#') {
            return false;
        }
        for (int i = 1; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static String compact(String six) {
        if (six.charAt(1) == six.charAt(2) && six.charAt(3) == six.charAt(4) && six.charAt(5) == six.charAt(6)) {
            return "#" + six.charAt(1) + six.charAt(3) + six.charAt(5);
        }
        return six;
    }
}
