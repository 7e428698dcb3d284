package org.arxos.http.internal.collab;

/** The checked {@link CollabConfiguration}. */
record CollabLimits(int maxMessageBytes, int maxFrameBytes, int maxQueuedMessages, int maxBatchMessages,
        int maxChangesPerOperation, int idleTimeoutSeconds) {

    CollabLimits {
        require(maxMessageBytes >= 64, "maxMessageBytes must be at least 64, but was " + maxMessageBytes);
        require(maxFrameBytes >= maxMessageBytes, "maxFrameBytes must be at least maxMessageBytes ("
                + maxMessageBytes + "), but was " + maxFrameBytes);
        require(maxQueuedMessages >= 1, "maxQueuedMessages must be at least 1, but was " + maxQueuedMessages);
        require(maxBatchMessages >= 1, "maxBatchMessages must be at least 1, but was " + maxBatchMessages);
        require(maxChangesPerOperation >= 1, "maxChangesPerOperation must be at least 1, but was "
                + maxChangesPerOperation);
        require(idleTimeoutSeconds >= 0, "idleTimeoutSeconds must be 0 or more, but was " + idleTimeoutSeconds);
    }

    static CollabLimits of(CollabConfiguration c) {
        return new CollabLimits(c.maxMessageBytes(), c.maxFrameBytes(), c.maxQueuedMessages(), c.maxBatchMessages(),
                c.maxChangesPerOperation(), c.idleTimeoutSeconds());
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("configuration " + CollabConfiguration.PID + ": " + problem);
        }
    }
}
