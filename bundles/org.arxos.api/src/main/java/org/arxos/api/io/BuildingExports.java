package org.arxos.api.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.NoSuchElementException;

import org.arxos.api.repository.UnknownBuildingException;
import org.arxos.api.selection.NoImplementationException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The one way buildings become files, for the REST API, the Gogo shell and any other caller: picks the exporter among
 * every registered {@link BuildingExporter} (the serving one first, then by ranking) by file extension, media type or
 * an HTTP {@code Accept} list, and writes a revision (or part of one) of a building of the serving
 * {@code BuildingRepository}.
 *
 * <p>The native JSON format ({@value #DEFAULT_FORMAT}) is the default: it is chosen when nothing is asked for, and it
 * wins when a wildcard ({@code *}{@code /*}, {@code application/*}) fits several exporters equally.
 */
@ProviderType
public interface BuildingExports {

    /** The extension of the default format, the native JSON building document. */
    String DEFAULT_FORMAT = "json";

    /** Every running exporter, the serving one first, then by ranking. */
    List<BuildingExporter> exporters();

    /**
     * The exporter for a format: the first exporter (see {@link #exporters()}) whose extension is {@code format}
     * (case-insensitive, a leading dot allowed) or, when {@code format} contains a {@code /}, whose media type it is
     * (parameters and case ignored). Without a format, the extension of {@code fileName} decides; without either,
     * the default format.
     *
     * @param format   an extension such as {@code ifc} or a media type such as {@code image/svg+xml}, or
     *                 {@code null}
     * @param fileName the file to write (a path is fine), or {@code null}
     * @throws ExportFormatException listing what the running exporters write, when none fits
     */
    BuildingExporter exporterFor(String format, String fileName) throws ExportFormatException;

    /**
     * The exporter for an HTTP {@code Accept} header (RFC 9110): the one whose media type the header rates highest,
     * a more specific media range taking precedence over a wildcard; {@code application/json} fits any
     * {@code +json} type. Ties go to the range listed first, then to the default format, then to the exporter listed
     * first. A missing or blank header means the default format.
     *
     * @throws ExportFormatException listing what the running exporters write, when the header accepts none of them
     */
    BuildingExporter exporterAccepting(String accept) throws ExportFormatException;

    /**
     * Writes a revision of a building, or the subtree of one object, with the exporter
     * {@link #exporterFor(String, String) chosen} by the request's format and file name. The stream is flushed, not
     * closed. Nothing is written when the building, revision, object or format is unknown.
     *
     * @throws ExportFormatException         when no exporter writes the format
     * @throws UnknownBuildingException      when the tenant has no such building or revision
     * @throws NoSuchElementException        when the revision has no object {@link ExportRequest#subtreeId()}
     * @throws UnsupportedOperationException when the format cannot write a part of a building (the exporter's
     *                                       message)
     * @throws IllegalArgumentException      when the format cannot write this part (the exporter's message)
     * @throws NoImplementationException     when no repository runs
     * @throws IOException                   when the stream cannot be written
     */
    ExportedRevision export(ExportRequest request, OutputStream out) throws ExportFormatException, IOException;
}
