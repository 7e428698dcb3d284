package org.arxos.api.render;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;

import org.arxos.api.grouping.Hierarchy;
import org.arxos.model.Revision;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Draws part of a floor of a revision. Register with {@code arxos.impl} set to the renderer's name.
 *
 * <p>The hierarchy decides how objects are grouped in the drawing: one group element per hierarchy level, and the
 * outline of an object's group, with a count, where the object is too small to draw at the requested scale.
 */
@ConsumerType
public interface Renderer {

    /** Formats drawn, e.g. {@code svg}, {@code png}. */
    Set<String> formats();

    /**
     * Writes the drawing to {@code out} and says what it drew.
     *
     * @throws IllegalArgumentException naming the problem when the floor is not a floor of the revision, the format
     *                                  is not one of {@link #formats()} or the drawing would be too large
     */
    RenderResult render(Revision revision, Hierarchy hierarchy, RenderRequest request, OutputStream out)
            throws IOException;
}
