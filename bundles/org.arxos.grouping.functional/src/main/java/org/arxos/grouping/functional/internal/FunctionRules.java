package org.arxos.grouping.functional.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import org.arxos.model.ObjectType;

/**
 * The ordered rules that give every object a function. A rule reads {@code function=pattern,pattern,...} with
 * {@link ObjectPattern patterns} such as {@code component:lamp*} or {@code component:riser@plumbing}; the first rule
 * with a pattern that matches an object gives its function, and an object that no rule matches has the function
 * {@value #OTHER}. A function names a group, so it is lower-case letters, digits and hyphens. Two rule lists are
 * equal when their rules read the same.
 */
final class FunctionRules {

    static final String OTHER = "other";

    private static final Pattern FUNCTION = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final List<String> text;
    private final List<FunctionRule> rules;

    private FunctionRules(List<String> text, List<FunctionRule> rules) {
        this.text = text;
        this.rules = rules;
    }

    /** Reads rules in order; blank entries are skipped. @throws RuleSyntaxException for the first rule that is wrong */
    static FunctionRules parse(String... lines) throws RuleSyntaxException {
        List<String> text = new ArrayList<>(lines.length);
        List<FunctionRule> rules = new ArrayList<>(lines.length);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i] == null ? "" : lines[i].trim();
            if (!line.isEmpty()) {
                rules.add(rule(i, line));
                text.add(line);
            }
        }
        return new FunctionRules(List.copyOf(text), List.copyOf(rules));
    }

    private static FunctionRule rule(int index, String line) throws RuleSyntaxException {
        int equals = line.indexOf('=');
        if (equals < 0) {
            throw new RuleSyntaxException(index, line, "it is not function=type:kind,... (such as "
                    + "lighting=component:light-fixture,component:lamp*)");
        }
        String function = line.substring(0, equals).trim();
        if (!FUNCTION.matcher(function).matches()) {
            throw new RuleSyntaxException(index, line, "the function '" + function
                    + "' must be lower-case letters, digits and hyphens, starting with a letter or digit");
        }
        List<ObjectPattern> patterns = new ArrayList<>();
        for (String pattern : line.substring(equals + 1).split(",", -1)) {
            if (pattern.isBlank()) {
                throw new RuleSyntaxException(index, line, "a pattern is empty");
            }
            try {
                patterns.add(ObjectPattern.parse(pattern.trim()));
            } catch (IllegalArgumentException e) {
                throw new RuleSyntaxException(index, line, e.getMessage());
            }
        }
        return new FunctionRule(function, List.copyOf(patterns));
    }

    /**
     * The function of an object.
     *
     * @param systemKind the kind of the system the object is a component of, or {@code null} when it is not in one
     */
    String functionOf(ObjectType type, String kind, String systemKind) {
        for (FunctionRule rule : rules) {
            if (rule.matches(type, kind, systemKind)) {
                return rule.function();
            }
        }
        return OTHER;
    }

    /** A short fingerprint of the rules' text: equal rules have equal fingerprints. */
    String fingerprint() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FunctionRules other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return String.join("; ", text);
    }
}
