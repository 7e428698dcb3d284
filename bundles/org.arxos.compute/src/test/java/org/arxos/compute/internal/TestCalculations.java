package org.arxos.compute.internal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.arxos.api.compute.Calculation;
import org.arxos.api.compute.CalculationContext;
import org.arxos.api.compute.ComputeTask;
import org.arxos.model.BuildingObject;
import org.arxos.model.ObjectType;

/** Calculations for the tests: a real one on the engine, one that waits for a signal, one that throws. */
final class TestCalculations {

    private TestCalculations() {
    }

    /** Objects per floor, counted on the engine one floor per task, and their sum times {@code factor}. */
    record FloorCounts(List<Integer> perFloor, long total) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    static final class FloorCount implements Calculation<FloorCounts> {

        final AtomicInteger computations = new AtomicInteger();

        @Override
        public String description() {
            return "objects under each floor; factor=<integer> multiplies the total";
        }

        @Override
        public Class<FloorCounts> resultType() {
            return FloorCounts.class;
        }

        @Override
        public FloorCounts calculate(CalculationContext context) throws Exception {
            computations.incrementAndGet();
            long factor;
            try {
                factor = Long.parseLong(context.parameter("factor").orElse("1"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("parameter 'factor' must be an integer, not '"
                        + context.parameter("factor").orElseThrow() + "'");
            }
            List<String> floors = context.revision().objects().filter(o -> o.type() == ObjectType.FLOOR)
                    .map(BuildingObject::id).sorted().toList();
            var revision = context.revision();
            ComputeTask<String, Integer> count = floor -> countUnder(revision, floor);
            List<Integer> perFloor = context.engine().map(new ArrayList<>(floors), count, context.options())
                    .get(30, TimeUnit.SECONDS);
            context.progress(1);
            return new FloorCounts(perFloor, factor * perFloor.stream().mapToLong(Integer::longValue).sum());
        }

        static int countUnder(org.arxos.model.Revision revision, String id) {
            int count = 0;
            for (BuildingObject child : revision.children(id)) {
                count += 1 + countUnder(revision, child.id());
            }
            return count;
        }
    }

    /** Records which job started (its parameter {@code n}) and waits until released. */
    static final class Gate implements Calculation<String> {

        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch firstStarted = new CountDownLatch(1);
        final List<String> started = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger interrupted = new AtomicInteger();

        @Override
        public String description() {
            return "waits for the test";
        }

        @Override
        public Class<String> resultType() {
            return String.class;
        }

        @Override
        public String calculate(CalculationContext context) throws Exception {
            String n = context.parameter("n").orElse("?");
            started.add(n);
            firstStarted.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                throw e;
            }
            return "done " + n;
        }
    }

    static final class Faulty implements Calculation<String> {

        @Override
        public String description() {
            return "always fails";
        }

        @Override
        public Class<String> resultType() {
            return String.class;
        }

        @Override
        public String calculate(CalculationContext context) {
            throw new IllegalStateException("the faulty calculation broke on " + context.building());
        }
    }
}
