package org.arxos.calculations.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A calculation's parameters, checked: an unknown or invalid one fails with an IllegalArgumentException naming it. */
final class Parameters {

    private final String calculation;
    private final Map<String, String> given;

    /**
     * @param names    the parameters the calculation takes
     * @param prefixes families of parameters (such as {@code property.}) the calculation takes under any suffix
     */
    Parameters(String calculation, Map<String, String> given, Set<String> names, Set<String> prefixes) {
        this.calculation = calculation;
        this.given = given;
        for (String name : given.keySet()) {
            if (!names.contains(name) && prefixes.stream().noneMatch(p -> name.startsWith(p) && name.length() > p.length())) {
                Set<String> known = new TreeSet<>(names);
                prefixes.forEach(p -> known.add(p + "<kind>"));
                throw new IllegalArgumentException("unknown parameter '" + name + "' for " + calculation
                        + "; it takes: " + String.join(", ", known));
            }
        }
    }

    Parameters(String calculation, Map<String, String> given, Set<String> names) {
        this(calculation, given, names, Set.of());
    }

    /** A number from {@code min} to {@code max}, both included. */
    double number(String name, double fallback, double min, double max) {
        String text = given.get(name);
        if (text == null) {
            return fallback;
        }
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(invalid(name, text) + ": it must be a number from " + plain(min)
                    + " to " + plain(max));
        }
        return value;
    }

    /** A number above {@code exclusiveMin} and at most {@code max}. */
    double positive(String name, double fallback, double exclusiveMin, double max) {
        double value = number(name, fallback, exclusiveMin, max);
        if (value <= exclusiveMin) {
            throw new IllegalArgumentException(invalid(name, given.get(name)) + ": it must be more than "
                    + plain(exclusiveMin) + " and at most " + plain(max));
        }
        return value;
    }

    int integer(String name, int fallback, int min, int max) {
        String text = given.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the range
        }
        throw new IllegalArgumentException(invalid(name, text) + ": it must be a whole number from " + min + " to "
                + max);
    }

    /** A comma-separated list of distinct names, each one of {@code allowed} unless that is empty. */
    List<String> names(String name, List<String> fallback, Set<String> allowed) {
        String text = given.get(name);
        if (text == null) {
            return fallback;
        }
        List<String> values = new ArrayList<>();
        for (String part : text.split(",")) {
            String value = part.trim().toLowerCase(Locale.ROOT);
            if (value.isEmpty()) {
                continue;
            }
            if (!allowed.isEmpty() && !allowed.contains(value)) {
                throw new IllegalArgumentException(invalid(name, text) + ": '" + value + "' is not one of "
                        + String.join(", ", new TreeSet<>(allowed)));
            }
            if (!values.contains(value)) {
                values.add(value);
            }
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException(invalid(name, text) + ": it must name at least one value");
        }
        return values;
    }

    /** One of {@code allowed}. */
    String choice(String name, String fallback, Set<String> allowed) {
        String text = given.get(name);
        if (text == null) {
            return fallback;
        }
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(invalid(name, text) + ": it must be one of "
                    + String.join(", ", new TreeSet<>(allowed)));
        }
        return value;
    }

    String text(String name, String fallback) {
        String text = given.get(name);
        if (text == null) {
            return fallback;
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException(invalid(name, text) + ": it must not be empty");
        }
        return text.trim();
    }

    private String invalid(String name, String text) {
        return "invalid parameter '" + name + "' for " + calculation + ": '" + text + "'";
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
