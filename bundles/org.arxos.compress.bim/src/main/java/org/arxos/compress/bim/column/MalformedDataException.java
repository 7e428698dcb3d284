package org.arxos.compress.bim.column;

/**
 * Encoded data that cannot be decoded: a column ends early, a count or index is out of range. Unchecked so that the
 * column coders stay plain; the codecs turn it into a {@link org.arxos.api.compress.CorruptDataException}.
 */
public final class MalformedDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedDataException(String message) {
        super(message);
    }
}
