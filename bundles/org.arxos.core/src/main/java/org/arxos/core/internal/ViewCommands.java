package org.arxos.core.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.arxos.api.grouping.GroupNode;
import org.arxos.api.grouping.Hierarchy;
import org.arxos.api.grouping.HierarchyView;
import org.arxos.api.grouping.HierarchyViews;
import org.arxos.api.grouping.UnknownStrategyException;
import org.arxos.api.render.FloorRendering;
import org.arxos.api.render.RenderRequest;
import org.arxos.api.render.RenderResult;
import org.arxos.api.render.RenderedFloor;
import org.arxos.api.render.TileAddress;
import org.arxos.api.repository.BuildingRepository;
import org.arxos.api.repository.RepositoryException;
import org.arxos.api.selection.ImplementationSelector;
import org.arxos.api.selection.NoImplementationException;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo commands that show a building's hierarchies and draw its floors, as the REST API does. */
@Component(service = ViewCommands.class, property = {
        "osgi.command.scope=arxos",
        "osgi.command.function=hierarchy",
        "osgi.command.function=render" })
public final class ViewCommands {

    private final ImplementationSelector selector;
    private final HierarchyViews views;
    private final FloorRendering rendering;

    @Activate
    public ViewCommands(@Reference ImplementationSelector selector, @Reference HierarchyViews views,
            @Reference FloorRendering rendering) {
        this.selector = selector;
        this.views = views;
        this.rendering = rendering;
    }

    @Descriptor("shows one node of a building's hierarchy and a page of its children, with object counts")
    public String hierarchy(
            @Descriptor("the tenant the building belongs to (default: default)")
            @Parameter(names = "--tenant", absentValue = ImportCommands.DEFAULT_TENANT) String tenant,
            @Descriptor("the revision number (default: head)")
            @Parameter(names = "--revision", absentValue = "head") String revision,
            @Descriptor("the grouping strategy, e.g. spatial, system, functional (default: the serving one)")
            @Parameter(names = "--strategy", absentValue = "") String strategy,
            @Descriptor("the node to show (default: the root)")
            @Parameter(names = "--node", absentValue = "") String node,
            @Descriptor("the first child to show (default: 0)")
            @Parameter(names = "--offset", absentValue = "0") int offset,
            @Descriptor("the most children to show (default: 50)")
            @Parameter(names = "--limit", absentValue = "50") int limit,
            @Descriptor("the building id") String building) {
        try {
            Revision rev = revision(tenant, building, revision);
            HierarchyView view = views.view(tenant, building, rev, strategy.isBlank() ? null : strategy);
            Hierarchy hierarchy = view.hierarchy();
            GroupNode shown = node.isBlank() ? hierarchy.root() : hierarchy.node(node).orElseThrow(
                    () -> new IllegalArgumentException("unknown node '" + node + "' in the '" + view.strategy()
                            + "' hierarchy"));
            StringBuilder out = new StringBuilder();
            out.append("Building '").append(building).append("', revision ").append(rev.number()).append(", '")
                    .append(view.strategy()).append("' hierarchy\n");
            hierarchy.parent(shown.id()).ifPresent(p -> out.append("parent ").append(p.id()).append('\n'));
            out.append(line(shown)).append('\n');
            List<GroupNode> children = hierarchy.children(shown.id(), Math.max(0, offset), Math.max(0, limit));
            for (GroupNode child : children) {
                out.append("  ").append(line(child)).append('\n');
            }
            int rest = shown.childCount() - Math.max(0, offset) - children.size();
            if (rest > 0) {
                out.append("  ... ").append(ImportMeter.grouped(rest)).append(" more (--offset ")
                        .append(Math.max(0, offset) + children.size()).append(")\n");
            }
            return out.toString();
        } catch (RuntimeException e) {
            return "hierarchy failed: " + describe(e);
        }
    }

    @Descriptor("draws a floor (a viewport at a scale, or one tile of its pyramid) to an SVG or PNG file")
    public String render(
            @Descriptor("the tenant the building belongs to (default: default)")
            @Parameter(names = "--tenant", absentValue = ImportCommands.DEFAULT_TENANT) String tenant,
            @Descriptor("the revision number (default: head)")
            @Parameter(names = "--revision", absentValue = "head") String revision,
            @Descriptor("the grouping strategy whose groups summarise small objects (default: the serving one)")
            @Parameter(names = "--strategy", absentValue = "") String strategy,
            @Descriptor("the viewport minX,minY,maxX,maxY in metres (default: the whole floor)")
            @Parameter(names = "--bbox", absentValue = "") String bbox,
            @Descriptor("pixels per metre (default: the viewport 1024 pixels wide)")
            @Parameter(names = "--scale", absentValue = "0") double scale,
            @Descriptor("one tile z/x/y of the floor's pyramid instead of a viewport")
            @Parameter(names = "--tile", absentValue = "") String tile,
            @Descriptor("the building id") String building,
            @Descriptor("the floor id") String floor,
            @Descriptor("the file to write, .svg or .png, relative to the server home or absolute") String file) {
        Path path = Path.of(file).toAbsolutePath().normalize();
        try {
            String unwritable = ExportCommands.unwritable(path);
            if (unwritable != null) {
                throw new IllegalArgumentException(unwritable);
            }
            String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
            String format = name.substring(name.lastIndexOf('.') + 1);
            Revision rev = revision(tenant, building, revision);
            Bounds extent = rendering.extent(rev, floor);
            RenderRequest request = tile.isBlank() ? viewport(floor, extent, bbox, scale, format)
                    : tileRequest(floor, extent, tile, format);
            long start = System.nanoTime();
            RenderedFloor drawn = ExportCommands.writeAtomically(path, out -> rendering.render(tenant, building, rev,
                    strategy.isBlank() ? null : strategy, request, out));
            RenderResult result = drawn.result();
            return String.format(Locale.ROOT, "Drew floor '%s' of building '%s', revision %d, with the '%s' groups "
                    + "to %s: %d x %d pixels, %s objects, %s group outlines standing for %s objects%s in %.0f ms",
                    floor, building, rev.number(), drawn.strategy(), path, request.pixelWidth(),
                    request.pixelHeight(), ImportMeter.grouped(result.elementCount()),
                    ImportMeter.grouped(result.groupCount()), ImportMeter.grouped(result.summarized()),
                    result.capped() ? " (capped at " + request.maxElements() + " elements)" : "",
                    (System.nanoTime() - start) / 1e6);
        } catch (Exception e) {
            return "render failed: " + describe(e);
        }
    }

    private static RenderRequest viewport(String floor, Bounds extent, String bbox, double scale, String format) {
        Bounds viewport = extent;
        if (!bbox.isBlank()) {
            String[] v = bbox.split(",");
            if (v.length != 4) {
                throw new IllegalArgumentException("--bbox must be minX,minY,maxX,maxY, was '" + bbox + "'");
            }
            viewport = new Bounds(Float.parseFloat(v[0].strip()), Float.parseFloat(v[1].strip()),
                    Float.parseFloat(v[2].strip()), Float.parseFloat(v[3].strip()));
        }
        double pixelsPerMetre = scale > 0 ? scale : 1024 / Math.max(viewport.width(), 1e-3);
        return new RenderRequest(floor, viewport, pixelsPerMetre, format, RenderRequest.DEFAULT_MAX_ELEMENTS,
                RenderRequest.DEFAULT_MIN_PIXELS);
    }

    private static RenderRequest tileRequest(String floor, Bounds extent, String tile, String format) {
        String[] zxy = tile.split("/");
        if (zxy.length != 3) {
            throw new IllegalArgumentException("--tile must be z/x/y, was '" + tile + "'");
        }
        TileAddress address = new TileAddress(floor, Integer.parseInt(zxy[0].strip()), Integer.parseInt(zxy[1].strip()),
                Integer.parseInt(zxy[2].strip()));
        return address.request(extent, format, RenderRequest.DEFAULT_MAX_ELEMENTS, RenderRequest.DEFAULT_MIN_PIXELS);
    }

    private Revision revision(String tenant, String building, String revision) {
        long number = ExportCommands.revisionNumber(revision);
        if (number < 0) {
            throw new IllegalArgumentException(ExportCommands.badRevision(revision));
        }
        BuildingRepository repository = selector.require(BuildingRepository.class);
        return number == 0 ? repository.head(tenant, building) : repository.revision(tenant, building, number);
    }

    private static String line(GroupNode node) {
        return node.id() + (node.label().equals(node.id()) ? "" : " \"" + node.label() + "\"") + " [" + node.kind()
                + "] " + ImportMeter.grouped(node.objectCount()) + " objects"
                + (node.childCount() > 0 ? ", " + ImportMeter.grouped(node.childCount()) + " children" : "");
    }

    /** Errors the user can act on, in their own words; anything else by its type. */
    private static String describe(Exception e) {
        if (e instanceof IllegalArgumentException || e instanceof UnknownStrategyException
                || e instanceof NoImplementationException || e instanceof RepositoryException
                || e instanceof NoSuchElementException) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
