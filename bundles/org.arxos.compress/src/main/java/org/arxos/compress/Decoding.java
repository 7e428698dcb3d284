package org.arxos.compress;

/**
 * How a frame is read: the limits it must keep, and the dictionary or reference it was written with, if any.
 *
 * @param limits     checked before memory is spent
 * @param dictionary the dictionary of the frame's {@link Encoding}, or {@code null}
 * @param reference  the reference of the frame's {@link Encoding}, or {@code null}
 */
public record Decoding(FrameLimits limits, byte[] dictionary, byte[] reference) {

    public static final Decoding DEFAULT = new Decoding(FrameLimits.DEFAULT, null, null);

    public Decoding {
        if (limits == null) {
            throw new IllegalArgumentException("limits are required");
        }
    }

    public static Decoding of(FrameLimits limits) {
        return new Decoding(limits, null, null);
    }

    public Decoding withDictionary(byte[] bytes) {
        return new Decoding(limits, bytes, reference);
    }

    public Decoding withReference(byte[] bytes) {
        return new Decoding(limits, dictionary, bytes);
    }
}
