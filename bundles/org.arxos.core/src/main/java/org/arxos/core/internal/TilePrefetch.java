package org.arxos.core.internal;

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
 * asks for them next). Each is drawn like the requested tile (strategy, format, limits), at most once while it waits,
 * and dropped when the queue is full.
 */
@Component(service = TilePrefetch.class, configurationPid = PrefetchConfiguration.PID)
@Designate(ocd = PrefetchConfiguration.class)
public final class TilePrefetch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TilePrefetch.class);

    /** What a tile drawn ahead is: equal for equal drawings. */
    private record Ahead(String tenant, String buildingId, String contentHash, String strategy, RenderRequest request) {
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
        PrefetchSettings s = settings;
        if (!s.enabled()) {
            return;
        }
        for (TileAddress next : TilePyramid.around(tile, extent, s.parent())) {
            RenderRequest request = next.request(extent, drawn.format(), drawn.maxElements(), drawn.minPixels());
            work.offer(new Ahead(tenant, buildingId, revision.contentHash(), strategy, request),
                    () -> drawAhead(tenant, buildingId, revision, strategy, request));
        }
    }

    /** Tiles waiting or being drawn. */
    public int pending() {
        return work.pending();
    }

    /** Tiles not drawn ahead because the queue was full. */
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
