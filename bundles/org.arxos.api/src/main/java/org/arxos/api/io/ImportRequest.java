package org.arxos.api.io;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * What to import and for whom.
 *
 * @param tenant      the tenant that receives the building
 * @param user        who imports: recorded as the author and made the building's owner; {@code null} for nobody
 *                    (an operator at the console), recorded as {@value #NO_USER_AUTHOR} with no role granted
 * @param sourceName  the file name: its extension picks the importer when the media type does not, and messages
 *                    name it
 * @param mediaType   the file's media type, or {@code null}
 * @param buildingId  the id to give the building, or {@code null} to take the file's
 * @param totalBytes  the file's length when known (for the percentage), else -1
 * @param maxObjects  the most objects and connections to accept, or 0 for the platform's configured limit
 * @param progress    hears of the progress every few seconds, on the thread that imports; never {@code null}
 */
public record ImportRequest(String tenant, String user, String sourceName, String mediaType, String buildingId,
        long totalBytes, long maxObjects, Consumer<ImportJob> progress) {

    /** The author recorded when no user imports. */
    public static final String NO_USER_AUTHOR = "console";

    public ImportRequest {
        Objects.requireNonNull(tenant, "tenant");
        if (tenant.isBlank()) {
            throw new IllegalArgumentException("name the tenant that receives the building");
        }
        sourceName = sourceName == null || sourceName.isBlank() ? "upload" : sourceName;
        user = user == null || user.isBlank() ? null : user;
        buildingId = buildingId == null || buildingId.isBlank() ? null : buildingId;
        totalBytes = totalBytes < 0 ? -1 : totalBytes;
        maxObjects = Math.max(0, maxObjects);
        progress = progress == null ? job -> { } : progress;
    }

    public static ImportRequest of(String tenant, String user, String sourceName) {
        return new ImportRequest(tenant, user, sourceName, null, null, -1, 0, null);
    }

    /** The user, or {@value #NO_USER_AUTHOR} when nobody is named. */
    public String author() {
        return user == null ? NO_USER_AUTHOR : user;
    }

    public ImportRequest withMediaType(String type) {
        return new ImportRequest(tenant, user, sourceName, type, buildingId, totalBytes, maxObjects, progress);
    }

    public ImportRequest withBuildingId(String id) {
        return new ImportRequest(tenant, user, sourceName, mediaType, id, totalBytes, maxObjects, progress);
    }

    public ImportRequest withTotalBytes(long bytes) {
        return new ImportRequest(tenant, user, sourceName, mediaType, buildingId, bytes, maxObjects, progress);
    }

    public ImportRequest withMaxObjects(long most) {
        return new ImportRequest(tenant, user, sourceName, mediaType, buildingId, totalBytes, most, progress);
    }

    public ImportRequest withProgress(Consumer<ImportJob> listener) {
        return new ImportRequest(tenant, user, sourceName, mediaType, buildingId, totalBytes, maxObjects, listener);
    }
}
