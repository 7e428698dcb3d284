package org.arxos.compress.delta;

import org.arxos.api.compress.CorruptDataException;

/** A delta was given a base other than the one it was made against; nothing was decoded. */
public class WrongBaseException extends CorruptDataException {

    private static final long serialVersionUID = 1L;

    private final String expected;
    private final String actual;

    /**
     * @param expected what identifies the base the delta was made against (a content hash, a length and checksum)
     * @param actual   the same for the base that was given
     */
    public WrongBaseException(String expected, String actual) {
        super("the delta was made against base " + expected + ", not against the given base " + actual);
        this.expected = expected;
        this.actual = actual;
    }

    public String expected() {
        return expected;
    }

    public String actual() {
        return actual;
    }
}
