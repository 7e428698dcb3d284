package org.arxos.core.internal;

/**
 * How tiles are drawn ahead, read once per configuration change.
 *
 * @param enabled whether the neighbours of a requested tile are drawn ahead
 * @param parent  whether its parent tile is drawn ahead too
 * @param queue   tiles waiting to be drawn ahead at most
 */
public record PrefetchSettings(boolean enabled, boolean parent, int queue) {

    public PrefetchSettings {
        queue = Math.max(1, queue);
    }

    public static PrefetchSettings defaults() {
        return new PrefetchSettings(true, false, 256);
    }

    static PrefetchSettings of(PrefetchConfiguration configuration) {
        return new PrefetchSettings(configuration.enabled(), configuration.parent(), configuration.queue());
    }
}
