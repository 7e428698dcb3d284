package org.arxos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.inject.Inject;

import org.arxos.api.render.FloorRendering;
import org.arxos.api.render.RenderRequest;
import org.arxos.api.render.RenderedFloor;
import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The acceptance test of swapping the spatial strategy under load: 8 threads draw random viewports of a generated
 * building (SVG, and now and then a PNG through Batik) while the spatial grouping bundle is updated in place, then
 * stopped and started. No render may fail; renders fall back to another strategy while spatial is away and are
 * served by spatial again once it is back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SpatialSwapWhileRenderingTest {

    private static final int THREADS = 8;
    private static final long PHASE_MILLIS = 1_500;

    @Inject
    private BundleContext context;

    @Inject
    private FloorRendering rendering;

    @Configuration
    public Option[] config() {
        return ArxosRuntime.withExtraBundles(ArxosRuntime.VIEWS);
    }

    private record Render(long startNanos, String strategy, String failure) {
    }

    @Test
    public void rendersNeverFailWhileTheSpatialBundleIsReplaced() throws Exception {
        Revision revision = SyntheticBuilding.generateRevision(new GeneratorSettings(11, 20_000, "swap", "Swap"));
        Bounds extent = rendering.extent(revision, "f1");
        assertEquals("spatial", render(revision, extent, new SplittableRandom(1), false).strategy());

        Queue<Render> renders = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch done = new CountDownLatch(THREADS);
        for (int i = 0; i < THREADS; i++) {
            SplittableRandom random = new SplittableRandom(100 + i);
            Thread caller = new Thread(() -> {
                try {
                    for (int n = 0; running.get(); n++) {
                        renders.add(render(revision, extent, random, n % 20 == 0));
                    }
                } finally {
                    done.countDown();
                }
            }, "render-caller-" + i);
            caller.start();
        }
        Bundle spatial = bundle("org.arxos.grouping.spatial");
        Thread.sleep(PHASE_MILLIS);
        try (InputStream replacement = new FileInputStream(ArxosRuntime.bundleFile("org.arxos.grouping.spatial"))) {
            spatial.update(replacement);
        }
        Thread.sleep(PHASE_MILLIS);
        spatial.stop();
        long stopped = System.nanoTime();
        Thread.sleep(PHASE_MILLIS);
        long starting = System.nanoTime();
        spatial.start();
        Thread.sleep(PHASE_MILLIS);
        running.set(false);
        assertTrue("callers stop", done.await(30, TimeUnit.SECONDS));

        List<Render> all = new ArrayList<>(renders);
        List<Render> failures = all.stream().filter(r -> r.failure() != null).toList();
        System.out.printf("SpatialSwapWhileRenderingTest: %d renders by %d threads, %d failed%n", all.size(),
                THREADS, failures.size());
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + all.size() + " renders failed, e.g. "
                    + failures.stream().limit(5).map(Render::failure).toList());
        }
        assertTrue("while spatial was stopped another strategy drew", all.stream().anyMatch(r -> r.startNanos() > stopped
                && r.startNanos() < starting && !r.strategy().equals("spatial")));
        assertTrue("once spatial was back it drew again", all.stream().anyMatch(r -> r.startNanos() > starting
                + TimeUnit.SECONDS.toNanos(1) && r.strategy().equals("spatial")));
    }

    private Render render(Revision revision, Bounds extent, SplittableRandom random, boolean png) {
        long start = System.nanoTime();
        try {
            float w = (float) (extent.width() * (0.05 + random.nextDouble() * 0.95));
            float h = (float) (extent.height() * (0.05 + random.nextDouble() * 0.95));
            float x = extent.minX() + (float) random.nextDouble() * (extent.width() - w);
            float y = extent.minY() + (float) random.nextDouble() * (extent.height() - h);
            Bounds viewport = new Bounds(x, y, x + w, y + h);
            double scale = (png ? 256 : 1024) / Math.max(w, h);
            RenderedFloor drawn = rendering.render("itests", "swap", revision, null, new RenderRequest("f1", viewport,
                    scale, png ? "png" : "svg", RenderRequest.DEFAULT_MAX_ELEMENTS, RenderRequest.DEFAULT_MIN_PIXELS),
                    new ByteArrayOutputStream());
            return new Render(start, drawn.strategy(), null);
        } catch (Throwable e) {
            return new Render(start, null, e.toString());
        }
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName().equals(symbolicName)) {
                return b;
            }
        }
        throw new AssertionError(symbolicName + " is not installed");
    }
}
