package org.arxos.core.internal;

/**
 * How many hierarchies are kept and how far one is brought forward, read once per configuration change.
 *
 * @param cacheSize             hierarchies kept, least recently used out first
 * @param maxReplayedChangeSets change sets a kept hierarchy is brought forward through at most
 */
public record HierarchySettings(int cacheSize, int maxReplayedChangeSets) {

    public HierarchySettings {
        cacheSize = Math.max(1, cacheSize);
        maxReplayedChangeSets = Math.max(0, maxReplayedChangeSets);
    }

    public static HierarchySettings defaults() {
        return new HierarchySettings(16, 100);
    }

    static HierarchySettings of(HierarchiesConfiguration configuration) {
        return new HierarchySettings(configuration.cacheSize(), configuration.maxReplayedChangeSets());
    }
}
