package org.arxos.api.io;

/**
 * @param sourceName  the file name, used in messages
 * @param buildingId  the id to give the building, or {@code null} to take it from the file
 * @param author      who imports, recorded in the change set
 * @param maxObjects  the most objects (and connections) to accept before failing with a clear error
 * @param progress    where to report how many objects have been read
 */
public record ImportOptions(String sourceName, String buildingId, String author, long maxObjects,
        ImportProgress progress) {

    public static final long DEFAULT_MAX_OBJECTS = 2_000_000;

    public ImportOptions {
        progress = progress == null ? ImportProgress.NONE : progress;
    }

    public ImportOptions(String sourceName, String buildingId, String author, long maxObjects) {
        this(sourceName, buildingId, author, maxObjects, ImportProgress.NONE);
    }

    public static ImportOptions of(String sourceName) {
        return new ImportOptions(sourceName, null, "", DEFAULT_MAX_OBJECTS);
    }
}
