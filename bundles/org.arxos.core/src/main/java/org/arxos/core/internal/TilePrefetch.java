package org.arxos.core.internal;

import java.util.ArrayList;
import java.util.List;

import org.arxos.api.render.RenderRequest;
import org.arxos.api.render.TileAddress;
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
 * Draws the tiles around a requested one into the cache in the background (predictive caching: a client that pans
 * or zooms in asks for them next): its neighbours, the four tiles of the next zoom level inside it and, when asked
 * for, its parent. Each is drawn like the requested tile (strategy, format, limits), at most once while it waits,
 * and dropped when the queue is full.
 *
 * <p>The request only queues its tile; which tiles are around it is worked out in the background too. Most requests
 * are answered from the cache in microseconds, and listing a dozen tiles with their drawing requests took as long
 * again on the request's thread.
 */
@Component(service = TilePrefetch.class, configurationPid = PrefetchConfiguration.PID)
@Designate(ocd = PrefetchConfiguration.class)
public final class TilePrefetch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TilePrefetch.class);
    /** The deepest zoom a tile request is recognised at (TilePyramid.tileOf): 2^30 tiles a side. */
    private static final int MAX_ZOOM = 30;

    /** What a tile drawn ahead is: equal for equal drawings. */
    private record Ahead(String tenant, String buildingId, String contentHash, String strategy, RenderRequest request) {
    }

    /** The tiles around a requested one, still to be listed and queued: equal for equal requests. */
    private record Around(String tenant, String buildingId, String contentHash, String strategy, TileAddress tile,
            String format, int maxElements, double minPixels) {
    }

    private final FloorDrawings drawings;
    private final BackgroundWork work;
    private volatile PrefetchSettings settings;

    @Activate
    public TilePrefetch(@Reference FloorDrawings drawings, PrefetchConfiguration configuration) {
        this(drawings, PrefetchSettings.of(configuration));
    }

    public TilePrefetch(FloorDrawings drawings, PrefetchSettings settings) {
        this.drawings = drawings;
        this.settings = settings;
        this.work = new BackgroundWork("arxos-tile-prefetch", settings.queue());
    }

    @Modified
    void modified(PrefetchConfiguration configuration) {
        settings = PrefetchSettings.of(configuration);
        work.limit(settings.queue());
    }

    @Deactivate
    @Override
    public void close() {
        work.close();
    }

    /**
     * Queues the tiles around a tile just drawn.
     *
     * @param drawn  the tile's request, whose format and limits the others get
     * @param extent the floor's extent
     */
    public void around(String tenant, String buildingId, Revision revision, String strategy, TileAddress tile,
            RenderRequest drawn, Bounds extent) {
        if (settings.enabled()) {
            work.offer(new Around(tenant, buildingId, revision.contentHash(), strategy, tile, drawn.format(),
                    drawn.maxElements(), drawn.minPixels()), () -> queueAround(tenant, buildingId, revision, strategy,
                    tile, drawn, extent));
        }
    }

    private void queueAround(String tenant, String buildingId, Revision revision, String strategy, TileAddress tile,
            RenderRequest drawn, Bounds extent) {
        PrefetchSettings s = settings;
        List<TileAddress> ahead = new ArrayList<>(TilePyramid.around(tile, extent, s.parent()));
        if (s.children()) {
            ahead.addAll(children(tile, extent));
        }
        for (TileAddress next : ahead) {
            RenderRequest request = next.request(extent, drawn.format(), drawn.maxElements(), drawn.minPixels());
            work.offer(new Ahead(tenant, buildingId, revision.contentHash(), strategy, request),
                    () -> drawAhead(tenant, buildingId, revision, strategy, request));
        }
    }

    /** The tiles of the next zoom level that cover the tile and show part of the floor. */
    static List<TileAddress> children(TileAddress tile, Bounds extent) {
        List<TileAddress> children = new ArrayList<>(4);
        if (tile.zoom() < MAX_ZOOM) {
            for (int dy = 0; dy <= 1; dy++) {
                for (int dx = 0; dx <= 1; dx++) {
                    TileAddress child = new TileAddress(tile.floorId(), tile.zoom() + 1, 2 * tile.x() + dx,
                            2 * tile.y() + dy);
                    if (TilePyramid.showsFloor(child, extent)) {
                        children.add(child);
                    }
                }
            }
        }
        return children;
    }

    /** Tiles waiting or being drawn, and requested tiles whose surroundings wait to be listed. */
    public int pending() {
        return work.pending();
    }

    /** Tiles not drawn ahead, and requested tiles whose surroundings were not, because the queue was full. */
    public long dropped() {
        return work.dropped();
    }

    private void drawAhead(String tenant, String buildingId, Revision revision, String strategy,
            RenderRequest request) {
        try {
            drawings.warm(tenant, buildingId, revision, strategy, request);
        } catch (RuntimeException e) {
            // the tile is drawn (and the problem reported) if it is ever asked for
            LOG.debug("Tile {} of building '{}' was not drawn ahead: {}", request, buildingId, e.toString());
        }
    }
}
