package org.arxos.repository.jdbc.internal;

/**
 * @param snapshotInterval store a full snapshot every this many revisions (revision 1 always has one)
 * @param cachedBuildings  how many head revisions to keep in memory; 0 keeps none
 * @param chunkBytes       the most bytes of one stored row of a snapshot or change set
 * @param maxConnections   the most database connections open at once
 * @param connectionWaitMillis how long a call waits for a free connection, or for a new one while the database is
 *                         unreachable, before it fails
 */
public record StoreSettings(int snapshotInterval, int cachedBuildings, int chunkBytes, int maxConnections,
        long connectionWaitMillis) {

    public static final int DEFAULT_CHUNK_BYTES = 1 << 20;
    public static final int DEFAULT_MAX_CONNECTIONS = 8;
    public static final long DEFAULT_CONNECTION_WAIT_MILLIS = 5_000;

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
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1 but was " + maxConnections);
        }
        if (connectionWaitMillis < 250) {
            throw new IllegalArgumentException("connectionWaitMillis must be at least 250 but was "
                    + connectionWaitMillis);
        }
    }

    public static StoreSettings of(int snapshotInterval, int cachedBuildings) {
        return new StoreSettings(snapshotInterval, cachedBuildings, DEFAULT_CHUNK_BYTES, DEFAULT_MAX_CONNECTIONS,
                DEFAULT_CONNECTION_WAIT_MILLIS);
    }
}
