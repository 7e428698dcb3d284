package org.arxos.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes input number {@code iteration} of a run: a corpus sample with one or more stacked mutations, byte-level ones
 * (flips, random bytes, chunk insert/delete/duplicate, splices, truncation) and ones that know the format (STEP, XML,
 * JSON). Everything is drawn from one {@link SplittableRandom} seeded from seed and iteration, so the same corpus, seed
 * and iteration always give the same input.
 */
final class Mutator {

    /** How the input is handed to the importer. */
    enum Delivery {
        /** a ByteArrayInputStream */
        WHOLE,
        /** 1 to 7 bytes per read call */
        TRICKLE,
        /** an IOException after some bytes */
        FAILING
    }

    record Input(long iteration, byte[] bytes, String sample, List<String> mutations, Delivery delivery,
            int failAfter) {
    }

    private final Target target;
    private final Corpus corpus;
    private final long seed;
    private final int maxInputBytes;
    private final Probes probes;

    Mutator(Target target, Corpus corpus, long seed, int maxInputBytes, Probes probes) {
        this.target = target;
        this.corpus = corpus;
        this.seed = seed;
        this.maxInputBytes = maxInputBytes;
        this.probes = probes;
    }

    static SplittableRandom random(long seed, long iteration) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + iteration * 0xC2B2AE3D27D4EB4FL + 1);
    }

    Input generate(long iteration) {
        SplittableRandom rng = random(seed, iteration);
        Corpus.Sample sample = corpus.sample(rng, maxInputBytes);
        byte[] b = sample.bytes();
        List<String> applied = new ArrayList<>();
        int count = rng.nextInt(20) == 0 ? 0 : 1 + (rng.nextInt(3) == 0 ? rng.nextInt(6) : 0);
        for (int i = 0; i < count; i++) {
            String[] name = new String[1];
            try {
                b = rng.nextInt(10) < 6 ? structured(b, rng, name) : bytes(b, rng, name);
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                // a mutation that cannot cope with what earlier ones made: skip it (still reproducible)
                name[0] = "skipped(" + e.getClass().getSimpleName() + ")";
            }
            applied.add(name[0]);
            // keep inputs bounded: a few MiB at most, whatever the mutations stacked up
            int cap = Math.max(sample.bytes().length, maxInputBytes) * 2 + (4 << 20);
            if (b.length > cap) {
                b = java.util.Arrays.copyOf(b, cap);
                applied.add("cap(" + cap + ")");
            }
        }
        int d = rng.nextInt(100);
        Delivery delivery = d < 85 ? Delivery.WHOLE : d < 95 ? Delivery.TRICKLE : Delivery.FAILING;
        int failAfter = delivery == Delivery.FAILING ? rng.nextInt(Math.max(1, b.length + 1)) : -1;
        return new Input(iteration, b, sample.how(), applied, delivery, failAfter);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // byte level

    private static final byte[] INTERESTING_BYTES = {0, (byte) 0xFF, 0x7F, (byte) 0x80, (byte) 0xC0, (byte) 0xED,
            (byte) 0xF4, '\'', '"', '<', '>', '(', ')', '#', ';', '\n', '\r', '\\', '&', '{', '}', '[', ']', ',', '=',
            '$', '*', '.', '-', 'E', '/', ':', '%'};

    private byte[] bytes(byte[] b, SplittableRandom rng, String[] name) {
        switch (rng.nextInt(8)) {
            case 0: {
                byte[] r = b.clone();
                int n = 1 + rng.nextInt(8);
                for (int i = 0; i < n && r.length > 0; i++) {
                    int at = rng.nextInt(r.length);
                    r[at] ^= (byte) (1 << rng.nextInt(8));
                }
                name[0] = "flip-bits(" + n + ")";
                return r;
            }
            case 1: {
                byte[] r = b.clone();
                int n = 1 + rng.nextInt(16);
                for (int i = 0; i < n && r.length > 0; i++) {
                    r[rng.nextInt(r.length)] = rng.nextBoolean() ? (byte) rng.nextInt(256)
                            : INTERESTING_BYTES[rng.nextInt(INTERESTING_BYTES.length)];
                }
                name[0] = "random-bytes(" + n + ")";
                return r;
            }
            case 2: {
                int at = pos(b, rng);
                byte[] chunk = new byte[1 + rng.nextInt(64)];
                for (int i = 0; i < chunk.length; i++) {
                    chunk[i] = rng.nextBoolean() ? (byte) rng.nextInt(256)
                            : INTERESTING_BYTES[rng.nextInt(INTERESTING_BYTES.length)];
                }
                name[0] = "insert-random(" + at + "," + chunk.length + ")";
                return splice(b, at, at, chunk);
            }
            case 3: {
                if (b.length == 0) {
                    name[0] = "delete(empty)";
                    return b;
                }
                int at = rng.nextInt(b.length);
                int len = Math.min(b.length - at, 1 + (rng.nextInt(4) == 0 ? rng.nextInt(65536) : rng.nextInt(64)));
                name[0] = "delete-chunk(" + at + "," + len + ")";
                return splice(b, at, at + len, new byte[0]);
            }
            case 4: {
                if (b.length == 0) {
                    name[0] = "duplicate(empty)";
                    return b;
                }
                int from = rng.nextInt(b.length);
                int len = Math.min(b.length - from, 1 + rng.nextInt(4096));
                int times = rng.nextInt(8) == 0 ? 1 + rng.nextInt(1000) : 1 + rng.nextInt(3);
                int at = pos(b, rng);
                ByteArrayOutputStream chunk = new ByteArrayOutputStream();
                for (int i = 0; i < times && chunk.size() < (2 << 20); i++) {
                    chunk.write(b, from, len);
                }
                name[0] = "duplicate-chunk(" + from + "," + len + "x" + times + "->" + at + ")";
                return splice(b, at, at, chunk.toByteArray());
            }
            case 5: {
                byte[] other = corpus.any(rng);
                int cutA = pos(b, rng);
                int cutB = other.length == 0 ? 0 : rng.nextInt(other.length);
                int lenB = Math.min(other.length - cutB, maxInputBytes);
                byte[] tail = java.util.Arrays.copyOfRange(other, cutB, cutB + lenB);
                name[0] = "splice(" + cutA + "|" + cutB + "+" + lenB + ")";
                return splice(b, cutA, b.length, tail);
            }
            case 6: {
                int at = b.length == 0 ? 0 : rng.nextInt(b.length);
                name[0] = "truncate(" + at + ")";
                return java.util.Arrays.copyOf(b, at);
            }
            default: {
                String[] tokens = target == Target.IFC ? STEP_TOKENS : target == Target.SVG ? XML_TOKENS : JSON_TOKENS;
                String t = tokens[rng.nextInt(tokens.length)];
                int at = pos(b, rng);
                name[0] = "insert-token(" + at + "," + printable(t) + ")";
                return splice(b, at, at, t.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static final String[] STEP_TOKENS = {"#", "#0", "#-1", "$", "*", "'", "''", "(", ")", "((", "))", ",",
            ";", "=", ".T.", ".F.", ".U.", ".", "..", "E", "1.E", "-", "/*", "*/", "\\X2\\", "\\X0\\", "\\S\\",
            "\\X\\", "\\PA\\", "ENDSEC;", "DATA;", "HEADER;", "END-ISO-10303-21;", "ISO-10303-21;", "IFCWALL(",
            "NaN", "1.E400", "\u00e9", "\u0000"};
    private static final String[] XML_TOKENS = {"<", ">", "</", "/>", "<!--", "-->", "<![CDATA[", "]]>", "&", "&amp;",
            "&#0;", "&#x110000;", "&#xD800;", "&unknown;", "&lt", "\"", "'", "=", "<?", "?>", "<!DOCTYPE", "xmlns=\"\"",
            " id=\"dup\"", "<g>", "</g>", "<use href=\"#\"/>", "NaN", "1e308", "\u00e9", "\uFFFE", "\u0000"};
    private static final String[] JSON_TOKENS = {"{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800", "null",
            "true", "false", "NaN", "-", "1e", "0x1", "//", "/*", "\u0000", "\uFEFF", "\"id\":\"x\"", "\"parent\":\"hq\""};

    // ---------------------------------------------------------------------------------------------------------------
    // format aware

    private byte[] structured(byte[] b, SplittableRandom rng, String[] name) {
        String s = new String(b, StandardCharsets.ISO_8859_1);
        String r;
        switch (target) {
            case IFC:
                r = StepMutations.mutate(s, rng, name, probes);
                break;
            case SVG:
                r = XmlMutations.mutate(s, rng, name, probes);
                break;
            default:
                r = JsonMutations.mutate(s, rng, name);
                break;
        }
        return r.getBytes(StandardCharsets.ISO_8859_1);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // helpers shared by the format mutations

    private static int pos(byte[] b, SplittableRandom rng) {
        return b.length == 0 ? 0 : rng.nextInt(b.length + 1);
    }

    static byte[] splice(byte[] b, int from, int to, byte[] insert) {
        byte[] r = new byte[b.length - (to - from) + insert.length];
        System.arraycopy(b, 0, r, 0, from);
        System.arraycopy(insert, 0, r, from, insert.length);
        System.arraycopy(b, to, r, from + insert.length, b.length - to);
        return r;
    }

    /** A Java string as UTF-8 bytes read as ISO-8859-1: what the format mutations splice into their text. */
    static String utf8(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** A match of p starting at a random place (wrapping around), or null. */
    static Matcher randomMatch(String s, Pattern p, SplittableRandom rng) {
        Matcher m = p.matcher(s);
        if (s.isEmpty()) {
            return m.find() ? m : null;
        }
        if (m.find(rng.nextInt(s.length())) || m.find(0)) {
            return m;
        }
        return null;
    }

    static String replace(String s, int from, int to, String with) {
        return new StringBuilder(s.length() - (to - from) + with.length()).append(s, 0, from).append(with)
                .append(s, to, s.length()).toString();
    }

    /** unit repeated, at most 8 MiB of it (a repeated element may itself be huge after earlier mutations). */
    static String repeat(String unit, int times) {
        int max = (8 << 20) / Math.max(1, unit.length());
        return unit.repeat(Math.max(0, Math.min(times, max)));
    }

    static <T> T pick(SplittableRandom rng, T[] values) {
        return values[rng.nextInt(values.length)];
    }

    static int depth(SplittableRandom rng) {
        int[] depths = {64, 300, 1000, 3000, 10_000, 50_000, 200_000};
        return depths[rng.nextInt(depths.length)];
    }

    static String printable(String t) {
        StringBuilder sb = new StringBuilder();
        for (char c : t.toCharArray()) {
            sb.append(c < 32 || c > 126 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return sb.length() > 60 ? sb.substring(0, 60) + "..." : sb.toString();
    }
}
