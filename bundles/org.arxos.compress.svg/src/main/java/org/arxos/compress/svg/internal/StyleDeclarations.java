package org.arxos.compress.svg.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The declarations of a {@code style} attribute in order. Parsing respects quotes and parentheses ({@code url(...)}
 * may hold a semicolon) and drops CSS comments; a style it cannot split with certainty is not parsed at all.
 */
final class StyleDeclarations {

    /** One declaration; {@code value} keeps an {@code !important} it carries. */
    record Declaration(String name, String value) {
    }

    private StyleDeclarations() {
    }

    /** The declarations, or {@code null} when the style is not plain enough to rewrite safely. */
    static List<Declaration> parse(String style) {
        if (style.contains("/*") || style.indexOf('\\') >= 0) {
            return null;
        }
        List<Declaration> out = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i <= style.length(); i++) {
            char c = i < style.length() ? style.charAt(i) : ';';
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            switch (c) {
                case '"', '\'' -> quote = c;
                case '(' -> depth++;
                case ')' -> depth--;
                case ';' -> {
                    if (depth == 0) {
                        String part = style.substring(start, i).trim();
                        start = i + 1;
                        if (!part.isEmpty()) {
                            int colon = part.indexOf(':');
                            if (colon <= 0) {
                                return null;
                            }
                            String name = part.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                            String value = part.substring(colon + 1).trim();
                            if (!isName(name) || value.isEmpty()) {
                                return null;
                            }
                            out.add(new Declaration(name, value));
                        }
                    }
                }
                default -> {
                    // part of a name or value
                }
            }
            if (depth < 0) {
                return null;
            }
        }
        return quote == 0 && depth == 0 ? out : null;
    }

    /** A CSS property name in lower case: {@code -?[a-z_][a-z0-9_-]*}. */
    private static boolean isName(String name) {
        int start = name.startsWith("-") ? 1 : 0;
        if (name.length() <= start) {
            return false;
        }
        for (int i = start; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || c == '_';
            if (!letter && (i == start || !((c >= '0' && c <= '9') || c == '-'))) {
                return false;
            }
        }
        return true;
    }

    static String write(List<Declaration> declarations) {
        StringBuilder out = new StringBuilder();
        for (Declaration d : declarations) {
            if (!out.isEmpty()) {
                out.append(';');
            }
            out.append(d.name()).append(':').append(d.value());
        }
        return out.toString();
    }
}
