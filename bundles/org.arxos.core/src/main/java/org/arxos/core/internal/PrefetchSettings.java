package org.arxos.core.internal;

/**
 * How tiles are drawn ahead, read once per configuration change.
 *
 * @param enabled  whether the neighbours of a requested tile are drawn ahead
 * @param parent   whether its parent tile is drawn ahead too
 * @param children whether the four tiles of the next zoom level that cover it are drawn ahead too
 * @param queue    tiles waiting to be drawn ahead at most (a requested tile whose surroundings are still to be listed
 *                 counts as one)
 */
public record PrefetchSettings(boolean enabled, boolean parent, boolean children, int queue) {

    public PrefetchSettings {
        queue = Math.max(1, queue);
    }

    /** Neighbours, and the parent when asked for, without the next zoom level. */
    public PrefetchSettings(boolean enabled, boolean parent, int queue) {
        this(enabled, parent, false, queue);
    }

    public static PrefetchSettings defaults() {
        return new PrefetchSettings(true, false, true, 1024);
    }

    static PrefetchSettings of(PrefetchConfiguration configuration) {
        return new PrefetchSettings(configuration.enabled(), configuration.parent(), configuration.children(),
                configuration.queue());
    }
}
