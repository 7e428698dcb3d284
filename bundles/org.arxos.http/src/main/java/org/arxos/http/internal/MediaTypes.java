package org.arxos.http.internal;

import java.util.Locale;

/** Media type comparisons that ignore parameters and case. */
final class MediaTypes {

    static final String JSON = "application/json";

    private MediaTypes() {
    }

    /** {@code type/subtype} in lower case without parameters, or {@code null} for a missing or blank header. */
    static String essence(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String essence = (semicolon >= 0 ? contentType.substring(0, semicolon) : contentType).strip()
                .toLowerCase(Locale.ROOT);
        return essence.isEmpty() ? null : essence;
    }

    /** {@code application/json} or any {@code +json} type. */
    static boolean isJson(String essence) {
        return essence != null && (essence.equals(JSON) || essence.endsWith("+json"));
    }
}
