package org.arxos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.inject.Inject;

import org.arxos.api.grouping.GroupingStrategy;
import org.arxos.api.grouping.Hierarchy;
import org.arxos.api.selection.ImplementationSelector;
import org.arxos.model.Revision;
import org.junit.After;
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
 * The acceptance test of hot swapping: while 8 threads keep asking the selector for the grouping strategy and using
 * it, a higher-ranked implementation (the fixture bundle) is installed and later uninstalled. No call may fail, and
 * the calls must follow each change within a second.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotSwapTest {

    private static final int THREADS = 8;
    private static final long PHASE_MILLIS = 1_500;
    private static final long SWITCH_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final String FIXTURE_KIND = "fixture";

    @Inject
    private BundleContext context;

    @Inject
    private ImplementationSelector selector;

    private Bundle fixture;

    @Configuration
    public Option[] config() {
        return ArxosRuntime.withExtraBundles();
    }

    @After
    public void removeFixture() throws Exception {
        if (fixture != null && fixture.getState() != Bundle.UNINSTALLED) {
            fixture.uninstall();
        }
    }

    /**
     * One call: when it started and ended, which implementation answered (the root node's kind), or what went wrong.
     * A call is attributed to a phase only if it lies wholly inside it: a caller thread can be descheduled between
     * taking its start time and asking the selector, so a call that overlaps the next change may rightly see it.
     */
    private record Call(long startNanos, long endNanos, String kind, String failure) {
    }

    @Test
    public void callsFollowInstallAndUninstallWithoutFailing() throws Exception {
        Revision revision = SampleRevision.create();
        String shipped = kindOf(selector.require(GroupingStrategy.class).group(revision));
        assertNotEquals("before the fixture is installed, the shipped strategy serves", FIXTURE_KIND, shipped);

        Queue<Call> calls = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch done = new CountDownLatch(THREADS);
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            Thread caller = new Thread(() -> {
                try {
                    while (running.get()) {
                        calls.add(call(revision));
                    }
                } finally {
                    done.countDown();
                }
            }, "hot-swap-caller-" + i);
            callers.add(caller);
        }
        long begin = System.nanoTime();
        callers.forEach(Thread::start);

        Thread.sleep(PHASE_MILLIS);
        long installing = System.nanoTime();
        fixture = context.installBundle(ArxosRuntime.bundleFile(ArxosRuntime.FIXTURE).toURI().toString());
        fixture.start();
        long installed = System.nanoTime();

        Thread.sleep(PHASE_MILLIS);
        long uninstalling = System.nanoTime();
        fixture.uninstall();
        long uninstalled = System.nanoTime();

        Thread.sleep(PHASE_MILLIS);
        running.set(false);
        assertTrue("callers stop", done.await(10, TimeUnit.SECONDS));
        long end = System.nanoTime();

        List<Call> all = new ArrayList<>(calls);
        List<Call> failures = all.stream().filter(c -> c.failure() != null).toList();
        Switch toFixture = Switch.measure(all, installed, uninstalling, FIXTURE_KIND);
        Switch back = Switch.measure(all, uninstalled, end, shipped);
        // The same switches seen from the moment install/uninstall began, to show how long the change itself took.
        Switch toFixtureFromBegin = Switch.measure(all, installing, uninstalling, FIXTURE_KIND);
        Switch backFromBegin = Switch.measure(all, uninstalling, end, shipped);

        System.out.printf("HotSwapTest: %d calls by %d threads in %d ms, %d failed; shipped strategy '%s'%n",
                all.size(), THREADS, millis(end - begin), failures.size(), shipped);
        System.out.printf("HotSwapTest: install+start took %.1f ms; the fixture answered first %s and every call %s"
                + " after it completed (%s / %s after it began)%n", (installed - installing) / 1e6,
                toFixture.firstMillis(), toFixture.settledMillis(), toFixtureFromBegin.firstMillis(),
                toFixtureFromBegin.settledMillis());
        System.out.printf("HotSwapTest: uninstall took %.1f ms; '%s' answered first %s and every call %s after it"
                + " completed (%s / %s after it began)%n", (uninstalled - uninstalling) / 1e6, shipped,
                back.firstMillis(), back.settledMillis(), backFromBegin.firstMillis(), backFromBegin.settledMillis());

        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + all.size() + " calls failed, e.g. "
                    + failures.stream().limit(5).map(Call::failure).toList());
        }
        toFixture.assertWithin(SWITCH_LIMIT_NANOS, "after the fixture was installed");
        back.assertWithin(SWITCH_LIMIT_NANOS, "after the fixture was uninstalled");
        assertEquals("calls before the install are answered by the shipped strategy only", 0,
                all.stream().filter(c -> c.startNanos() < installing && FIXTURE_KIND.equals(c.kind())).count());
    }

    private Call call(Revision revision) {
        long start = System.nanoTime();
        String kind = null;
        String failure = null;
        try {
            GroupingStrategy strategy = selector.require(GroupingStrategy.class);
            Hierarchy hierarchy = strategy == null ? null : strategy.group(revision);
            if (strategy == null) {
                failure = "require returned null";
            } else if (hierarchy == null || hierarchy.root() == null) {
                failure = "group returned " + (hierarchy == null ? "null" : "a hierarchy without a root");
            } else {
                kind = kindOf(hierarchy);
            }
        } catch (Throwable e) {
            failure = e.toString();
        }
        return new Call(start, System.nanoTime(), kind, failure);
    }

    private static String kindOf(Hierarchy hierarchy) {
        return hierarchy.root().kind();
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    /**
     * How the calls made wholly between a change (at {@code from}) and the next one (at {@code to}) moved to the
     * expected implementation: the start of the first call it answered, and the point after which it answered all.
     */
    private record Switch(String expectedKind, long from, Long firstNanos, Long settledNanos, int callsAfterSettled) {

        static Switch measure(List<Call> calls, long from, long to, String expectedKind) {
            List<Call> window = calls.stream()
                    .filter(c -> c.startNanos() >= from && c.endNanos() <= to && c.failure() == null)
                    .toList();
            OptionalLong first = window.stream().filter(c -> expectedKind.equals(c.kind()))
                    .mapToLong(Call::startNanos).min();
            if (first.isEmpty()) {
                return new Switch(expectedKind, from, null, null, 0);
            }
            long lastOther = window.stream().filter(c -> !expectedKind.equals(c.kind()))
                    .mapToLong(Call::startNanos).max().orElse(from);
            long settled = Math.max(lastOther, first.getAsLong());
            int after = (int) window.stream().filter(c -> c.startNanos() > settled).count();
            return new Switch(expectedKind, from, first.getAsLong() - from, settled - from, after);
        }

        String firstMillis() {
            return firstNanos == null ? "never" : String.format("%.1f ms", firstNanos / 1e6);
        }

        String settledMillis() {
            return settledNanos == null ? "never" : String.format("%.1f ms", settledNanos / 1e6);
        }

        void assertWithin(long limitNanos, String when) {
            assertTrue("'" + expectedKind + "' never answered " + when, firstNanos != null);
            assertTrue("calls still went elsewhere " + settledMillis() + " " + when + " (limit "
                    + TimeUnit.NANOSECONDS.toMillis(limitNanos) + " ms)", settledNanos <= limitNanos);
            assertTrue("no calls were made after '" + expectedKind + "' took over " + when, callsAfterSettled > 0);
        }
    }
}
