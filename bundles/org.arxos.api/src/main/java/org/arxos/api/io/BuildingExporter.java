package org.arxos.api.io;

import java.io.IOException;
import java.io.OutputStream;

import org.arxos.model.BuildingObject;
import org.arxos.model.Revision;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Writes a revision in one file format, streaming. Register with {@code arxos.impl} set to the exporter's name; the
 * platform ({@link BuildingExports}) picks an exporter by file extension or media type.
 */
@ConsumerType
public interface BuildingExporter {

    String mediaType();

    /** The file extension, lower case without the dot. */
    String extension();

    /** Writes the whole building. The caller owns the stream (it is flushed, not closed). */
    void write(Revision revision, OutputStream out) throws IOException;

    /**
     * Writes the object {@code subtreeId} with its descendants (and what the format needs of its ancestors, e.g. as
     * enclosing groups, so that a re-import rebuilds the same parents). The caller owns the stream.
     *
     * <p>An exporter checks {@code subtreeId} before it writes the first byte, so that a caller (the REST API) can
     * still answer with an error instead of a cut-off file.
     *
     * <p>This default supports only the building root: for {@code null} or the root's id it writes the whole
     * building through {@link #write(Revision, OutputStream)}; for any other id it throws
     * {@link UnsupportedOperationException} with a message naming the format. Formats that can write part of a
     * building override it.
     *
     * @param subtreeId the object to write with its subtree, or {@code null} for the whole building
     * @throws UnsupportedOperationException when the format cannot write a part of a building, or not this part
     * @throws IllegalArgumentException      when the format can write parts but not this kind of object (the message
     *                                       names the object and its type)
     * @throws java.util.NoSuchElementException when an overriding exporter finds no object {@code subtreeId} (callers
     *                                       check the id first)
     */
    default void write(Revision revision, String subtreeId, OutputStream out) throws IOException {
        String rootId = revision.root().map(BuildingObject::id).orElse(null);
        if (subtreeId == null || subtreeId.equals(rootId)) {
            write(revision, out);
            return;
        }
        throw new UnsupportedOperationException("the " + extension() + " format (" + mediaType()
                + ") exports whole buildings only, not the subtree of '" + subtreeId + "'");
    }
}
