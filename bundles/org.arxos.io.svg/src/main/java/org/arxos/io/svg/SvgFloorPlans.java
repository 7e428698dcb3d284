package org.arxos.io.svg;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.NoSuchElementException;

import org.arxos.api.io.ImportException;
import org.arxos.api.io.ImportOptions;
import org.arxos.api.io.ImportResult;
import org.arxos.io.svg.internal.SvgFiles;
import org.arxos.model.Revision;

/**
 * SVG floor plans in and out. Reading takes any SVG: an Arxos export ({@code data-arxos-format="1"} on the root) is
 * read back exactly, any other drawing is mapped through Batik by a {@link SvgMapping}. Writing produces the Arxos
 * form, for a whole building or for one floor or zone. Thread safe; the caller owns the streams.
 */
public final class SvgFloorPlans {

    public static final String MEDIA_TYPE = "image/svg+xml";
    public static final String EXTENSION = "svg";

    private SvgFloorPlans() {
    }

    /** Reads with the default mapping and limits. */
    public static ImportResult read(InputStream in, ImportOptions options) throws ImportException, IOException {
        return read(in, options, SvgMapping.DEFAULT, SvgLimits.DEFAULT);
    }

    /**
     * @throws ImportException naming the source, the line and the element of the first problem: not SVG, not
     *                         well-formed, entities, limits, values out of range
     */
    public static ImportResult read(InputStream in, ImportOptions options, SvgMapping mapping, SvgLimits limits)
            throws ImportException, IOException {
        return SvgFiles.read(in, options, mapping, limits);
    }

    /** Writes the whole building. */
    public static void write(Revision revision, OutputStream out) throws IOException {
        SvgFiles.write(revision, null, out);
    }

    /**
     * Writes one floor or zone (or any object) with its subtree, inside groups for its ancestors so that a re-import
     * rebuilds the same parents; connections are written when both ends are in the file.
     *
     * @throws NoSuchElementException when the revision has no object {@code objectId}
     */
    public static void write(Revision revision, String objectId, OutputStream out) throws IOException {
        SvgFiles.write(revision, objectId, out);
    }
}
