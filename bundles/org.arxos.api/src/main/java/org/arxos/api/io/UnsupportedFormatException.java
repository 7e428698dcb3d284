package org.arxos.api.io;

import java.util.Set;
import java.util.TreeSet;

/**
 * No running importer reads the file. The message names the media types and extensions the running importers do read;
 * {@link #problem()} is the first part alone.
 */
public class UnsupportedFormatException extends ImportException {

    private static final long serialVersionUID = 1L;

    private final String problem;
    private final Set<String> acceptedMediaTypes;
    private final Set<String> acceptedExtensions;

    public UnsupportedFormatException(String source, String problem, Set<String> acceptedMediaTypes,
            Set<String> acceptedExtensions) {
        super(source, 0, null, problem + (acceptedExtensions.isEmpty() && acceptedMediaTypes.isEmpty() ? ""
                : "; the running importers read the extensions " + String.join(", ", new TreeSet<>(acceptedExtensions))
                        + " and the media types " + String.join(", ", new TreeSet<>(acceptedMediaTypes))));
        this.problem = problem;
        this.acceptedMediaTypes = new TreeSet<>(acceptedMediaTypes);
        this.acceptedExtensions = new TreeSet<>(acceptedExtensions);
    }

    /** The problem without the source in front, e.g. {@code no importer reads media type 'image/png' or ...}. */
    public String problem() {
        return problem;
    }

    /** In alphabetical order. */
    public Set<String> acceptedMediaTypes() {
        return acceptedMediaTypes;
    }

    /** Lower case without the dot, in alphabetical order. */
    public Set<String> acceptedExtensions() {
        return acceptedExtensions;
    }
}
