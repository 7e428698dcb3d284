package org.arxos.render.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;

import org.arxos.api.grouping.GroupNode;
import org.arxos.api.grouping.Hierarchy;
import org.arxos.api.render.RenderRequest;
import org.arxos.api.render.RenderResult;
import org.arxos.api.render.Renderer;
import org.arxos.api.render.TileAddress;
import org.arxos.model.BuildingObject;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Draws floors as SVG, and as PNG through Batik, from a spatial index per floor ({@link FloorIndex}, kept in a
 * {@link FloorIndexCache}) with level of detail by the hierarchy's groups ({@link LevelOfDetail}). Every check runs
 * before the first byte is written, so a caller can still answer a refused request with an error. A viewport must
 * meet the floor's extent: its footprint and everything on it.
 *
 * <p><b>Tiles.</b> A tile's request is {@link TileAddress#request} over the floor's <em>tile extent</em>: the bounds
 * of the floor object's own footprint, or, for a floor without one, the bounds of the floor's node in the hierarchy.
 * Both are known without an index, and the footprint does not move when an object inside the floor does, so tiles a
 * change does not touch keep their address and content. The same extent decides the finest scale drawn: that of a
 * tile at the configured deepest zoom.
 */
@Component(service = Renderer.class, configurationPid = RendererConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {"arxos.impl=svg-png", "service.ranking:Integer=0"})
@Designate(ocd = RendererConfiguration.class)
public final class SvgPngRenderer implements Renderer {

    static final String SVG = "svg";
    static final String PNG = "png";
    private static final Set<String> FORMATS = Set.of(SVG, PNG);
    /** How far a scale may pass the deepest tile's: the two are worked out in different orders of operations. */
    private static final double SCALE_TOLERANCE = 1e-9;

    private final FloorIndexCache indexes;
    private volatile RendererConfiguration configuration;

    @Activate
    public SvgPngRenderer(RendererConfiguration configuration) {
        this.configuration = configuration;
        this.indexes = new FloorIndexCache(configuration.indexCacheFloors());
    }

    @Modified
    void modified(RendererConfiguration changed) {
        configuration = changed;
        indexes.resize(changed.indexCacheFloors());
    }

    @Override
    public Set<String> formats() {
        return FORMATS;
    }

    /**
     * @throws IllegalArgumentException naming the floor and the value at fault when the format is unknown, the floor
     *                                  is not a floor of the revision, the drawing is empty or larger than allowed,
     *                                  the viewport misses the floor or the scale is finer than the deepest tile
     */
    @Override
    public RenderResult render(Revision revision, Hierarchy hierarchy, RenderRequest request, OutputStream out)
            throws IOException {
        RendererConfiguration limits = configuration;
        if (!FORMATS.contains(request.format())) {
            throw new IllegalArgumentException("format '" + request.format() + "' is not one of " + SVG + ", " + PNG);
        }
        BuildingObject floor = floorOf(revision, request.floorId());
        checkSize(request, limits);
        FloorIndex index = indexes.get(revision, floor);
        checkViewport(index, request.viewport());
        checkScale(index, hierarchy, request.scale(), limits.maxTileZoom());

        DrawingPlan plan = LevelOfDetail.plan(index, hierarchy, request.viewport(), request.scale(),
                Math.max(request.minPixels(), limits.minPixels()),
                Math.min(request.maxElements(), limits.maxElements()));
        int width = request.pixelWidth();
        int height = request.pixelHeight();
        String mediaType;
        if (request.format().equals(SVG)) {
            SvgDrawingWriter.write(revision, floor.id(), plan, width, height, out);
            mediaType = SvgDrawingWriter.MEDIA_TYPE;
        } else {
            ByteArrayOutputStream svg = new ByteArrayOutputStream(1 << 16);
            SvgDrawingWriter.write(revision, floor.id(), plan, width, height, svg);
            PngTranscoding.transcode(svg.toByteArray(), width, height, out);
            mediaType = PngTranscoding.MEDIA_TYPE;
        }
        return new RenderResult(mediaType, plan.drawn().size(), plan.aggregates().size(), plan.summarized(),
                plan.capped());
    }

    /** Floor indexes kept now. */
    int indexesKept() {
        return indexes.size();
    }

    private static BuildingObject floorOf(Revision revision, String floorId) {
        BuildingObject floor = revision.find(floorId).orElseThrow(() -> new IllegalArgumentException(
                "revision " + revision.number() + " has no floor '" + floorId + "'"));
        if (floor.type() != ObjectType.FLOOR) {
            throw new IllegalArgumentException("'" + floorId + "' is a " + floor.type().id() + ", not a floor, in "
                    + "revision " + revision.number());
        }
        return floor;
    }

    private static void checkSize(RenderRequest request, RendererConfiguration limits) {
        int width = request.pixelWidth();
        int height = request.pixelHeight();
        String drawing = "a " + width + " x " + height + " px drawing of viewport " + text(request.viewport())
                + " of floor '" + request.floorId() + "' at " + request.scale() + " px/m";
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException(drawing + " is empty: the viewport needs a width and a height");
        }
        int maxSide = limits.maxSidePixels();
        if (width > maxSide || height > maxSide) {
            throw new IllegalArgumentException(drawing + " is larger than " + maxSide + " px a side: draw a smaller "
                    + "viewport or at a smaller scale");
        }
        if (request.format().equals(PNG) && (long) width * height > limits.maxPngPixels()) {
            throw new IllegalArgumentException(drawing + " has more pixels than the " + limits.maxPngPixels()
                    + " a PNG may have");
        }
    }

    private static void checkViewport(FloorIndex index, Bounds viewport) {
        String floorId = index.floor().id();
        Bounds extent = index.extent();
        if (extent == null) {
            throw new IllegalArgumentException("floor '" + floorId + "' has no footprint and nothing on it has one: "
                    + "there is nothing to draw");
        }
        if (!viewport.intersects(extent)) {
            throw new IllegalArgumentException("viewport " + text(viewport) + " is outside floor '" + floorId
                    + "', which extends over " + text(extent));
        }
    }

    private static void checkScale(FloorIndex index, Hierarchy hierarchy, double scale, int maxZoom) {
        Bounds extent = tileExtent(index, hierarchy);
        // TileAddress's arithmetic: zoom 0 is one tile over the square around the extent.
        double side = Math.max(Math.max(extent.width(), extent.height()), 1e-3);
        double finest = TileAddress.TILE_PIXELS * Math.pow(2, maxZoom) / side;
        if (scale > finest * (1 + SCALE_TOLERANCE)) {
            throw new IllegalArgumentException("scale " + scale + " px/m is finer than zoom " + maxZoom
                    + ", the deepest tile zoom of floor '" + index.floor().id() + "' (" + finest + " px/m)");
        }
    }

    private static Bounds tileExtent(FloorIndex index, Hierarchy hierarchy) {
        BuildingObject floor = index.floor();
        if (floor.footprint() != null) {
            return floor.footprint().bounds();
        }
        return hierarchy.node(floor.id()).map(GroupNode::bounds).orElse(index.extent());
    }

    private static String text(Bounds b) {
        return "(" + b.minX() + ", " + b.minY() + ") to (" + b.maxX() + ", " + b.maxY() + ")";
    }
}
