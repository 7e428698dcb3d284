package org.arxos.api.render;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;

import org.arxos.model.Revision;
import org.osgi.annotation.versioning.ConsumerType;

/** Draws part of a floor of a revision. Register with {@code arxos.impl} set to the renderer's name. */
@ConsumerType
public interface Renderer {

    /** Formats drawn, e.g. {@code svg}, {@code png}. */
    Set<String> formats();

    /** Writes the drawing to {@code out} and says what it drew. */
    RenderResult render(Revision revision, RenderRequest request, OutputStream out) throws IOException;
}
