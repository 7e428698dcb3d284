package org.arxos.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

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

/**
 * Rendering with the spatial hierarchy: the renderer's per-floor index built once for every floor, then SVG drawings
 * of random 1024 x 768 px viewports on random floors at five zoom levels (the floor fitted to the drawing, then 4,
 * 16, 64 and 256 times closer), each against the {@link LinearScanDrawing} baseline of the same viewport, the two
 * alternately; then PNG tiles of 256 px at two tile zooms. Drawings go to a {@link CountingOutputStream}.
 */
final class RenderSection {

    private static final String RENDERER = "org.arxos.render.internal.SvgPngRenderer";
    private static final String SVG = "svg";
    private static final String PNG = "png";
    private static final int WIDTH = 1024;
    private static final int HEIGHT = 768;
    private static final int[] ZOOMS = {1, 4, 16, 64, 256};
    private static final int[] TILE_ZOOMS = {0, 4};
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int WARM_UP = 20;
    private static final int TILE_WARM_UP = 3;

    /**
     * What the heap and acceptance tables need of one building's rendering.
     *
     * @param indexBytes the heap the renderer's floor indexes retain
     * @param listBytes  the heap the baseline's per-floor object lists retain
     * @param slowestP99 the 99th percentile of the zoom level slowest by it; null when no floor has anything to draw
     */
    record Rendered(long indexBytes, long listBytes, Timing slowestP99) {
    }

    private final int viewports;
    private final int tiles;
    private final TextTable indexTable = new TextTable(
            "3a. Render index: the renderer's spatial index of every floor, built once (first drawing of each floor "
                    + "less a second identical one)",
            "building", "floors", "objects indexed", "largest floor", "build ms, all floors", "slowest floor ms");
    private final TextTable viewportTable = new TextTable(
            "3b. Viewport SVG, " + WIDTH + "x" + HEIGHT + " px, random viewports on random floors; zoom 1 = floor "
                    + "fitted to the drawing; linear = scan of the floor's objects writing every hit as a rect, no "
                    + "index, no level of detail; ratio = renderer / linear",
            "building", "zoom", "px/m", "drawings", "p50 ms", "p99 ms", "max ms", "CPU p99", "elements", "capped %",
            "KiB", "linear p50", "linear p99", "linear max", "rects", "p50 ratio", "p99 ratio");
    private final TextTable tileTable = new TextTable(
            "3c. PNG tiles, " + TileAddress.TILE_PIXELS + " px, random tiles that show something, random floors",
            "building", "tile zoom", "px/m", "tiles", "p50 ms", "p99 ms", "max ms", "elements", "capped %", "KiB");

    RenderSection(int viewports, int tiles) {
        this.viewports = viewports;
        this.tiles = tiles;
    }

    List<TextTable> tables() {
        return List.of(indexTable, viewportTable, tileTable);
    }

    Rendered measure(String building, Revision revision, Hierarchy spatial) throws IOException {
        List<BuildingObject> floors = revision.objects().filter(o -> o.type() == ObjectType.FLOOR).toList();
        List<LinearScanDrawing> drawings = new ArrayList<>();
        long listBytes = RetainedHeap.retainedBy(() -> {
            floors.stream().map(f -> LinearScanDrawing.of(revision, f)).filter(d -> d != null).forEach(drawings::add);
            return drawings;
        });
        if (drawings.isEmpty()) {
            return new Rendered(0, listBytes, null);
        }
        Renderer renderer = DefaultComponent.create(RENDERER, Renderer.class);
        long before = RetainedHeap.bytes();
        buildIndexes(building, revision, spatial, renderer, drawings);
        long indexBytes = RetainedHeap.bytes() - before;

        SplittableRandom random = new SplittableRandom(11);
        for (int zoom : ZOOMS) {
            for (int i = 0; i < WARM_UP; i++) {
                Drawing d = viewport(random, drawings, zoom);
                d.render(revision, spatial, renderer);
                d.renderLinear();
            }
        }
        Timing slowestP99 = null;
        for (int zoom : ZOOMS) {
            Timing p99 = measureViewports(building, revision, spatial, renderer, drawings, random, zoom);
            if (slowestP99 == null || p99.millis() > slowestP99.millis()) {
                slowestP99 = p99;
            }
        }
        for (int zoom : TILE_ZOOMS) {
            measureTiles(building, revision, spatial, renderer, drawings, random, zoom);
        }
        return new Rendered(indexBytes, listBytes, slowestP99);
    }

    private void buildIndexes(String building, Revision revision, Hierarchy spatial, Renderer renderer,
            List<LinearScanDrawing> drawings) throws IOException {
        long total = 0;
        long slowest = 0;
        int objects = 0;
        int largest = 0;
        for (LinearScanDrawing floor : drawings) {
            // one pixel at the floor's corner: the drawing costs next to nothing, the index all there is
            double scale = fit(floor.extent());
            Bounds e = floor.extent();
            Drawing corner = new Drawing(floor, new Bounds(e.minX(), e.minY(), (float) (e.minX() + 1 / scale),
                    (float) (e.minY() + 1 / scale)), scale, SVG);
            long first = corner.render(revision, spatial, renderer).nanos();
            long second = corner.render(revision, spatial, renderer).nanos();
            long build = Math.max(0, first - second);
            total += build;
            slowest = Math.max(slowest, build);
            objects += floor.size();
            largest = Math.max(largest, floor.size());
        }
        indexTable.add(building, drawings.size(), objects, largest, total / 1e6, slowest / 1e6);
        System.out.printf("  indexes  %d floors %8.1f ms%n", drawings.size(), total / 1e6);
    }

    /** Returns the 99th percentile. */
    private Timing measureViewports(String building, Revision revision, Hierarchy spatial, Renderer renderer,
            List<LinearScanDrawing> drawings, SplittableRandom random, int zoom) throws IOException {
        long[] times = new long[viewports];
        long[] cpuTimes = new long[viewports];
        long[] linearTimes = new long[viewports];
        long elements = 0;
        long rects = 0;
        long bytes = 0;
        int capped = 0;
        double minScale = Double.MAX_VALUE;
        double maxScale = 0;
        for (int i = 0; i < viewports; i++) {
            Drawing d = viewport(random, drawings, zoom);
            minScale = Math.min(minScale, d.scale());
            maxScale = Math.max(maxScale, d.scale());
            // alternate which goes first, so that neither always meets the other's garbage
            Timed<RenderResult> drawn;
            Timed<Integer> linear;
            if (i % 2 == 0) {
                drawn = d.render(revision, spatial, renderer);
                linear = d.renderLinear();
            } else {
                linear = d.renderLinear();
                drawn = d.render(revision, spatial, renderer);
            }
            times[i] = drawn.nanos();
            cpuTimes[i] = drawn.cpuNanos();
            linearTimes[i] = linear.nanos();
            elements += drawn.value().elementCount() + drawn.value().groupCount();
            capped += drawn.value().capped() ? 1 : 0;
            bytes += drawn.bytes();
            rects += linear.value();
        }
        Samples t = new Samples(times);
        Samples l = new Samples(linearTimes);
        Timing p99 = new Timing(t.percentile(99), new Samples(cpuTimes).percentile(99));
        viewportTable.add(building, "x" + zoom, range(minScale, maxScale), viewports, t.median(), p99.millis(),
                t.max(), p99.cpuMillis(), (double) elements / viewports,
                100.0 * capped / viewports, bytes / 1024.0 / viewports, l.median(), l.percentile(99), l.max(),
                (double) rects / viewports, t.median() / l.median(), t.percentile(99) / l.percentile(99));
        System.out.printf("  zoom x%-4d p50 %6.2f ms p99 %6.2f ms (linear %6.2f / %6.2f ms)%n", zoom, t.median(),
                t.percentile(99), l.median(), l.percentile(99));
        return p99;
    }

    private void measureTiles(String building, Revision revision, Hierarchy spatial, Renderer renderer,
            List<LinearScanDrawing> drawings, SplittableRandom random, int zoom) throws IOException {
        long[] times = new long[tiles];
        long elements = 0;
        long bytes = 0;
        int capped = 0;
        double minScale = Double.MAX_VALUE;
        double maxScale = 0;
        for (int i = -TILE_WARM_UP; i < tiles; i++) {
            Drawing d = tile(random, drawings, spatial, zoom);
            Timed<RenderResult> drawn = d.render(revision, spatial, renderer);
            if (i >= 0) {
                times[i] = drawn.nanos();
                elements += drawn.value().elementCount() + drawn.value().groupCount();
                capped += drawn.value().capped() ? 1 : 0;
                bytes += drawn.bytes();
                minScale = Math.min(minScale, d.scale());
                maxScale = Math.max(maxScale, d.scale());
            }
        }
        Samples t = new Samples(times);
        tileTable.add(building, zoom, range(minScale, maxScale), tiles, t.median(), t.percentile(99), t.max(),
                (double) elements / tiles, 100.0 * capped / tiles, bytes / 1024.0 / tiles);
        System.out.printf("  png tile zoom %d p50 %6.1f ms p99 %6.1f ms%n", zoom, t.median(), t.percentile(99));
    }

    /** A random viewport at {@code zoom} times the scale that fits a random floor into the drawing. */
    private static Drawing viewport(SplittableRandom random, List<LinearScanDrawing> drawings, int zoom) {
        LinearScanDrawing floor = drawings.get(random.nextInt(drawings.size()));
        Bounds e = floor.extent();
        double scale = fit(e) * zoom;
        double w = WIDTH / scale;
        double h = HEIGHT / scale;
        // the whole floor is centred; closer views are centred anywhere on it
        double cx = zoom == 1 ? (e.minX() + e.maxX()) / 2.0 : e.minX() + random.nextDouble() * e.width();
        double cy = zoom == 1 ? (e.minY() + e.maxY()) / 2.0 : e.minY() + random.nextDouble() * e.height();
        return new Drawing(floor, new Bounds((float) (cx - w / 2), (float) (cy - h / 2), (float) (cx + w / 2),
                (float) (cy + h / 2)), scale, SVG);
    }

    /** A random tile of a random floor at the zoom, among those that show some of its objects. */
    private static Drawing tile(SplittableRandom random, List<LinearScanDrawing> drawings, Hierarchy spatial,
            int zoom) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            LinearScanDrawing floor = drawings.get(random.nextInt(drawings.size()));
            Bounds extent = tileExtent(floor, spatial);
            int side = 1 << zoom;
            TileAddress address = new TileAddress(floor.floor().id(), zoom, random.nextInt(side),
                    random.nextInt(side));
            RenderRequest request = address.request(extent, PNG, RenderRequest.DEFAULT_MAX_ELEMENTS,
                    RenderRequest.DEFAULT_MIN_PIXELS);
            if (request.viewport().intersects(floor.extent())) {
                return new Drawing(floor, request.viewport(), request.scale(), PNG);
            }
        }
        throw new IllegalStateException("no tile at zoom " + zoom + " shows anything of any floor: their footprints "
                + "miss what is on them");
    }

    /** What the renderer cuts tiles from: the floor's footprint, or else its node's bounds in the hierarchy. */
    private static Bounds tileExtent(LinearScanDrawing floor, Hierarchy spatial) {
        BuildingObject object = floor.floor();
        if (object.footprint() != null) {
            return object.footprint().bounds();
        }
        return spatial.node(object.id()).map(GroupNode::bounds).orElse(floor.extent());
    }

    /** Pixels per metre that fit the extent into the drawing. */
    private static double fit(Bounds extent) {
        return Math.min(WIDTH / Math.max(extent.width(), 1e-3), HEIGHT / Math.max(extent.height(), 1e-3));
    }

    private static String range(double min, double max) {
        return max <= min * 1.005 ? TextTable.number(min) : TextTable.number(min) + "-" + TextTable.number(max);
    }

    /** What a drawing returned, its wall and thread CPU time, and the bytes it wrote. */
    private record Timed<T>(T value, long nanos, long cpuNanos, long bytes) {
    }

    @FunctionalInterface
    private interface Draw<T> {
        T to(CountingOutputStream out) throws IOException;
    }

    private static <T> Timed<T> timed(Draw<T> draw) throws IOException {
        CountingOutputStream out = new CountingOutputStream();
        long cpu = THREADS.getCurrentThreadCpuTime();
        long t = System.nanoTime();
        T value = draw.to(out);
        long elapsed = System.nanoTime() - t;
        return new Timed<>(value, elapsed, THREADS.getCurrentThreadCpuTime() - cpu, out.count());
    }

    /** One drawing to make, by the renderer or by the baseline. */
    private record Drawing(LinearScanDrawing floor, Bounds viewport, double scale, String format) {

        Timed<RenderResult> render(Revision revision, Hierarchy hierarchy, Renderer renderer) throws IOException {
            RenderRequest request = new RenderRequest(floor.floor().id(), viewport, scale, format,
                    RenderRequest.DEFAULT_MAX_ELEMENTS, RenderRequest.DEFAULT_MIN_PIXELS);
            return timed(out -> renderer.render(revision, hierarchy, request, out));
        }

        Timed<Integer> renderLinear() throws IOException {
            return timed(out -> floor.draw(viewport, scale, out));
        }
    }
}
