package org.arxos.compress;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/** Test content: text like a floor plan (compressible), random bytes (incompressible), and mixes of both. */
final class Samples {

    private Samples() {
    }

    /** SVG-like text of about {@code length} bytes, regular enough to compress well but not trivially. */
    static byte[] text(int length, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(length + 200);
        while (text.length() < length) {
            text.append("<rect id=\"r").append(random.nextInt(100_000)).append("\" x=\"")
                    .append(random.nextInt(5000) / 10.0).append("\" y=\"").append(random.nextInt(5000) / 10.0)
                    .append("\" width=\"").append(1 + random.nextInt(40)).append("\" height=\"")
                    .append(1 + random.nextInt(40)).append("\" class=\"").append(random.nextBoolean() ? "wall" : "door")
                    .append("\"/>\n");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
        return Arrays.copyOf(bytes, length);
    }

    static byte[] random(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** Alternating stretches of text and random bytes. */
    static byte[] mixed(int length, long seed) {
        byte[] bytes = new byte[length];
        Random random = new Random(seed);
        int at = 0;
        while (at < length) {
            int stretch = Math.min(length - at, 50_000 + random.nextInt(200_000));
            byte[] part = random.nextInt(3) == 0 ? random(stretch, random.nextLong()) : text(stretch, random.nextLong());
            System.arraycopy(part, 0, bytes, at, stretch);
            at += stretch;
        }
        return bytes;
    }
}
