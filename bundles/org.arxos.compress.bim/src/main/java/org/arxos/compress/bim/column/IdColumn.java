package org.arxos.compress.bim.column;

import java.nio.charset.StandardCharsets;

/**
 * Ids (and other strings that are often numbered), each coded against a reference string the reader knows already
 * (the previous sibling or the parent, the previous connection, the previous new text): as the reference with its
 * trailing number moved ({@code f3z2e-c16} to {@code f3z2e-c17}), as a prefix of the reference plus a suffix
 * ({@code f3z2} to {@code f3z2e}), or, for IFC GlobalIds, as their 128 bits.
 */
public final class IdColumn {

    private static final int INCREMENT = 0;
    private static final int PREFIX = 1;
    private static final int GUID = 2;
    /** The most a trailing number may move and still be coded as a step. */
    private static final long MAX_STEP = 1L << 32;

    private IdColumn() {
    }

    public static final class Writer {

        private final ByteSink ops;
        private final ByteSink numbers;
        private final ByteSink texts;
        private final ByteSink guids;

        public Writer(ColumnSet.Writer columns) {
            ops = columns.add();
            numbers = columns.add();
            texts = columns.add();
            guids = columns.add();
        }

        /** @param reference an id the reader will know when it reads this one; empty when there is none */
        public void write(String id, String reference) {
            int digits = TrailingNumber.start(reference);
            if (digits < reference.length() && id.startsWith(reference.substring(0, digits))
                    && TrailingNumber.start(id) == digits) {
                long step = TrailingNumber.value(id, digits) - TrailingNumber.value(reference, digits);
                if (TrailingNumber.isCanonical(id, digits) && Math.abs(step) <= MAX_STEP) {
                    ops.write(INCREMENT);
                    numbers.writeSigned(step);
                    return;
                }
            }
            if (GlobalId.matches(id)) {
                ops.write(GUID);
                GlobalId.write(id, guids);
                return;
            }
            int common = 0;
            int max = Math.min(id.length(), reference.length());
            while (common < max && id.charAt(common) == reference.charAt(common)) {
                common++;
            }
            if (common > 0 && Character.isHighSurrogate(id.charAt(common - 1))) {
                common--; // never split a surrogate pair: the suffix is written as UTF-8
            }
            ops.write(PREFIX);
            numbers.writeVarInt(common);
            texts.writeString(id.substring(common));
        }
    }

    public static final class Reader {

        private final ByteSource ops;
        private final ByteSource numbers;
        private final ByteSource texts;
        private final ByteSource guids;
        private String stepped;
        private int steppedDigits;
        private long steppedValue;
        /** The stepped id's prefix in Latin-1, then room for its number; {@code null} for another prefix. */
        private byte[] steppedText;

        public Reader(ColumnSet.Reader columns, String name) {
            ops = columns.next(name + " op");
            numbers = columns.next(name + " number");
            texts = columns.next(name + " text");
            guids = columns.next(name + " guid");
        }

        public String read(String reference) {
            int op = ops.read();
            switch (op) {
                case INCREMENT -> {
                    if (reference != stepped) {
                        steppedDigits = TrailingNumber.start(reference);
                        if (steppedDigits == reference.length()) {
                            throw new MalformedDataException("the " + ops.name() + " column steps the number of '"
                                    + reference + "', which has none");
                        }
                        steppedValue = TrailingNumber.value(reference, steppedDigits);
                        steppedText = TrailingNumber.latin1Prefix(reference, steppedDigits, steppedText);
                    }
                    long step = numbers.readSigned();
                    if (Math.abs(step) > MAX_STEP) {
                        throw new MalformedDataException("the " + numbers.name() + " column has a step of " + step);
                    }
                    // the next id is mostly stepped from this one: keep its prefix and number instead of parsing it
                    steppedValue += step;
                    if (steppedValue < 0 || steppedValue >= TrailingNumber.LIMIT) {
                        throw new MalformedDataException("the " + numbers.name() + " column steps '" + reference
                                + "' to " + steppedValue + ", which no id of the writer ends with");
                    }
                    stepped = steppedText != null
                            ? TrailingNumber.withNumber(steppedText, steppedDigits, steppedValue)
                            : new StringBuilder(steppedDigits + 20).append(reference, 0, steppedDigits)
                                    .append(steppedValue).toString();
                    return stepped;
                }
                case GUID -> {
                    return GlobalId.read(guids);
                }
                case PREFIX -> {
                    int common = numbers.readVarInt(reference.length());
                    return reference.substring(0, common) + texts.readString();
                }
                default -> throw new MalformedDataException("the " + ops.name() + " column has an unknown op " + op);
            }
        }
    }

    /** The decimal number an id ends with, as in {@code c17}: at most 18 digits, no leading zero. */
    static final class TrailingNumber {

        private static final int MAX_DIGITS = 18;
        /** The first value with more digits. */
        static final long LIMIT = 1_000_000_000_000_000_000L;

        private TrailingNumber() {
        }

        /** Where the trailing digits start; the length when there are none or too many. */
        static int start(String s) {
            int i = s.length();
            while (i > 0 && s.charAt(i - 1) >= '0' && s.charAt(i - 1) <= '9') {
                i--;
            }
            return s.length() - i > MAX_DIGITS ? s.length() : i;
        }

        static long value(String s, int start) {
            long v = 0;
            for (int i = start; i < s.length(); i++) {
                v = v * 10 + (s.charAt(i) - '0');
            }
            return v;
        }

        /**
         * The first {@code start} characters of {@code s} as Latin-1 bytes in {@code buffer}, or a larger array when it
         * has no room for them and the longest number after them; {@code null} when one of them is not Latin-1.
         */
        static byte[] latin1Prefix(String s, int start, byte[] buffer) {
            byte[] text = buffer != null && buffer.length >= start + MAX_DIGITS ? buffer
                    : new byte[start + 2 * MAX_DIGITS];
            for (int i = 0; i < start; i++) {
                char c = s.charAt(i);
                if (c > 0xFF) {
                    return null;
                }
                text[i] = (byte) c;
            }
            return text;
        }

        /**
         * The prefix in {@code text} followed by {@code value} in decimal: what appending the number to the prefix
         * gives, without a builder's intermediate copies (a million-object decode makes a million such ids).
         */
        static String withNumber(byte[] text, int start, long value) {
            int end = start + 1;
            for (long power = 10; end - start < MAX_DIGITS && value >= power; power *= 10) {
                end++;
            }
            long rest = value;
            for (int i = end - 1; i >= start; i--) {
                text[i] = (byte) ('0' + rest % 10);
                rest /= 10;
            }
            return new String(text, 0, end, StandardCharsets.ISO_8859_1);
        }

        /** Whether the digits from {@code start} are what {@link Long#toString} gives for their value. */
        static boolean isCanonical(String s, int start) {
            return start < s.length() && (s.charAt(start) != '0' || s.length() - start == 1);
        }
    }
}
