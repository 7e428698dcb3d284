package org.arxos.compress.svg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/** Asserts that a lossy document draws every element within the tolerance of the exact one, both ways. */
final class Tolerance {

    /** What flattening curves (to half a thousandth) and Batik's floats add to a distance. */
    private static final double SLACK = 0.003;

    private Tolerance() {
    }

    static void assertWithin(byte[] exact, byte[] lossy, double tolerance, String name) throws Exception {
        List<Outlines.Outline> a = Outlines.of(exact);
        List<Outlines.Outline> b = Outlines.of(lossy);
        assertEquals(a.size(), b.size(), name + ": the lossy document draws other elements");
        double worst = 0;
        String where = null;
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).where(), b.get(i).where(), name);
            double d = Math.max(Outlines.farthest(a.get(i), b.get(i)), Outlines.farthest(b.get(i), a.get(i)));
            if (d > worst) {
                worst = d;
                where = a.get(i).where();
            }
        }
        assertTrue(worst <= tolerance + SLACK, name + ": " + where + " moved " + worst + " > " + tolerance);
    }
}
