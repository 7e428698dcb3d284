package org.arxos.api.compress;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every running compressor refused the content: none takes its media type, or none recognises the data. The message,
 * fit for the user, lists why each refused; {@link #reasons()} has the same by compressor.
 */
public class ContentRefusedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, String> reasons;
    private final boolean mediaTypeRefused;

    /**
     * @param problem          what could not be done, such as {@code no running compressor compresses text/plain}
     * @param reasons          why each compressor refused, by {@code arxos.impl} name, in the order they were asked
     * @param mediaTypeRefused whether each refused the media type itself rather than the content
     */
    public ContentRefusedException(String problem, Map<String, String> reasons, boolean mediaTypeRefused) {
        super(problem + " (" + String.join("; ", reasons.entrySet().stream()
                .map(reason -> reason.getKey() + ": " + reason.getValue()).toList()) + ")");
        this.reasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
        this.mediaTypeRefused = mediaTypeRefused;
    }

    /** Why each compressor refused, by {@code arxos.impl} name, in the order they were asked. */
    public Map<String, String> reasons() {
        return reasons;
    }

    /** Whether each compressor refused the media type itself (none takes it) rather than the content. */
    public boolean mediaTypeRefused() {
        return mediaTypeRefused;
    }
}
