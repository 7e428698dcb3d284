package org.arxos.api.io;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * No running exporter writes the format asked for. The message names the formats the running exporters write;
 * {@link #problem()} is the first part alone.
 */
public class ExportFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String problem;
    private final transient Map<String, String> available;

    /**
     * @param available the media type of each extension the running exporters write
     */
    public ExportFormatException(String problem, Map<String, String> available) {
        super(problem + (available.isEmpty() ? " (no exporter is running)"
                : "; the running exporters write " + describe(new TreeMap<>(available))));
        this.problem = problem;
        this.available = new TreeMap<>(available);
    }

    private static String describe(Map<String, String> available) {
        StringBuilder text = new StringBuilder();
        available.forEach((extension, mediaType) -> text.append(text.length() == 0 ? "" : ", ").append(extension)
                .append(" (").append(mediaType).append(')'));
        return text.toString();
    }

    /** The problem without the list of formats, e.g. {@code no exporter writes 'dwg'}. */
    public String problem() {
        return problem;
    }

    /** The extensions the running exporters write, lower case without the dot, in alphabetical order. */
    public List<String> availableExtensions() {
        return List.copyOf(available.keySet());
    }

    /** The media types the running exporters write, in the order of {@link #availableExtensions()}. */
    public List<String> availableMediaTypes() {
        return List.copyOf(available.values());
    }
}
