package org.arxos.grouping.functional.internal;

import java.util.regex.Pattern;

import org.arxos.model.ObjectType;

/**
 * One pattern of a function rule, {@code type:kind} or {@code type:kind@system}: the object's type ({@code *} for
 * any), a glob over its kind, and optionally a glob over the kind of the system it is a component of (a discipline
 * id such as {@code electrical}), for kinds that mean different things in different trades (a riser). In globs
 * {@code *} stands for any run of characters and {@code ?} for one.
 */
final class ObjectPattern {

    private final ObjectType type;
    private final Pattern kind;
    private final Pattern system;

    private ObjectPattern(ObjectType type, Pattern kind, Pattern system) {
        this.type = type;
        this.kind = kind;
        this.system = system;
    }

    /** @throws IllegalArgumentException naming the part of the pattern that is wrong */
    static ObjectPattern parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("'" + text + "' is not type:kind (such as component:light-fixture)");
        }
        String typeText = text.substring(0, colon).trim();
        String rest = text.substring(colon + 1).trim();
        int at = rest.indexOf('@');
        String kindGlob = (at < 0 ? rest : rest.substring(0, at)).trim();
        String systemGlob = at < 0 ? null : rest.substring(at + 1).trim();
        ObjectType type = typeText.equals("*") ? null : ObjectType.of(typeText);
        return new ObjectPattern(type, glob(kindGlob, "kind", text), systemGlob == null ? null
                : glob(systemGlob, "system kind", text));
    }

    private static Pattern glob(String glob, String what, String pattern) {
        if (glob.isEmpty()) {
            throw new IllegalArgumentException("'" + pattern + "' has no " + what);
        }
        StringBuilder regex = new StringBuilder(glob.length() + 8);
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (Character.isWhitespace(c) || c == '@' || c == '=') {
                throw new IllegalArgumentException("the " + what + " '" + glob + "' of '" + pattern + "' contains '"
                        + c + "'");
            }
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> {
                    if (!Character.isLetterOrDigit(c)) {
                        regex.append('\\');
                    }
                    regex.append(c);
                }
            }
        }
        return Pattern.compile(regex.toString());
    }

    /**
     * @param systemKind the kind of the system the object is a component of, or {@code null} when it is not in one
     */
    boolean matches(ObjectType objectType, String objectKind, String systemKind) {
        return (type == null || type == objectType) && kind.matcher(objectKind).matches()
                && (system == null || systemKind != null && system.matcher(systemKind).matches());
    }
}
