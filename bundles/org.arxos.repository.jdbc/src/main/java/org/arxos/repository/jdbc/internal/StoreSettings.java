package org.arxos.repository.jdbc.internal;

/**
 * @param snapshotInterval store a full snapshot every this many revisions (revision 1 always has one)
 * @param cachedBuildings  how many head revisions to keep in memory; 0 keeps none
 * @param chunkBytes       the most bytes of one stored row of a snapshot or change set
 */
public record StoreSettings(int snapshotInterval, int cachedBuildings, int chunkBytes) {

    public static final int DEFAULT_CHUNK_BYTES = 1 << 20;

    public StoreSettings {
        if (snapshotInterval < 1) {
            throw new IllegalArgumentException("snapshotInterval must be at least 1 but was " + snapshotInterval);
        }
        if (cachedBuildings < 0) {
            throw new IllegalArgumentException("cachedBuildings must not be negative but was " + cachedBuildings);
        }
        if (chunkBytes < 1024) {
            throw new IllegalArgumentException("chunkBytes must be at least 1024 but was " + chunkBytes);
        }
    }

    public static StoreSettings of(int snapshotInterval, int cachedBuildings) {
        return new StoreSettings(snapshotInterval, cachedBuildings, DEFAULT_CHUNK_BYTES);
    }
}
