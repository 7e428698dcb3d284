package org.arxos.api.io;

import java.util.Objects;

/**
 * What to export.
 *
 * @param tenant     the tenant the building belongs to
 * @param buildingId the building
 * @param revision   the revision number, or 0 for the head
 * @param format     an extension or media type (see {@link BuildingExports#exporterFor}), or {@code null} to go by
 *                   the file name
 * @param fileName   the file written, or {@code null}; its extension picks the format when none is given
 * @param subtreeId  the object to write with its subtree, or {@code null} for the whole building
 */
public record ExportRequest(String tenant, String buildingId, long revision, String format, String fileName,
        String subtreeId) {

    public ExportRequest {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(buildingId, "buildingId");
        if (revision < 0) {
            throw new IllegalArgumentException("revision must be 1 or more, or 0 for the head, but was " + revision);
        }
        format = format == null || format.isBlank() ? null : format.strip();
        fileName = fileName == null || fileName.isBlank() ? null : fileName;
        subtreeId = subtreeId == null || subtreeId.isBlank() ? null : subtreeId;
    }

    /** The head of a building as a whole, in the format of the file name's extension. */
    public static ExportRequest of(String tenant, String buildingId, String fileName) {
        return new ExportRequest(tenant, buildingId, 0, null, fileName, null);
    }
}
