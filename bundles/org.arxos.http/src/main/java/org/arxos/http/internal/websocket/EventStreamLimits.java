package org.arxos.http.internal.websocket;

/** The checked {@link EventStreamConfiguration}. */
record EventStreamLimits(int maxQueuedEvents, int maxClientMessageBytes, int maxSubscriptions) {

    EventStreamLimits {
        require(maxQueuedEvents >= 1, "maxQueuedEvents must be at least 1, but was " + maxQueuedEvents);
        require(maxClientMessageBytes >= 64, "maxClientMessageBytes must be at least 64, but was "
                + maxClientMessageBytes);
        require(maxSubscriptions >= 1, "maxSubscriptions must be at least 1, but was " + maxSubscriptions);
    }

    static EventStreamLimits of(EventStreamConfiguration c) {
        return new EventStreamLimits(c.maxQueuedEvents(), c.maxClientMessageBytes(), c.maxSubscriptions());
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("configuration " + EventStreamConfiguration.PID + ": " + problem);
        }
    }
}
