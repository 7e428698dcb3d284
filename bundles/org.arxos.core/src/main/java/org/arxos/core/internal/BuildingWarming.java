package org.arxos.core.internal;

import java.util.concurrent.TimeUnit;

import org.arxos.api.cache.Cache;
import org.arxos.api.grouping.HierarchyView;
import org.arxos.api.grouping.HierarchyViews;
import org.arxos.api.render.TileAddress;
import org.arxos.api.repository.BuildingRepository;
import org.arxos.api.selection.ImplementationSelector;
import org.arxos.model.BuildingObject;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares a new building for its first viewers, in the background: groups its default hierarchy (kept by the
 * hierarchy views) and draws the low-zoom tiles of every floor into the cache, as the HTTP API asks for them without
 * a strategy. One building at a time on a thread of the lowest priority; buildings beyond the queue are not warmed.
 */
@Component(service = BuildingWarming.class, configurationPid = WarmingConfiguration.PID)
@Designate(ocd = WarmingConfiguration.class)
public final class BuildingWarming {

    private static final Logger LOG = LoggerFactory.getLogger(BuildingWarming.class);

    private record Building(String tenant, String id) {
    }

    private final ImplementationSelector selector;
    private final HierarchyViews views;
    private final FloorDrawings drawings;
    private final BackgroundWork work;
    private volatile WarmingSettings settings;

    @Activate
    public BuildingWarming(@Reference ImplementationSelector selector, @Reference HierarchyViews views,
            @Reference FloorDrawings drawings, WarmingConfiguration configuration) {
        this(selector, views, drawings, WarmingSettings.of(configuration));
    }

    public BuildingWarming(ImplementationSelector selector, HierarchyViews views, FloorDrawings drawings,
            WarmingSettings settings) {
        this.selector = selector;
        this.views = views;
        this.drawings = drawings;
        this.settings = settings;
        this.work = new BackgroundWork("arxos-cache-warming", settings.queue());
    }

    @Modified
    void modified(WarmingConfiguration configuration) {
        settings = WarmingSettings.of(configuration);
        work.limit(settings.queue());
    }

    @Deactivate
    public void close() {
        work.close();
    }

    /**
     * Queues the warming of the building's head revision (read when its turn comes) and returns at once.
     *
     * @return whether it was queued: not when warming is off, the building waits already or the queue is full
     */
    public boolean warm(String tenant, String buildingId) {
        if (!settings.enabled()) {
            return false;
        }
        Building building = new Building(tenant, buildingId);
        boolean queued = work.offer(building, () -> warmNow(building));
        if (!queued) {
            LOG.debug("Building '{}' of tenant '{}' is not warmed: it waits already or the queue is full", buildingId,
                    tenant);
        }
        return queued;
    }

    /** Buildings waiting or being warmed. */
    public int pending() {
        return work.pending();
    }

    private void warmNow(Building building) {
        long start = System.nanoTime();
        WarmingSettings s = settings;
        try {
            Revision revision = selector.require(BuildingRepository.class).head(building.tenant(), building.id());
            HierarchyView view = views.view(building.tenant(), building.id(), revision, null);
            if (selector.select(Cache.class).isEmpty()) {
                LOG.info("Grouped building '{}' of tenant '{}' by '{}' for its first viewers; no cache runs, so no "
                        + "tiles were drawn ahead", building.id(), building.tenant(), view.strategy());
                return;
            }
            int floors = 0;
            int tiles = 0;
            for (BuildingObject floor : (Iterable<BuildingObject>) revision.objects()
                    .filter(o -> o.type() == ObjectType.FLOOR)::iterator) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                floors++;
                tiles += warmTiles(building, revision, floor, s);
            }
            LOG.info("Warmed building '{}' of tenant '{}' at revision {}: the '{}' hierarchy and {} tiles of {} "
                    + "floors (zoom 0 to {}) in {} ms", building.id(), building.tenant(), revision.number(),
                    view.strategy(), tiles, floors, s.maxZoom(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        } catch (RuntimeException e) {
            LOG.warn("Could not warm the cache for building '{}' of tenant '{}': {}", building.id(), building.tenant(),
                    e.getMessage());
        }
    }

    /** Draws the floor's tiles that show part of it; a floor with nothing to draw has none. */
    private int warmTiles(Building building, Revision revision, BuildingObject floor, WarmingSettings s) {
        Bounds extent;
        try {
            extent = drawings.extent(revision, floor.id());
        } catch (IllegalArgumentException e) {
            return 0;
        }
        int tiles = 0;
        for (int zoom = 0; zoom <= s.maxZoom(); zoom++) {
            for (int y = 0; y < 1 << zoom; y++) {
                for (int x = 0; x < 1 << zoom; x++) {
                    TileAddress tile = new TileAddress(floor.id(), zoom, x, y);
                    if (TilePyramid.showsFloor(tile, extent)) {
                        for (String format : s.formats()) {
                            drawings.warm(building.tenant(), building.id(), revision, null,
                                    tile.request(extent, format, s.maxElements(), s.minPixels()));
                            tiles++;
                        }
                    }
                }
            }
        }
        return tiles;
    }
}
