package org.arxos.api.io;

/**
 * What an export wrote.
 *
 * @param buildingId  the building
 * @param revision    the revision number written
 * @param extension   the format's extension, as the exporter names it
 * @param mediaType   the format's media type
 * @param subtreeId   the object whose subtree was written, or {@code null} for the whole building
 * @param objects     the objects written: all of them, or the subtree's (the object and its descendants, not
 *                    counting ancestors a format may add)
 * @param connections the connections of the building, or of a subtree those with both ends in it
 * @param bytes       the bytes written
 */
public record ExportedRevision(String buildingId, long revision, String extension, String mediaType,
        String subtreeId, int objects, int connections, long bytes) {
}
