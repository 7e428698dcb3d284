package org.arxos.http.internal.collab;

/** A client frame that is not a message of the protocol; its text goes back in a MALFORMED error. */
final class MalformedMessageException extends Exception {

    private static final long serialVersionUID = 1L;

    private final long sequence;

    /** @param sequence the {@code seq} of the operation concerned when it could be read, otherwise 0 */
    MalformedMessageException(String message, long sequence) {
        super(message);
        this.sequence = sequence;
    }

    long sequence() {
        return sequence;
    }
}
