package org.arxos.api.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Reads a file format into a change set that creates a building. Register as a service with {@code arxos.impl} set to
 * the importer's name; the platform picks an importer by media type or file extension.
 * Implementations stream their input and enforce {@link ImportOptions#maxObjects()}.
 */
@ConsumerType
public interface BuildingImporter {

    /** Media types read, e.g. {@code application/x-step}. */
    Set<String> mediaTypes();

    /** File extensions read, lower case without the dot, e.g. {@code ifc}. */
    Set<String> extensions();

    /**
     * @throws ImportException naming the source, line and field of the first problem that stops the import
     * @throws IOException     when the stream cannot be read
     */
    ImportResult read(InputStream in, ImportOptions options) throws ImportException, IOException;
}
