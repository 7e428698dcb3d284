package org.arxos.http.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.arxos.api.render.FloorRendering;
import org.arxos.api.render.RenderRequest;
import org.arxos.api.render.RenderedFloor;
import org.arxos.api.render.TileAddress;
import org.arxos.api.repository.BuildingRepository;
import org.arxos.api.security.Principal;
import org.arxos.api.security.Role;
import org.arxos.api.selection.Capability;
import org.arxos.api.selection.CapabilityStatus;
import org.arxos.api.selection.ImplementationSelector;
import org.arxos.model.BuildingObject;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;

/**
 * Floors and their drawings: {@code GET /api/buildings/{id}/floors} lists the floors with their extents,
 * {@code .../floors/{floor}/render} draws a viewport at a scale, {@code .../floors/{floor}/tiles/{z}/{x}/{y}.svg|png}
 * serves the tile pyramid. Drawings carry entity tags made of everything that decides them (content hash, grouping
 * strategy and renderer instances, request), so a client revalidates a tile with {@code If-None-Match} for free.
 */
final class RenderEndpoints {

    static final String DEFAULT_FORMAT = "svg";
    /** Width of a render that names neither a scale nor a width. */
    static final int DEFAULT_WIDTH = 1024;
    private static final Map<String, String> MEDIA_TYPES = Map.of("svg", "image/svg+xml", "png", "image/png");

    record FloorSummary(String id, String name, Bounds extent, int maxTileZoom) {
    }

    record FloorPage(String building, long revision, List<FloorSummary> floors) {
    }

    private final ImplementationSelector selector;
    private final FloorRendering rendering;

    RenderEndpoints(ImplementationSelector selector, FloorRendering rendering) {
        this.selector = selector;
        this.rendering = rendering;
    }

    ApiResponse floors(ApiRequest request, String buildingId, ApiSettings settings) {
        Revision revision = readable(request, buildingId);
        List<FloorSummary> floors = revision.root().map(root -> revision.children(root.id())).orElse(List.of())
                .stream().filter(o -> o.type() == ObjectType.FLOOR)
                .map(floor -> new FloorSummary(floor.id(), floor.name(), extentOrNull(revision, floor.id()),
                        settings.maxTileZoom()))
                .toList();
        return ApiResponse.ok(new FloorPage(buildingId, revision.number(), floors));
    }

    ApiResponse render(ApiRequest request, String buildingId, String floorId, ApiSettings settings) {
        Revision revision = readable(request, buildingId);
        Bounds extent = extent(revision, buildingId, floorId);
        String format = format(request.parameter("format"));
        Bounds viewport = request.parameter("bbox") == null ? extent : bbox(request.parameter("bbox"));
        double scale = scale(request, viewport);
        RenderRequest render = request(floorId, viewport, scale, format, request, settings);
        return draw(request, buildingId, revision, render);
    }

    ApiResponse tile(ApiRequest request, String buildingId, String floorId, String zoom, String column, String tile,
            ApiSettings settings) {
        Revision revision = readable(request, buildingId);
        Bounds extent = extent(revision, buildingId, floorId);
        int dot = tile.lastIndexOf('.');
        if (dot < 0) {
            throw ProblemException.notFound("a tile is named <row>.svg or <row>.png, not '" + tile + "'");
        }
        String format = format(tile.substring(dot + 1));
        int z = integer("zoom", zoom);
        if (z < 0 || z > settings.maxTileZoom()) {
            throw ProblemException.badRequest("zoom " + z + " is out of range: tiles have zoom 0 to "
                    + settings.maxTileZoom());
        }
        TileAddress address;
        try {
            address = new TileAddress(floorId, z, integer("column", column), integer("row", tile.substring(0, dot)));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        RenderRequest render = request(floorId, address.viewport(extent), address.scale(extent), format, request,
                settings);
        return draw(request, buildingId, revision, render);
    }

    private Revision readable(ApiRequest request, String buildingId) {
        BuildingRepository repository = selector.require(BuildingRepository.class);
        Principal principal = request.principal();
        BuildingAccess.require(repository, principal, buildingId, Role.VIEWER, "reading");
        String revisionName = request.parameter("revision");
        return RevisionEndpoints.revision(repository, principal.tenant(), buildingId,
                revisionName == null ? "head" : revisionName);
    }

    private Bounds extent(Revision revision, String buildingId, String floorId) {
        BuildingObject floor = revision.find(floorId).orElseThrow(() -> ProblemException.notFound("unknown floor '"
                + floorId + "' in revision " + revision.number() + " of building '" + buildingId + "'"));
        if (floor.type() != ObjectType.FLOOR) {
            throw ProblemException.notFound("'" + floorId + "' in building '" + buildingId + "' is a "
                    + floor.type().id() + ", not a floor");
        }
        try {
            return rendering.extent(revision, floorId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }

    private Bounds extentOrNull(Revision revision, String floorId) {
        try {
            return rendering.extent(revision, floorId);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static RenderRequest request(String floorId, Bounds viewport, double scale, String format,
            ApiRequest request, ApiSettings settings) {
        int maxElements = settings.maxElements();
        String asked = request.parameter("maxElements");
        if (asked != null) {
            int n = integer("maxElements", asked);
            if (n < 1 || n > settings.maxElements()) {
                throw ProblemException.badRequest("maxElements must be 1 to " + settings.maxElements() + ", was " + n);
            }
            maxElements = n;
        }
        double minPixels = request.parameter("minPixels") == null ? settings.minPixels()
                : number("minPixels", request.parameter("minPixels"));
        RenderRequest render;
        try {
            render = new RenderRequest(floorId, viewport, scale, format, maxElements, minPixels);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        if (render.pixelWidth() > settings.maxRenderPixels() || render.pixelHeight() > settings.maxRenderPixels()) {
            throw ProblemException.badRequest("a drawing of " + render.pixelWidth() + " x " + render.pixelHeight()
                    + " pixels is larger than the limit of " + settings.maxRenderPixels()
                    + " a side: zoom out or draw a smaller viewport");
        }
        return render;
    }

    private ApiResponse draw(ApiRequest request, String buildingId, Revision revision, RenderRequest render) {
        String tenant = request.principal().tenant();
        String strategy = request.parameter("strategy");
        String etag = entityTag(revision, strategy, render);
        Map<String, String> headers = ApiResponse.headers("ETag", etag,
                RevisionEndpoints.REVISION_HEADER, Long.toString(revision.number()),
                "Cache-Control", request.parameter("revision") == null ? "no-cache" : "private, max-age=86400");
        if (EntityTags.noneMatchFails(request.header("If-None-Match"), etag)) {
            return new ApiResponse.Empty(304, headers);
        }
        ByteArrayOutputStream drawing = new ByteArrayOutputStream(1 << 16);
        RenderedFloor drawn;
        try {
            drawn = rendering.render(tenant, buildingId, revision, strategy, render, drawing);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException("drawing floor '" + render.floorId() + "' failed: " + e.getMessage(), e);
        }
        headers.put("Arxos-Strategy", drawn.strategy());
        headers.put("Arxos-Elements", Integer.toString(drawn.result().elementCount()));
        headers.put("Arxos-Groups", Integer.toString(drawn.result().groupCount()));
        headers.put("Arxos-Summarized", Integer.toString(drawn.result().summarized()));
        headers.put("Arxos-Capped", Boolean.toString(drawn.result().capped()));
        byte[] body = drawing.toByteArray();
        return new ApiResponse.Streamed(200, drawn.result().mediaType(), out -> out.write(body), headers);
    }

    /** Everything that decides the drawing, hashed: the same tag means the same bytes. */
    private String entityTag(Revision revision, String strategy, RenderRequest render) {
        CapabilityStatus grouping = selector.capability(Capability.GROUPING);
        CapabilityStatus renderers = selector.capability(Capability.RENDERER);
        String strategyName = strategy != null ? strategy : grouping.serving();
        String identity = String.join("|", revision.contentHash(), strategyName + "#" + serviceId(grouping,
                strategyName), renderers.serving() + "#" + serviceId(renderers, renderers.serving()), render.floorId(),
                render.viewport().toString(), Double.toString(render.scale()), render.format(),
                Integer.toString(render.maxElements()), Double.toString(render.minPixels()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return EntityTags.of(revision.contentHash() + "+" + render.format() + "+"
                    + HexFormat.of().formatHex(digest, 0, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static long serviceId(CapabilityStatus status, String name) {
        return status.implementations().stream().filter(i -> i.name().equals(name)).mapToLong(i -> i.serviceId())
                .findFirst().orElse(0);
    }

    private static String format(String asked) {
        String format = asked == null || asked.isBlank() ? DEFAULT_FORMAT : asked.strip().toLowerCase(Locale.ROOT);
        if (!MEDIA_TYPES.containsKey(format)) {
            throw new ProblemException(ProblemType.NOT_ACCEPTABLE, "floors are drawn as svg or png, not '" + asked
                    + "'").with("availableFormats", List.of("png", "svg"));
        }
        return format;
    }

    private static Bounds bbox(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 4) {
            throw ProblemException.badRequest("bbox must be minX,minY,maxX,maxY in metres, was '" + text + "'");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            v[i] = number("bbox", parts[i]);
        }
        if (v[0] >= v[2] || v[1] >= v[3]) {
            throw ProblemException.badRequest("bbox must have minX < maxX and minY < maxY, was '" + text + "'");
        }
        return new Bounds((float) v[0], (float) v[1], (float) v[2], (float) v[3]);
    }

    private static double scale(ApiRequest request, Bounds viewport) {
        if (request.parameter("scale") != null) {
            double scale = number("scale", request.parameter("scale"));
            if (!(scale > 0)) {
                throw ProblemException.badRequest("scale must be a positive number of pixels per metre, was "
                        + request.parameter("scale"));
            }
            return scale;
        }
        int width = request.parameter("width") == null ? DEFAULT_WIDTH : integer("width", request.parameter("width"));
        if (width < 1) {
            throw ProblemException.badRequest("width must be a positive number of pixels, was " + width);
        }
        return width / Math.max(viewport.width(), 1e-3);
    }

    private static int integer(String name, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name + " must be a whole number, was '" + text + "'");
        }
    }

    private static double number(String name, String text) {
        try {
            double value = Double.parseDouble(text.strip());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw ProblemException.badRequest(name + " must be a finite number, was '" + text + "'");
    }
}
