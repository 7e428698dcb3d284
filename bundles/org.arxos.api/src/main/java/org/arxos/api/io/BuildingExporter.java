package org.arxos.api.io;

import java.io.IOException;
import java.io.OutputStream;

import org.arxos.model.Revision;
import org.osgi.annotation.versioning.ConsumerType;

/** Writes a revision in one file format, streaming. Register with {@code arxos.impl} set to the exporter's name. */
@ConsumerType
public interface BuildingExporter {

    String mediaType();

    /** The file extension, lower case without the dot. */
    String extension();

    void write(Revision revision, OutputStream out) throws IOException;
}
