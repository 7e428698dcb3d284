package org.arxos.compress.svg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Shape;
import java.awt.geom.PathIterator;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.batik.parser.AWTPathProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Minified path data builds the very same float path in Batik, and is shorter. */
class PathMinifierTest {

    @Test
    void everyCommandKeepsBatiksPathAndShrinks() throws Exception {
        String[] paths = {
            "M 10.000,20.500 L 30,20.5 L 30,40 L 10.0,40 Z",
            "m 114.30683,71.167829 v 5.799 h -1.414 v 1.414 h 2.97 v -7.213 z m 1.555,10.749 h -1.556 v 5.799 z",
            "M 235.0508,92.486474 C 205.21439,75.102809 167.16984,73.765245 135.13316,92.288475 l -0.27024,0.15625 "
                    + "L 105,40.645581 l 0.43238,-0.25 C 156.58355,10.820588 217.307,12.889675 265,40.537669 Z",
            "M10 10 S 20 0 30 10 s 10 10 20 0 Q 60 -10 70 10 q 5 5 10 0 T 100 10 t 10 0",
            "M 50,50 A 25,25 0 1,0 100,50 a 25 25 0 0 1 -50 0 z M 0 0 l 1e3 0 l -.5.5",
            "M0,0 L0,0 L 10 0 L10 10 L 0 10 Z Z M 5 5",
            "M 1,1 2,2 3,3 m 1,1 2,2",
            "M 0.30000001 1.50000000 L 123456789012 0.000001234 H 1E2 V +3",
        };
        for (String d : paths) {
            String minified = PathMinifier.minify(d);
            assertSameShape(d, minified);
            assertTrue(minified.length() < d.length(), d + " -> " + minified);
        }
        assertEquals("M10 20.5H30V40H10Z", PathMinifier.minify(paths[0]));
        assertEquals("M1 1 2 2 3 3m1 1 2 2", PathMinifier.minify(paths[6]));
    }

    @Test
    void pathsOutsideTheGrammarStayAsTheyAre() {
        for (String d : new String[] {"L 10 10", "M 10", "M 1 2 L 3", "M 1,2,", "M 1 2 A 1 1 0 2 0 5 5", "Z"}) {
            assertEquals(d, PathMinifier.minify(d));
        }
    }

    @Test
    void randomPathsKeepBatiksPath() throws Exception {
        Random random = new Random(7);
        String letters = "MLHVCSQTAZmlhvcsqtaz";
        for (int n = 0; n < 2_000; n++) {
            StringBuilder d = new StringBuilder("M ").append(number(random)).append(' ').append(number(random));
            for (int s = 0; s < 12; s++) {
                char c = letters.charAt(random.nextInt(letters.length()));
                d.append(' ').append(c);
                int arity = PathSegment.arity(c);
                for (int k = 0; k < arity; k++) {
                    d.append(' ').append(PathSegment.isFlag(c, k) ? String.valueOf(random.nextInt(2))
                            : c == 'A' || c == 'a' ? (k < 2 ? "7.25" : k == 2 ? "30" : number(random)) : number(random));
                }
            }
            assertSameShape(d.toString(), PathMinifier.minify(d.toString()));
        }
    }

    private static String number(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> Integer.toString(random.nextInt(200) - 100);
            case 1 -> String.format(Locale.ROOT, "%.3f", random.nextDouble() * 200 - 100);
            case 2 -> String.format(Locale.ROOT, "%.6f", random.nextDouble() * 2000 - 1000);
            case 3 -> String.format(Locale.ROOT, "%.8f", random.nextDouble());
            default -> String.format(Locale.ROOT, "%.2f0", random.nextDouble() * 50);
        };
    }

    @ParameterizedTest
    @MethodSource("org.arxos.compress.svg.internal.SharedPlans#files")
    void pathsOfTheSharedPlansKeepBatiksPath(String file) throws Exception {
        String svg = new String(SharedPlans.read(file), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\\sd=\"([^\"]*)\"").matcher(svg);
        int count = 0;
        long before = 0;
        long after = 0;
        while (m.find()) {
            String d = m.group(1);
            String minified = PathMinifier.minify(d);
            assertSameShape(d, minified);
            before += d.length();
            after += minified.length();
            count++;
        }
        assertTrue(count > 0 && after < before * 0.95, file + ": " + count + " paths, " + before + " -> " + after);
    }

    static void assertSameShape(String original, String minified) throws Exception {
        assertEquals(segments(original), segments(minified), original + " -> " + minified);
    }

    private static List<String> segments(String d) throws Exception {
        Shape shape = AWTPathProducer.createShape(new StringReader(d), PathIterator.WIND_NON_ZERO);
        List<String> out = new ArrayList<>();
        float[] c = new float[6];
        for (PathIterator it = shape.getPathIterator(null); !it.isDone(); it.next()) {
            int type = it.currentSegment(c);
            StringBuilder s = new StringBuilder().append(type);
            for (float v : c) {
                s.append(' ').append(Float.floatToIntBits(v == 0 ? 0f : v));
            }
            out.add(s.toString());
            Arrays.fill(c, 0);
        }
        return out;
    }
}
