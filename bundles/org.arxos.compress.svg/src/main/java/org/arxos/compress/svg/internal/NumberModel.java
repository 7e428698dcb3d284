package org.arxos.compress.svg.internal;

/**
 * Codes exact decimal numbers, each in a context its place in the document names (attribute, property, path command
 * and argument). A number is first tried against the eight values seen last in its context, then against the
 * magnitudes seen so far in its attribute, ranked by frequency ({@link ValueDictionary}); otherwise its scale (decimal
 * places) is coded, then the difference between its digits and a prediction: zero, the context's last value, or one
 * of the two numbers just coded in the same element ({@code x2} after {@code x1}, a polyline's next x). Each context
 * picks the prediction that has recently been closest, so both sides pick the same without a flag.
 */
final class NumberModel {

    static final int MIN_SCALE = -8;
    static final int MAX_SCALE = 23;
    private static final int SCALES = 32;
    /** Scales are told apart up to seven places; more places share a context. */
    private static final int BUCKETS = 9;
    private static final int RECENT = 8;
    private static final int PREDICTORS = 4;
    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private final LongMap<Context> contexts = new LongMap<>();
    private final LongMap<ValueDictionary> dictionaries = new LongMap<>();
    /** The two numbers coded last in the current element. */
    private Decimal previous;
    private Decimal beforePrevious;

    /** Whether a number fits the coding: its scale in [-8, 23] (18 digits always fit). */
    static boolean codable(Decimal d) {
        return d.scale() >= MIN_SCALE && d.scale() <= MAX_SCALE;
    }

    /** A new element: the in-element predictions start empty. */
    void startElement() {
        previous = null;
        beforePrevious = null;
    }

    /**
     * Encodes {@code value}, or with {@code null} decodes a number.
     *
     * @param key    the number's context
     * @param family the numbers that share a dictionary of magnitudes (an attribute's)
     */
    Decimal code(BitCoder coder, long key, int family, Decimal value) {
        Context c = contexts.get(key, Context::new);
        ValueDictionary dictionary = dictionaries.get(family, ValueDictionary::new);
        Decimal v = c.code(coder, value, previous, beforePrevious, dictionary);
        dictionary.count(abs(v));
        beforePrevious = previous;
        previous = v;
        return v;
    }

    private static Decimal abs(Decimal d) {
        return d.signum() < 0 ? d.negate() : d;
    }

    private static final class Context {
        // Slot layout of one context.
        private static final int HIT = 0;
        private static final int KNOWN = HIT + 2;
        private static final int KNOWN_SIGN = KNOWN + 2;
        private static final int RECENT_INDEX = KNOWN_SIGN + 2;
        private static final int SCALE = RECENT_INDEX + RECENT;
        private static final int ZERO = SCALE + BUCKETS * SCALES;
        private static final int SIGN = ZERO + PREDICTORS;
        private static final int LENGTH = SIGN + PREDICTORS * 2;
        private static final int TOP_BITS = LENGTH + BUCKETS * 64;
        private static final int SIZE = TOP_BITS + 64 * 4;

        private final int[] slots = BitCoder.slots(SIZE);
        private final Decimal[] recent = new Decimal[RECENT];
        private int recentCount;
        private int lastHit;
        private int lastKnown;
        private int lastKnownSign;
        private int lastScale = -MIN_SCALE;
        private int lastSign;
        private Decimal last;
        /** Recent cost of each prediction, in sixteenths of a bit of difference, decaying. */
        private final int[] cost = new int[PREDICTORS];

        Decimal code(BitCoder coder, Decimal value, Decimal previous, Decimal beforePrevious,
                ValueDictionary dictionary) {
            int hitAt = -1;
            if (value != null) {
                for (int i = 0; i < recentCount; i++) {
                    if (recent[i].equals(value)) {
                        hitAt = i;
                        break;
                    }
                }
            }
            int hit = coder.bit(slots, HIT + lastHit, hitAt >= 0 ? 1 : 0);
            lastHit = hit;
            Decimal v;
            if (hit != 0) {
                int at = coder.tree(slots, RECENT_INDEX, 3, Math.max(hitAt, 0));
                if (at >= recentCount) {
                    throw new CorruptStream("a number refers to a value not seen");
                }
                v = recent[at];
            } else {
                int rank = value == null ? -1 : dictionary.rank(abs(value));
                int known = dictionary.size() == 0 ? 0 : coder.bit(slots, KNOWN + lastKnown, rank >= 0 ? 1 : 0);
                lastKnown = known;
                if (known != 0) {
                    Decimal magnitude = dictionary.code(coder, rank);
                    int negative = magnitude.signum() == 0 ? 0
                            : coder.bit(slots, KNOWN_SIGN + lastKnownSign, value != null && value.signum() < 0 ? 1 : 0);
                    lastKnownSign = negative;
                    v = negative != 0 ? magnitude.negate() : magnitude;
                } else {
                    v = codeDigits(coder, value, previous, beforePrevious);
                }
            }
            remember(v, previous, beforePrevious);
            return v;
        }

        private Decimal codeDigits(BitCoder coder, Decimal value, Decimal previous, Decimal beforePrevious) {
            int scaleSymbol = coder.tree(slots, SCALE + bucket(lastScale) * SCALES, 5,
                    value == null ? 0 : value.scale() - MIN_SCALE);
            lastScale = scaleSymbol;
            int scale = scaleSymbol + MIN_SCALE;
            int p = bestPredictor();
            long predicted = predicted(prediction(p, previous, beforePrevious), scale);
            long difference = value == null ? 0 : value.unscaled() - predicted;
            int zero = coder.bit(slots, ZERO + p, difference == 0 ? 1 : 0);
            if (zero != 0) {
                return new Decimal(predicted, scale);
            }
            int negative = coder.bit(slots, SIGN + p * 2 + lastSign, difference < 0 ? 1 : 0);
            lastSign = negative;
            long magnitude = Math.abs(difference);
            int length = coder.tree(slots, LENGTH + bucket(scaleSymbol) * 64, 6, 64 - Long.numberOfLeadingZeros(magnitude));
            if (length == 0) {
                throw new CorruptStream("a number of zero length that is not zero");
            }
            long m = 1;
            int rest = length - 1;
            int top = Math.min(rest, 2);
            if (top > 0) {
                int bits = coder.tree(slots, TOP_BITS + length * 4, top,
                        (int) (magnitude >>> (rest - top)) & ((1 << top) - 1));
                m = (m << top) | bits;
                rest -= top;
            }
            m = (m << rest) | coder.evenBits(rest, magnitude);
            if (length > 62) {
                throw new CorruptStream("a number longer than 62 bits");
            }
            long unscaled = predicted + (negative != 0 ? -m : m);
            if (Math.abs(unscaled) >= POW10[18]) {
                throw new CorruptStream("a number with more than 18 digits");
            }
            return new Decimal(unscaled, scale);
        }

        /** The context a scale symbol selects: integers (and coarser) together, then each place up to seven. */
        private static int bucket(int scaleSymbol) {
            return Math.max(0, Math.min(BUCKETS - 1, scaleSymbol + MIN_SCALE + 1));
        }

        /** The prediction with the smallest recent cost; the first on ties. */
        private int bestPredictor() {
            int best = 0;
            for (int p = 1; p < PREDICTORS; p++) {
                if (cost[p] < cost[best]) {
                    best = p;
                }
            }
            return best;
        }

        private void remember(Decimal v, Decimal previous, Decimal beforePrevious) {
            for (int p = 0; p < PREDICTORS; p++) {
                long d = v.unscaled() - predicted(prediction(p, previous, beforePrevious), v.scale());
                int bits = 64 - Long.numberOfLeadingZeros(Math.abs(d));
                cost[p] += bits * 16 - (cost[p] >> 3);
            }
            last = v;
            int at = -1;
            for (int i = 0; i < recentCount && at < 0; i++) {
                if (recent[i].equals(v)) {
                    at = i;
                }
            }
            if (at < 0) {
                at = Math.min(recentCount, RECENT - 1);
                recentCount = Math.min(recentCount + 1, RECENT);
            }
            System.arraycopy(recent, 0, recent, 1, at);
            recent[0] = v;
        }

        /** Prediction {@code p}: zero ({@code null}), the context's last value, or one of the element's last two. */
        private Decimal prediction(int p, Decimal previous, Decimal beforePrevious) {
            return p == 1 ? last : p == 2 ? beforePrevious : p == 3 ? previous : null;
        }

        /** The prediction's digits at the given scale (floored when it has more places), 0 when unusable. */
        private static long predicted(Decimal p, int scale) {
            if (p == null) {
                return 0;
            }
            int shift = scale - p.scale();
            if (shift >= 0) {
                long r = p.rescaled(scale);
                return r == Long.MIN_VALUE ? 0 : r;
            }
            return -shift >= POW10.length ? 0 : Math.floorDiv(p.unscaled(), POW10[-shift]);
        }
    }
}
