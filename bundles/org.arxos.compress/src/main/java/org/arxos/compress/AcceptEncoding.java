package org.arxos.compress;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The quality values of an {@code Accept-Encoding} header. */
final class AcceptEncoding {

    private final Map<String, Double> qualities;
    private final Double wildcard;

    private AcceptEncoding(Map<String, Double> qualities) {
        this.qualities = qualities;
        this.wildcard = qualities.get("*");
    }

    static AcceptEncoding parse(String header) {
        Map<String, Double> qualities = new HashMap<>();
        for (String element : header.split(",")) {
            String[] parts = element.split(";");
            String name = parts[0].trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            double quality = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim();
                if (parameter.length() > 2 && parameter.substring(0, 2).equalsIgnoreCase("q=")) {
                    quality = parseQuality(parameter.substring(2));
                }
            }
            qualities.merge(name.equals("x-gzip") ? "gzip" : name, quality, Math::max);
        }
        return new AcceptEncoding(qualities);
    }

    private static double parseQuality(String value) {
        try {
            double quality = Double.parseDouble(value.trim());
            return quality >= 0 && quality <= 1 ? quality : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * The quality the client gives a coding: its own, else the wildcard's; identity is acceptable unless refused by
     * name or by a wildcard of quality 0 (RFC 9110 section 12.5.3).
     */
    double quality(ContentCoding coding) {
        Double named = qualities.get(coding.token());
        if (named != null) {
            return named;
        }
        if (wildcard != null) {
            return wildcard;
        }
        return coding == ContentCoding.IDENTITY ? 1 : 0;
    }
}
